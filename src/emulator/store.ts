// Codes and tokens, each stamped with the API version that issued it (v1 and v2 never mix), with expiry,
// single-use codes, grants that revoke as a whole, and v2 refresh-token rotation.
import { randomBytes } from 'node:crypto';

export type ApiVersion = 'v1' | 'v2';

export interface CodeRecord {
  code: string;
  version: ApiVersion;
  client_key: string;
  redirect_uri: string;
  scopes: string[];
  open_id: string;
  expiresAt: number;
  used: boolean;
}

/** One sign-in: the access and refresh tokens issued from one code, and their successors after refreshes. */
export interface Grant {
  id: number;
  version: ApiVersion;
  client_key: string;
  open_id: string;
  scopes: string[];
  revoked: boolean;
}

export interface TokenRecord {
  token: string;
  kind: 'access' | 'refresh';
  grant: Grant;
  expiresAt: number;
  /** Set on a v2 refresh token once it was exchanged (rotation). */
  rotated: boolean;
}

export interface IssuedTokens {
  access: TokenRecord;
  refresh: TokenRecord;
}

export interface VersionCounts {
  codesIssued: number;
  codesRedeemed: number;
  accessTokensIssued: number;
  refreshTokensIssued: number;
  refreshes: number;
  revocations: number;
}

export type Lookup<T> = { ok: true; record: T } | { ok: false; reason: string; version?: ApiVersion };

