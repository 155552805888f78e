// Auth.js / next-auth: a custom provider object `{ id: 'tiktok', type: 'oauth', authorization, token, userinfo,
// profile }` (in NextAuth({ providers }) or returned by a provider factory). The URLs are migrated by the scanner;
// this reports what next-auth itself does that TikTok does not accept. Facts (checked in the packages' sources):
// - next-auth 4.24.15 has no TikTok provider; next-auth 5 re-exports @auth/core's (providers/tiktok.js), which uses the
//   v2 URLs and adds client_key to the token request with a custom fetch (@auth/core 0.41.3).
// - next-auth v4 exchanges the code with openid-client's oauthCallback(): it sends grant_type, code, redirect_uri and
//   code_verifier only (token.params are not sent) and authenticates as client_id; userinfo() is a GET with
//   Authorization: Bearer, the v2 request.
// - TikTok's user info answers { data: { user } , error } on v1 and v2 alike (spec section 3), so profile.data.user.x
//   is right: Auth.js's own provider reads profile.data.user.open_id.
import { ts } from 'ts-morph';
import type { Finding } from '../report/model.js';
import { skipOuter } from '../scan/resolve.js';
import { findTikTokUrls } from '../url-match.js';
import { functionProp, importBindings, nearestPackage, nodeFinding, pinnedVersion, prop, propValue, stringOf, walk, type Detector } from './common.js';

const USER_FIELDS = new Set(['open_id', 'union_id', 'avatar_url', 'avatar_url_100', 'avatar_large_url', 'display_name', 'username',
  'bio_description', 'profile_deep_link', 'is_verified', 'follower_count', 'following_count', 'likes_count', 'video_count']);
const V2_USERINFO = 'https://open.tiktokapis.com/v2/user/info/?fields=open_id,avatar_url,display_name';
const BUILT_IN = "use the built-in provider: `import TikTok from 'next-auth/providers/tiktok'` (next-auth v5; `@auth/core/providers/tiktok` " +
  'for the other Auth.js packages) with `TikTok({ clientId: <client key>, clientSecret })`: it uses the v2 URLs and adds client_key ' +
  'to the token request itself (checked in @auth/core 0.41.3)';
const V4_REQUEST = "give this provider `token: { url: 'https://open.tiktokapis.com/v2/oauth/token/', async request({ params, provider }) { … } }` " +
  "that POSTs a form body (Content-Type: application/x-www-form-urlencoded) with client_key: provider.clientId, client_secret: provider.clientSecret, " +
  "code: params.code, grant_type: 'authorization_code', redirect_uri: provider.callbackUrl and returns { tokens } from the flat v2 JSON (the shape of " +
  "Auth.js's own TikTok provider before v5); next-auth v4 has no built-in TikTok provider (none in 4.24.15; next-auth/providers/tiktok comes " +
  'with v5), so the other way is to move to next-auth v5 and its built-in provider';

type Flavour = 'v4' | 'v5' | undefined;

export const nextAuth: Detector = (scan, cwd) => {
  const out: Finding[] = [];
  for (const unit of scan.units) {
    if (!/tiktok/i.test(unit.sf.text)) continue;
    const imports = importBindings(unit.sf).some((b) => /^(next-auth|@auth\/)/.test(b.specifier));
    const deps = nearestPackage(unit.file)?.deps ?? {};
    const inPackage = 'next-auth' in deps || Object.keys(deps).some((d) => d.startsWith('@auth/'));
    walk(unit.sf, (node) => {
      if (!ts.isObjectLiteralExpression(node) || stringOf(propValue(node, 'id'))?.toLowerCase() !== 'tiktok') return;
      const type = stringOf(propValue(node, 'type'));
      const endpoints = ['authorization', 'token', 'userinfo'].filter((k) => prop(node, k));
      if (endpoints.length === 0 || !(imports || inPackage || type === 'oauth' || type === 'oidc')) return;
      out.push(...checkProvider(unit, node, cwd, flavour(unit.file)));
    });
  }
  return out;
};

function flavour(file: string): Flavour {
  const deps = nearestPackage(file)?.deps ?? {};
  const version = pinnedVersion(file, 'next-auth') ?? deps['next-auth'];
  if (version) return /^[\^~>=v\s]*5|beta/.test(version) ? 'v5' : /^[\^~>=v\s]*4/.test(version) ? 'v4' : undefined;
  return Object.keys(deps).some((d) => d.startsWith('@auth/')) ? 'v5' : undefined;
}

