// simov/grant: a `tiktok` entry in a grant config, in JSON (config/oauth.json style) or a JS object in a module that
// imports grant. URLs in JS are migrated by the scanner and v1 URLs in JSON are reported as non-code references; this
// reports what grant itself still does in v1 style. Facts (checked in grant 5.4.24, the latest, and its CHANGELOG):
// - config/oauth.json's built-in tiktok provider is v1: authorize_url https://open-api.tiktok.com/platform/oauth/connect/,
//   access_url https://open-api.tiktok.com/oauth/access_token/; config/profile.json: profile_url .../user/info/.
// - lib/flow/oauth2.js sends client_key instead of client_id for the provider named tiktok (lib/config.js sets that
//   flag from the entry's name; static overrides inherit it), posts the code exchange as a form with grant_type,
//   code, client_secret and redirect_uri; lib/response.js reads access_token at the top level: v2-ready.
// - lib/profile.js fetches the tiktok profile with POST and the JSON body { access_token, open_id, fields }: v1.
// - custom_params go into the authorize URL only. TikTok support came in 5.4.21 (CHANGELOG).
import { ts } from 'ts-morph';
import type { Finding, Fix, Severity } from '../report/model.js';
import type { CodeUnit } from '../scan/parse.js';
import { propertyName, skipOuter } from '../scan/resolve.js';
import { importBindings, nearestPackage, nodeFinding, pinnedVersion, prop, textFinding, versionBelow, walk, type Detector } from './common.js';

const GRANT_PKG = /^grant(-[a-z0-9]+)?(\/|$)/;
const GRANT_KEYS = ['key', 'secret', 'client_id', 'client_secret', 'callback', 'transport', 'response', 'authorize_url', 'access_url', 'custom_params', 'overrides', 'origin', 'redirect_uri', 'profile_url'];
const V2 = { authorize_url: 'https://www.tiktok.com/v2/auth/authorize/', access_url: 'https://open.tiktokapis.com/v2/oauth/token/' } as const;

/** One provider entry, from JSON or from code: literal values where known (undefined = absent, null = not literal). */
interface Entry {
  name: string;
  file: string;
  value(key: string): unknown;
  report(key: string | null, severity: Severity, fix: Fix, message: string, step?: string): Finding;
}

export const grant: Detector = (scan, cwd) => {
  const importing = scan.units.filter((u) => importBindings(u.sf).some((b) => GRANT_PKG.test(b.specifier)));
  const usesGrant = (file: string) =>
    importing.length > 0 || Object.keys(nearestPackage(file)?.deps ?? {}).some((d) => GRANT_PKG.test(d));
  const entries: Entry[] = [];
  for (const [file, text] of scan.sources) {
    if (!file.endsWith('.json') || /(^|[\\/])(package(-lock)?|tsconfig|jsconfig)\.json$/.test(file) || !usesGrant(file)) continue;
    entries.push(...jsonEntries(file, text, cwd));
  }
  for (const unit of scan.units) {
    if (importing.includes(unit)) entries.push(...codeEntries(unit, cwd, false));
    else if (/tiktok/i.test(unit.sf.text) && usesGrant(unit.file)) entries.push(...codeEntries(unit, cwd, true));
  }
  return entries.flatMap((e) => check(e));
};

function isEntry(keys: string[]): boolean {
  return keys.some((k) => GRANT_KEYS.includes(k));
}

function jsonEntries(file: string, raw: string, cwd: string): Entry[] {
  let config: unknown;
  try {
    config = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    return [];
  }
  const out: Entry[] = [];
  let cursor = 0;
  const visit = (obj: Record<string, unknown>, depth: number) => {
    for (const [name, value] of Object.entries(obj)) {
      if (!value || typeof value !== 'object' || Array.isArray(value) || name === 'overrides') continue;
      const entry = value as Record<string, unknown>;
      const at = raw.indexOf(`"${name}"`, cursor);
      if (at >= 0) cursor = at + 1;
      if (isEntry(Object.keys(entry))) {
        const start = Math.max(at, 0);
        out.push({
          name, file,
          value: (key) => entry[key],
          report: (key, severity, fix, message, step) => {
            const keyAt = key === null ? -1 : raw.indexOf(`"${key}"`, start);
            return textFinding(file, raw, keyAt >= 0 ? keyAt : start, cwd, severity, fix, message, step);
          },
        });
      } else if (depth < 3) visit(entry, depth + 1);
    }
  };
  if (config && typeof config === 'object' && !Array.isArray(config)) visit(config as Record<string, unknown>, 0);
  return out;
}

function keysOf(obj: ts.ObjectLiteralExpression): string[] {
  return obj.properties.flatMap((p) => (p.name && propertyName(p.name) ? [propertyName(p.name)!] : []));
}

function literal(e: ts.Expression): unknown {
  const v = skipOuter(e);
  if (ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v)) return v.text;
  if (ts.isArrayLiteralExpression(v)) return v.elements.every((x) => ts.isStringLiteralLike(x)) ? v.elements.map((x) => (x as ts.StringLiteral).text) : null;
  if (ts.isObjectLiteralExpression(v)) return Object.fromEntries(keysOf(v).map((k) => [k, null]));
  return null;
}