export interface StoreOptions {
  now: () => number;
  codeTtlSeconds: number;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

const emptyCounts = (): VersionCounts => ({
  codesIssued: 0,
  codesRedeemed: 0,
  accessTokensIssued: 0,
  refreshTokensIssued: 0,
  refreshes: 0,
  revocations: 0,
});

function random(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export class TokenStore {
  private codes = new Map<string, CodeRecord>();
  private tokens = new Map<string, TokenRecord>();
  private nextGrant = 1;
  readonly counts: Record<ApiVersion, VersionCounts> = { v1: emptyCounts(), v2: emptyCounts() };

  constructor(readonly options: StoreOptions) {}

  get accessTtlSeconds(): number {
    return this.options.accessTtlSeconds;
  }

  get refreshTtlSeconds(): number {
    return this.options.refreshTtlSeconds;
  }

  issueCode(fields: Omit<CodeRecord, 'code' | 'expiresAt' | 'used'>): CodeRecord {
    this.sweep();
    const record: CodeRecord = {
      ...fields,
      code: `${fields.version === 'v2' ? '' : 'v1'}${random(24)}`,
      expiresAt: this.options.now() + this.options.codeTtlSeconds * 1000,
      used: false,
    };
    this.codes.set(record.code, record);
    this.counts[fields.version].codesIssued++;
    return record;
  }

  /**
   * Looks a code up for `version` without using it up: the caller validates the rest of the request and then
   * calls redeemCode, so a request that fails for another reason (say a wrong redirect_uri) leaves the code usable.
   */
  findCode(code: string, version: ApiVersion, client_key: string): Lookup<CodeRecord> {
    const record = this.codes.get(code);
    if (!record) return { ok: false, reason: 'authorization code is invalid' };
    if (record.version !== version) {
      return { ok: false, version: record.version, reason: `authorization code issued by the ${record.version} API` };
    }
    if (record.used) return { ok: false, reason: 'authorization code was already used' };
    if (record.expiresAt <= this.options.now()) return { ok: false, reason: 'authorization code expired' };
    if (record.client_key !== client_key) return { ok: false, reason: 'authorization code was issued to another client_key' };
    return { ok: true, record };
  }

  redeemCode(record: CodeRecord): IssuedTokens {
    record.used = true;
    this.counts[record.version].codesRedeemed++;
    const grant: Grant = {
      id: this.nextGrant++,
      version: record.version,
      client_key: record.client_key,
      open_id: record.open_id,
      scopes: record.scopes,
      revoked: false,
    };
    return { access: this.issueAccess(grant), refresh: this.issueRefresh(grant) };
  }

  private issueAccess(grant: Grant): TokenRecord {
    const suffix = grant.version === 'v2' ? '.va' : '.v1';
    const record: TokenRecord = {
      token: `act.${random(30)}!${grant.id}${suffix}`,
      kind: 'access',
      grant,
      expiresAt: this.options.now() + this.options.accessTtlSeconds * 1000,
      rotated: false,
    };
    this.tokens.set(record.token, record);
    this.counts[grant.version].accessTokensIssued++;
    return record;
  }

  private issueRefresh(grant: Grant): TokenRecord {
    const suffix = grant.version === 'v2' ? '.va' : '.v1';
    const record: TokenRecord = {
      token: `rft.${random(30)}!${grant.id}${suffix}`,
      kind: 'refresh',
      grant,
      expiresAt: this.options.now() + this.options.refreshTtlSeconds * 1000,
      rotated: false,
    };
    this.tokens.set(record.token, record);
    this.counts[grant.version].refreshTokensIssued++;
    return record;
  }

  /** A live token of `kind` issued by `version`; the failure reason names the other version when they differ. */
  findToken(token: string, kind: 'access' | 'refresh', version: ApiVersion): Lookup<TokenRecord> {
    const record = this.tokens.get(token);
    const noun = kind === 'access' ? 'access token' : 'refresh token';
    if (!record) return { ok: false, reason: `${noun} is invalid` };
    if (record.grant.version !== version) {
      return { ok: false, version: record.grant.version, reason: `token issued by the ${record.grant.version} API` };
    }
    if (record.kind !== kind) return { ok: false, reason: `a ${record.kind} token was sent where the ${noun} belongs` };
    if (record.grant.revoked) return { ok: false, reason: `${noun} was revoked` };
    if (record.rotated) return { ok: false, reason: `${noun} was already used: v2 rotates refresh tokens, use the new one` };
    if (record.expiresAt <= this.options.now()) return { ok: false, reason: `${noun} expired` };
    return { ok: true, record };
  }

  /** The record of any token, live or not (revoke needs it to tell "unknown" from "already revoked"). */
  peekToken(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  /**
   * Refreshes a grant. v2 rotates: the old refresh token stops working and a new one is issued.
   * v1 (the emulator's choice, undocumented by TikTok) returns the same refresh token.
   */
  refresh(old: TokenRecord): IssuedTokens {
    const grant = old.grant;
    this.counts[grant.version].refreshes++;
    const access = this.issueAccess(grant);
    if (grant.version === 'v1') return { access, refresh: old };
    old.rotated = true;
    return { access, refresh: this.issueRefresh(grant) };
  }

  /** Revokes the whole grant: its access and refresh tokens, past and present. */
  revoke(record: TokenRecord): void {
    if (record.grant.revoked) return;
    record.grant.revoked = true;
    this.counts[record.grant.version].revocations++;
  }

  /** Drops expired codes so the map stays bounded by the traffic of the last code TTL. */
  private sweep(): void {
    // Kept one more TTL after expiry, so a late exchange still hears "expired" rather than "invalid".
    const cutoff = this.options.now() - this.options.codeTtlSeconds * 1000;
    for (const [code, record] of this.codes) {
      if (record.expiresAt <= cutoff) this.codes.delete(code);
    }
  }

  snapshot(): { codes: number; tokens: number; counts: Record<ApiVersion, VersionCounts> } {
    return {
      codes: this.codes.size,
      tokens: this.tokens.size,
      counts: { v1: { ...this.counts.v1 }, v2: { ...this.counts.v2 } },
    };
  }

  clear(): void {
    this.codes.clear();
    this.tokens.clear();
    this.counts.v1 = emptyCounts();
    this.counts.v2 = emptyCounts();
  }
}
