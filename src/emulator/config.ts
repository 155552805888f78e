// The emulator's configuration: the apps it knows (client_key, client_secret, registered redirect URIs) and the
// users it signs in. Loaded from a small JSON file and validated with errors that name the offending key.
import { readFile } from 'node:fs/promises';

export interface EmulatorApp {
  client_key: string;
  client_secret: string;
  /** Registered redirect URIs (v2: exact match, static https). Their hosts are the app's v1 redirect domains. */
  redirect_uris: string[];
  /** Scopes the app was granted in the developer portal; absent = any well-formed scope. */
  scopes?: string[];
}

export interface EmulatorUser {
  open_id: string;
  union_id: string;
  display_name: string;
  avatar_url: string;
}

export interface EmulatorSettings {
  /** Accept `http://localhost`/`127.0.0.1` redirect URIs, for a sample app served locally. Default false. */
  allow_http_loopback_redirect_uris?: boolean;
  /** Accept `application/x-www-form-urlencoded;charset=UTF-8` on v2 (spec: reportedly rejected). Default false. */
  allow_form_charset?: boolean;
  /** Lifetime of an authorization code. Default 300 (5 minutes). */
  code_ttl_seconds?: number;
  /** `expires_in` of access tokens. Default 86400 (24 hours). */
  access_token_ttl_seconds?: number;
  /** `refresh_expires_in` of refresh tokens. Default 31536000 (365 days). */
  refresh_token_ttl_seconds?: number;
}

export interface EmulatorConfig {
  apps: EmulatorApp[];
  /** Who "signs in" at authorize: the first user. Default: one made-up user. */
  users?: EmulatorUser[];
  settings?: EmulatorSettings;
}

/** A config with every default filled in. */
export interface ResolvedConfig {
  apps: EmulatorApp[];
  users: EmulatorUser[];
  settings: Required<EmulatorSettings>;
}

export const DEFAULT_USER: EmulatorUser = {
  open_id: '-000emulatorOpenId0000000000000000',
  union_id: 'c9b1e0f0-emul-4a7e-9a1b-000000000001',
  display_name: 'Emulator User',
  avatar_url: 'https://p16-sign.tiktokcdn-us.com/emulator/avatar.jpeg',
};

export const DEFAULT_CONFIG: EmulatorConfig = {
  apps: [
    {
      client_key: 'emulatorclientkey',
      client_secret: 'emulator-client-secret',
      redirect_uris: ['https://app.example.com/auth/tiktok/callback'],
      scopes: ['user.info.basic', 'user.info.profile', 'user.info.stats', 'video.list'],
    },
  ],
  users: [DEFAULT_USER],
};

const DEFAULT_SETTINGS: Required<EmulatorSettings> = {
  allow_http_loopback_redirect_uris: false,
  allow_form_charset: false,
  code_ttl_seconds: 300,
  access_token_ttl_seconds: 86_400,
  refresh_token_ttl_seconds: 31_536_000,
};

export class EmulatorConfigError extends Error {
  override name = 'EmulatorConfigError';
}

/** Spec section 4: at most 10 redirect URIs per app, each under 512 characters. */
export const MAX_REDIRECT_URIS = 10;
export const MAX_REDIRECT_URI_LENGTH = 512;
/** A scope name: dot-separated lower-case words, e.g. user.info.basic. */
export const SCOPE_RE = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Why a redirect URI is not a valid static v2 web redirect URI (spec section 4), or null when it is.
 * Used both for the config (registered URIs) and by v2 authorize (the requested one).
 */
export function staticRedirectUriProblem(uri: string, allowHttpLoopback: boolean): string | null {
  if (uri.length >= MAX_REDIRECT_URI_LENGTH) return `must be under ${MAX_REDIRECT_URI_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'must be an absolute URL';
  }
  const loopbackHttp = allowHttpLoopback && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) return 'must use https';
  if (uri.includes('?')) return 'must be static: no query parameters (carry them in state)';
  if (uri.includes('#')) return 'must be static: no #fragment';
  return null;
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, Json>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new EmulatorConfigError(`${where}: unknown key "${key}" (allowed: ${allowed.join(', ')})`);
    }
  }
}

function nonEmptyString(value: Json, where: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value !== value.trim()) {
    throw new EmulatorConfigError(`${where} must be a non-empty string without surrounding spaces`);
  }
  return value;
}

function stringArray(value: Json, where: string): string[] {
  if (!Array.isArray(value)) throw new EmulatorConfigError(`${where} must be an array of strings`);
  return value.map((item, i) => nonEmptyString(item, `${where}[${i}]`));
}

function validateApp(raw: Json, where: string, settings: Required<EmulatorSettings>): EmulatorApp {
  if (!isObject(raw)) throw new EmulatorConfigError(`${where} must be an object`);
  checkKeys(raw, ['client_key', 'client_secret', 'redirect_uris', 'scopes'], where);
  const client_key = nonEmptyString(raw.client_key, `${where}.client_key`);
  const client_secret = nonEmptyString(raw.client_secret, `${where}.client_secret`);
  const redirect_uris = stringArray(raw.redirect_uris, `${where}.redirect_uris`);
  if (redirect_uris.length === 0) throw new EmulatorConfigError(`${where}.redirect_uris must not be empty`);
  if (redirect_uris.length > MAX_REDIRECT_URIS) {
    throw new EmulatorConfigError(`${where}.redirect_uris: at most ${MAX_REDIRECT_URIS} per app (TikTok's limit)`);
  }
  redirect_uris.forEach((uri, i) => {
    const problem = staticRedirectUriProblem(uri, settings.allow_http_loopback_redirect_uris);
    if (problem) throw new EmulatorConfigError(`${where}.redirect_uris[${i}] "${uri}" ${problem}`);
  });
  const app: EmulatorApp = { client_key, client_secret, redirect_uris };
  if (raw.scopes !== undefined) {
    app.scopes = stringArray(raw.scopes, `${where}.scopes`);
    app.scopes.forEach((scope, i) => {
      if (!SCOPE_RE.test(scope)) throw new EmulatorConfigError(`${where}.scopes[${i}] "${scope}" is not a scope name`);
    });
  }
  return app;
}