/** Entries in a module; `inConfig`: only those beside a `defaults` (or `server`) key, for modules that do not import grant. */
function codeEntries(unit: CodeUnit, cwd: string, inConfig: boolean): Entry[] {
  const out: Entry[] = [];
  walk(unit.sf, (node) => {
    if (!ts.isPropertyAssignment(node) || !node.name || propertyName(node.name) === 'overrides') return;
    const obj = skipOuter(node.initializer);
    if (!ts.isObjectLiteralExpression(obj)) return;
    const siblings = ts.isObjectLiteralExpression(node.parent) ? keysOf(node.parent) : [];
    if (!isEntry(keysOf(obj)) || isEntry(siblings) || (inConfig && !siblings.some((k) => k === 'defaults' || k === 'server'))) return;
    out.push({
      name: propertyName(node.name)!, file: unit.file,
      value: (key) => {
        const p = prop(obj, key);
        return !p ? undefined : ts.isPropertyAssignment(p) ? literal(p.initializer) : null;
      },
      report: (key, severity, fix, message, step) => nodeFinding(unit, (key && prop(obj, key)) || node.name, cwd, severity, fix, message, step),
    });
  });
  return out;
}

function check(e: Entry): Finding[] {
  const urls = [e.value('authorize_url'), e.value('access_url')].filter((v): v is string => typeof v === 'string');
  if (e.name !== 'tiktok') {
    if (!urls.some((u) => /tiktok(apis)?\.com/i.test(u))) return [];
    return [e.report(null, 'error', 'manual',
      `grant sends client_key instead of client_id only for the provider named tiktok (lib/flow/oauth2.js checks provider.tiktok, set from the entry's name); ` +
      `this TikTok entry is named ${e.name}, so grant sends client_id, which TikTok does not read (spec section 5).`,
      `Rename the entry to tiktok (and its /connect/${e.name} routes), or make it a static override of tiktok: "tiktok": { …, "overrides": { "${e.name}": { … } } } (overrides inherit their provider).`)];
  }
  const out: Finding[] = [];
  const pinned = pinnedVersion(e.file, 'grant');
  if (pinned && versionBelow(pinned, '5.4.21'))
    out.push(e.report(null, 'error', 'manual',
      `grant ${pinned} has no tiktok provider: it sends client_id, which TikTok does not read; tiktok support (client_key) came in grant 5.4.21.`,
      'Upgrade grant to 5.4.21 or later, and set the v2 URLs on this entry.'));
  const missing = (['authorize_url', 'access_url'] as const).filter((k) => e.value(k) === undefined);
  if (missing.length > 0)
    out.push(e.report(null, 'error', 'manual',
      `grant's built-in tiktok provider is still v1 (grant 5.4.24, the latest, ships authorize_url https://open-api.tiktok.com/platform/oauth/connect/ ` +
      `and access_url https://open-api.tiktok.com/oauth/access_token/ in config/oauth.json), and this entry does not override ${missing.join(' or ')}.`,
      `Add ${missing.map((k) => `"${k}": "${V2[k]}"`).join(' and ')} to this entry. The rest of grant's tiktok flow is v2-ready: it sends client_key, ` +
      'posts the code exchange as a form with grant_type, client_secret and redirect_uri, and reads access_token at the top level of the answer.'));
  const response = e.value('response');
  if (response === 'profile' || (Array.isArray(response) && response.includes('profile')))
    out.push(e.report('response', 'error', 'manual',
      "grant fetches the tiktok profile the v1 way: POST with the JSON body { access_token, open_id, fields } to profile_url (lib/profile.js, grant 5.4.24; " +
      'the default profile_url is https://open-api.tiktok.com/user/info/). v2 user info is a GET with ?fields= and no body (spec section 2), so this fails even with a v2 profile_url.',
      "Remove 'profile' from response and fetch the user after the callback: GET https://open.tiktokapis.com/v2/user/info/?fields=open_id,avatar_url,display_name " +
      'with Authorization: Bearer <access_token>; the user is at data.user.'));
  const custom = e.value('custom_params');
  const params = custom && typeof custom === 'object' ? Object.keys(custom) : [];
  if (params.includes('client_secret'))
    out.push(e.report('custom_params', 'error', 'manual',
      'custom_params go into the authorize URL (lib/flow/oauth2.js), which the browser sees: client_secret must never be there.',
      'Remove client_secret from custom_params; grant sends the entry\'s secret in the code exchange itself.'));
  const tokenOnly = params.filter((p) => ['grant_type', 'code', 'refresh_token', 'redirect_uri'].includes(p));
  if (tokenOnly.length > 0)
    out.push(e.report('custom_params', 'warning', 'manual',
      `custom_params (${tokenOnly.join(', ')}) reach only the authorize URL, never the code exchange (lib/flow/oauth2.js).`,
      'Remove them: grant sends grant_type, code and redirect_uri in the code exchange itself.'));
  if (params.includes('client_key'))
    out.push(e.report('custom_params', 'info', 'none',
      'custom_params.client_key is a workaround from before grant 5.4.21: grant now sends client_key for the tiktok provider itself (from key), over this value.'));
  return out;
}
