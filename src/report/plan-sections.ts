// The parts of the Markdown report that read like a migration plan: manual steps in the order of the OAuth flow,
// the mixed v1/v2 flows, the mobile code kept on v1, and what to do before deploying (spec sections 4-5).
import type { Finding } from './model.js';

/** authorize -> callback -> token -> refresh -> revoke -> data calls; then what has no endpoint. */
const FLOW_ORDER = ['authorize', 'token', 'refresh', 'revoke', 'user-info', 'video-list', 'video-query', 'qrcode-get', 'qrcode-check', 'share-video'];

export function byFlow(findings: readonly Finding[]): Finding[] {
  const rank = (f: Finding) => {
    if (f.ruleId.startsWith('redirect-uri') || f.ruleId.startsWith('state-')) return 1; // the callback
    const i = f.endpoint ? FLOW_ORDER.indexOf(f.endpoint) : -1;
    return i < 0 ? FLOW_ORDER.length + 2 : i === 0 ? 0 : i + 2;
  };
  return [...findings].sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file) || a.line - b.line);
}

export function mixedFlowsSection(findings: readonly Finding[], link: (id: string) => string): string | undefined {
  const mixed = findings.filter((f) => f.ruleId === 'mixed-token-use');
  if (mixed.length === 0) return undefined;
  const rows = mixed.map((f) => `- \`${f.file}:${f.line}\` — ${f.message} ${f.fix === 'auto' ? '**Resolved by this migration.**' : '**Remains.**'} (${link(f.ruleId)})`);
  return ['## Mixed v1/v2 flows', '', ...rows].join('\n');
}

/** Auto fixes that change behaviour (moving redirect URI parameters into state): each with what it changed. */
export function unsafeFixesSection(findings: readonly Finding[], link: (id: string) => string): string | undefined {
  const unsafe = findings.filter((f) => f.unsafe);
  if (unsafe.length === 0) return undefined;
  const rows = unsafe.map((f) => `- \`${f.file}:${f.line}\`${f.applied ? ' (applied)' : ''} — ${f.message} (${link(f.ruleId)})`);
  return [
    '## Unsafe fixes (they change behaviour)',
    '',
    'These rewrites change what the app sends and reads; review them like a code change and test the login. Run with `--no-state-transform` to leave them out.',
    '',
    ...rows,
  ].join('\n');
}

export function mobileSection(findings: readonly Finding[], link: (id: string) => string): string | undefined {
  const kept = findings.filter((f) => f.ruleId === 'mobile-v1-kept');
  if (kept.length === 0) return undefined;
  const rows = kept.map((f) => `- \`${f.file}:${f.line}\` — ${f.message} (${link(f.ruleId)})`);
  return ['## Mobile code kept on v1', '', 'TikTok told mobile clients to keep v1; these were not changed. Run with `--platform web` on a package that moved to the new OpenSDK.', '', ...rows].join('\n');
}

export function beforeDeploySection(): string {
  return [
    '## Before you deploy',
    '',
    '- [ ] Register every redirect URI above in the developer portal (Manage apps → Login Kit → Redirect URI): exact, static, https, at most 10.',
    '- [ ] Log in once end to end on a staging app: authorize, callback, code exchange, user info.',
    '- [ ] Test the refresh job: v2 needs client_secret on refresh, and it returns a new refresh token each time: store it.',
    '- [ ] Sessions made with v1 tokens cannot be refreshed on v2: users sign in again once.',
    '- [ ] v1 OAuth for web stopped on 2024-02-29: nothing in the web app should still call open-api.tiktok.com.',
  ].join('\n');
}