function validateUser(raw: Json, where: string): EmulatorUser {
  if (!isObject(raw)) throw new EmulatorConfigError(`${where} must be an object`);
  checkKeys(raw, ['open_id', 'union_id', 'display_name', 'avatar_url'], where);
  return {
    open_id: nonEmptyString(raw.open_id, `${where}.open_id`),
    union_id: nonEmptyString(raw.union_id, `${where}.union_id`),
    display_name: nonEmptyString(raw.display_name, `${where}.display_name`),
    avatar_url: nonEmptyString(raw.avatar_url, `${where}.avatar_url`),
  };
}

function validateSettings(raw: Json, where: string): Required<EmulatorSettings> {
  if (raw === undefined) return { ...DEFAULT_SETTINGS };
  if (!isObject(raw)) throw new EmulatorConfigError(`${where} must be an object`);
  checkKeys(raw, Object.keys(DEFAULT_SETTINGS), where);
  const out = { ...DEFAULT_SETTINGS };
  for (const key of ['allow_http_loopback_redirect_uris', 'allow_form_charset'] as const) {
    if (raw[key] === undefined) continue;
    if (typeof raw[key] !== 'boolean') throw new EmulatorConfigError(`${where}.${key} must be true or false`);
    out[key] = raw[key];
  }
  for (const key of ['code_ttl_seconds', 'access_token_ttl_seconds', 'refresh_token_ttl_seconds'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new EmulatorConfigError(`${where}.${key} must be a positive whole number of seconds`);
    }
    out[key] = value;
  }
  return out;
}

/** Validates a parsed config (from JSON or code) and fills in the defaults. `source` names it in errors. */
export function resolveEmulatorConfig(raw: unknown, source = 'config'): ResolvedConfig {
  if (!isObject(raw)) throw new EmulatorConfigError(`${source}: the config must be a JSON object`);
  checkKeys(raw, ['apps', 'users', 'settings'], source);
  const settings = validateSettings(raw.settings, `${source}: settings`);
  if (!Array.isArray(raw.apps) || raw.apps.length === 0) {
    throw new EmulatorConfigError(`${source}: "apps" must be a non-empty array of {client_key, client_secret, redirect_uris}`);
  }
  const apps = raw.apps.map((app, i) => validateApp(app, `${source}: apps[${i}]`, settings));
  const keys = new Set<string>();
  for (const app of apps) {
    if (keys.has(app.client_key)) throw new EmulatorConfigError(`${source}: client_key "${app.client_key}" appears twice`);
    keys.add(app.client_key);
  }
  let users = [DEFAULT_USER];
  if (raw.users !== undefined) {
    if (!Array.isArray(raw.users) || raw.users.length === 0) {
      throw new EmulatorConfigError(`${source}: "users" must be a non-empty array when given`);
    }
    users = raw.users.map((user, i) => validateUser(user, `${source}: users[${i}]`));
    const ids = new Set<string>();
    for (const user of users) {
      if (ids.has(user.open_id)) throw new EmulatorConfigError(`${source}: open_id "${user.open_id}" appears twice`);
      ids.add(user.open_id);
    }
  }
  return { apps, users, settings };
}

/** Parses JSON text as a config; `source` (a file name) prefixes every error. */
export function parseEmulatorConfig(text: string, source = 'config'): EmulatorConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new EmulatorConfigError(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const resolved = resolveEmulatorConfig(raw, source);
  return { apps: resolved.apps, users: resolved.users, settings: resolved.settings };
}

/** Reads and validates a config file. Throws EmulatorConfigError with a message fit for the terminal. */
export async function loadEmulatorConfig(path: string): Promise<EmulatorConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new EmulatorConfigError(`cannot read emulator config ${path}: ${code}`);
  }
  return parseEmulatorConfig(text, path);
}