function checkProvider(unit: Parameters<typeof nodeFinding>[0], p: ts.ObjectLiteralExpression, cwd: string, version: Flavour): Finding[] {
  const out: Finding[] = [];
  const lib = version === 'v4' ? 'next-auth v4 (openid-client)' : version === 'v5' ? 'Auth.js' : 'next-auth';
  // The token request: next-auth's own unless token.request (or Auth.js's customFetch hook) takes it over.
  const token = propValue(p, 'token');
  const customFetch = p.properties.some((m) => m.name && ts.isComputedPropertyName(m.name) && /customFetch/.test(m.name.expression.getText()));
  if (!customFetch && !(token && ts.isObjectLiteralExpression(token) && prop(token, 'request'))) {
    const params = token && ts.isObjectLiteralExpression(token) && prop(token, 'params');
    const step = version === 'v5' ? BUILT_IN : version === 'v4' ? V4_REQUEST : `On next-auth v5 / Auth.js, ${BUILT_IN}. On next-auth v4, ${V4_REQUEST}`;
    out.push(nodeFinding(unit, prop(p, 'token') ?? p, cwd, 'error', 'manual',
      `This next-auth TikTok provider leaves the token request to ${lib}, which authenticates as client_id (HTTP Basic by default) and never ` +
      `sends client_key${params && version !== 'v5' ? '; next-auth v4 does not send token.params at all (openid-client sends only grant_type, code, redirect_uri, code_verifier)' : ''}. ` +
      'TikTok v2 requires client_key and client_secret in a form body (spec section 2), so the code exchange fails.',
      `${step.charAt(0).toUpperCase()}${step.slice(1)}.`));
  }
  // The authorize URL: next-auth adds client_id; TikTok reads client_key.
  const auth = propValue(p, 'authorization');
  const authParams = auth && ts.isObjectLiteralExpression(auth) ? propValue(auth, 'params') : undefined;
  const hasKey = auth && ((stringOf(auth) ?? '').includes('client_key=') ||
    (authParams && (!ts.isObjectLiteralExpression(authParams) || !!prop(authParams, 'client_key'))) ||
    (ts.isObjectLiteralExpression(auth) && (stringOf(propValue(auth, 'url')) ?? '').includes('client_key=')));
  if (auth && !hasKey && (stringOf(auth) !== undefined || ts.isObjectLiteralExpression(auth)))
    out.push(nodeFinding(unit, prop(p, 'authorization')!, cwd, 'error', 'manual',
      `${lib} builds the TikTok authorize URL with client_id, but TikTok reads client_key (spec section 5: generic OAuth libraries get this wrong).`,
      "Add client_key to authorization.params: authorization: { url: 'https://www.tiktok.com/v2/auth/authorize/', params: { client_key: <client key>, " +
      "scope: 'user.info.basic', response_type: 'code' } }, as Auth.js's own TikTok provider does."));
  // User info: next-auth's own GET with a Bearer header is the v2 request; the URL and its fields are what matter.
  const info = propValue(p, 'userinfo');
  const infoRequest = info && ts.isObjectLiteralExpression(info) && prop(info, 'request');
  const infoUrl = stringOf(info) ?? (info && ts.isObjectLiteralExpression(info) ? stringOf(propValue(info, 'url')) : undefined);
  const kind = infoUrl ? findTikTokUrls(infoUrl)[0]?.kind : undefined;
  if (info && !infoRequest && kind && kind !== 'v2')
    out.push(nodeFinding(unit, prop(p, 'userinfo')!, cwd, 'error', 'manual',
      `${lib} fetches userinfo itself with GET and Authorization: Bearer <access token>, which is already the v2 request: only the URL is v1 here.`,
      `Set userinfo to '${V2_USERINFO}'; the answer is { data: { user }, error }, read in profile() as profile.data.user.`));
  const fieldsParam = info && ts.isObjectLiteralExpression(info) && propValue(info, 'params');
  if (info && !infoRequest && kind === 'v2' && !infoUrl!.includes('fields=') && !fieldsParam)
    out.push(nodeFinding(unit, prop(p, 'userinfo')!, cwd, 'warning', 'manual',
      'The v2 user info URL has no fields parameter: v2 returns only the fields listed in ?fields= (spec section 2).',
      `Use '${V2_USERINFO}' (list the fields profile() reads).`));
  // profile(): the user sits under data.user.
  const profile = functionProp(p, 'profile');
  const param = profile?.parameters[0]?.name;
  if (profile && param && ts.isIdentifier(param) && !infoRequest) {
    const reads: ts.PropertyAccessExpression[] = [];
    walk(profile, (n) => {
      if (!ts.isPropertyAccessExpression(n) || !USER_FIELDS.has(n.name.text)) return;
      const owner = skipOuter(n.expression);
      const direct = ts.isIdentifier(owner) && owner.text === param.text;
      const underData = ts.isPropertyAccessExpression(owner) && owner.name.text === 'data' && ts.isIdentifier(owner.expression) && owner.expression.text === param.text;
      if (direct || underData) reads.push(n);
    });
    if (reads.length > 0)
      out.push(nodeFinding(unit, reads[0], cwd, 'error', 'manual',
        `profile() reads ${[...new Set(reads.map((r) => r.getText(unit.sf)))].slice(0, 3).join(', ')}, but TikTok's user info answers ` +
        "{ data: { user: { … } }, error } (spec section 3; Auth.js's own provider reads profile.data.user.open_id): these are undefined.",
        `Read the user under data.user: id: ${param.text}.data.user.open_id, name: ${param.text}.data.user.display_name, image: ${param.text}.data.user.avatar_url.`));
  }
  return out;
}
