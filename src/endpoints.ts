// THE endpoint table. Every row traces to ../shared/spec/tiktok-oauth-v1-v2.md section 1 (map), 2 (requests).
// Data only: the scanner, transforms, rules and report all read it; nothing else names a TikTok URL.

export type EndpointId =
  | 'authorize'
  | 'token'
  | 'refresh'
  | 'revoke'
  | 'user-info'
  | 'video-list'
  | 'video-query'
  | 'share-video'
  | 'qrcode-get'
  | 'qrcode-check';

/** Which transform in transforms/ rewrites this endpoint's URL, or null when only a person can migrate it. */
export type TransformName = 'authorize-url' | 'token-url' | 'revoke-url' | 'user-info';

export interface V1Form {
  host: string;
  /** Path without its trailing slash, lower case. */
  path: string;
  method: 'GET' | 'POST';
  /** True when the path alone (no host in sight) is distinctive enough to report. */
  distinctivePath: boolean;
}

export interface Endpoint {
  id: EndpointId;
  purpose: string;
  v1: V1Form[];
  /** The v2 successor, canonical form (https, trailing slash), or null when there is no 1:1 successor. */
  v2: { host: string; path: string; method: 'GET' | 'POST' } | null;
  grantType?: 'authorization_code' | 'refresh_token';
  transform: TransformName | null;
  /** The exact manual step when the tool does not (or cannot safely) rewrite the call. */
  manualStep: string;
}

export const V1_API_HOST = 'open-api.tiktok.com';
export const V2_API_HOST = 'open.tiktokapis.com';
export const AUTH_HOST = 'www.tiktok.com';
/** Hosts seen in real code that never existed for OAuth: always wrong (spec section 1, "Hybrids"). */
export const HYBRID_HOSTS = ['open.tiktok.com'] as const;

const api = (path: string, method: 'GET' | 'POST', distinctivePath = false): V1Form => ({
  host: V1_API_HOST,
  path,
  method,
  distinctivePath,
});

export const ENDPOINTS: readonly Endpoint[] = [
  {
    id: 'authorize',
    purpose: 'authorize (browser redirect)',
    v1: [
      { host: AUTH_HOST, path: '/auth/authorize', method: 'GET', distinctivePath: false },
      api('/platform/oauth/connect', 'GET', true),
    ],
    v2: { host: AUTH_HOST, path: '/v2/auth/authorize/', method: 'GET' },
    transform: 'authorize-url',
    manualStep:
      'Send the browser to https://www.tiktok.com/v2/auth/authorize/ with client_key, comma-separated scope, response_type=code, a registered static redirect_uri and state.',
  },
  {
    id: 'token',
    purpose: 'code -> token',
    v1: [api('/oauth/access_token', 'POST', true)],
    v2: { host: V2_API_HOST, path: '/v2/oauth/token/', method: 'POST' },
    grantType: 'authorization_code',
    transform: 'token-url',
    manualStep:
      'POST https://open.tiktokapis.com/v2/oauth/token/ with Content-Type: application/x-www-form-urlencoded and a form body (not the query string) of client_key, client_secret, code, grant_type=authorization_code, redirect_uri (the one used at authorize); read access_token from the top level of the response.',
  },
  {
    id: 'refresh',
    purpose: 'refresh',
    v1: [api('/oauth/refresh_token', 'POST', true)],
    v2: { host: V2_API_HOST, path: '/v2/oauth/token/', method: 'POST' },
    grantType: 'refresh_token',
    transform: 'token-url',
    manualStep:
      'POST https://open.tiktokapis.com/v2/oauth/token/ with Content-Type: application/x-www-form-urlencoded and a form body (not the query string) of client_key, client_secret (now required), grant_type=refresh_token, refresh_token; store the rotated refresh_token from the response.',
  },
  {
    id: 'revoke',
    purpose: 'revoke',
    v1: [api('/oauth/revoke', 'POST')],
    v2: { host: V2_API_HOST, path: '/v2/oauth/revoke/', method: 'POST' },
    transform: 'revoke-url',
    manualStep:
      'POST https://open.tiktokapis.com/v2/oauth/revoke/ with Content-Type: application/x-www-form-urlencoded and a form body (not the query string) of client_key, client_secret, token (the access token); open_id is no longer sent; success is {}.',
  },
  {
    id: 'user-info',
    purpose: 'user info',
    v1: [api('/user/info', 'POST'), api('/oauth/userinfo', 'GET')],
    v2: { host: V2_API_HOST, path: '/v2/user/info/', method: 'GET' },
    transform: 'user-info',
    manualStep:
      'GET https://open.tiktokapis.com/v2/user/info/?fields=open_id,union_id,avatar_url,display_name with header Authorization: Bearer <access_token> and no body; success is error.code === "ok".',
  },
  {
    id: 'video-list',
    purpose: 'video list',
    v1: [api('/video/list', 'POST')],
    v2: { host: V2_API_HOST, path: '/v2/video/list/', method: 'POST' },
    transform: null,
    manualStep:
      'POST https://open.tiktokapis.com/v2/video/list/?fields=... with header Authorization: Bearer <access_token> and a JSON body of cursor/max_count only (no open_id, no access_token).',
  },
  {
    id: 'video-query',
    purpose: 'video query',
    v1: [api('/video/query', 'POST')],
    v2: { host: V2_API_HOST, path: '/v2/video/query/', method: 'POST' },
    transform: null,
    manualStep:
      'POST https://open.tiktokapis.com/v2/video/query/?fields=... with header Authorization: Bearer <access_token> and a JSON body {filters: {video_ids: [...]}}.',
  },
  {
    id: 'share-video',
    purpose: 'share video (ended 2023-09-10)',
    v1: [api('/share/video/upload', 'POST', true)],
    v2: null,
    transform: null,
    manualStep:
      'There is no 1:1 successor: move to the Content Posting API (https://open.tiktokapis.com/v2/post/publish/...), which has its own scopes, init/upload steps and review.',
  },
  {
    id: 'qrcode-get',
    purpose: 'QR code login: get code',
    v1: [api('/v0/oauth/get_qrcode', 'GET', true)],
    v2: { host: V2_API_HOST, path: '/v2/oauth/get_qrcode/', method: 'POST' },
    transform: null,
    manualStep:
      'POST https://open.tiktokapis.com/v2/oauth/get_qrcode/ with a form-urlencoded body (it was a GET with query parameters).',
  },
  {
    id: 'qrcode-check',
    purpose: 'QR code login: check code',
    v1: [api('/v0/oauth/check_qrcode', 'GET', true)],
    v2: { host: V2_API_HOST, path: '/v2/oauth/check_qrcode/', method: 'POST' },
    transform: null,
    manualStep:
      'POST https://open.tiktokapis.com/v2/oauth/check_qrcode/ with a form-urlencoded body (it was a GET with query parameters).',
  },
];

export function endpointById(id: EndpointId): Endpoint {
  const found = ENDPOINTS.find((e) => e.id === id);
  if (!found) throw new Error(`unknown endpoint ${id}`);
  return found;
}

/** The canonical v2 URL of an endpoint, e.g. https://open.tiktokapis.com/v2/oauth/token/ */
export function v2Url(endpoint: Endpoint): string | null {
  return endpoint.v2 ? `https://${endpoint.v2.host}${endpoint.v2.path}` : null;
}

/** Hosts that look like TikTok but are not Login Kit: never touched, never reported (spec section 1). */
export const NOT_LOGIN_KIT_HOSTS = ['business-api.tiktok.com', 'open.douyin.com', 'developers.tiktok.com'] as const;
