// The response shapes of spec section 3, one builder per shape, so handlers never spell JSON by hand.
import { randomBytes } from 'node:crypto';

/** What a handler answers; server.ts writes it. `error` is what the request log records. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body: string;
  error?: string;
  warnings?: string[];
}

/** A TikTok-like log_id: UTC timestamp then 20 hex digits, e.g. 20240301120000ABCDEF0123456789ABCDEF. */
export function logId(): string {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return stamp + randomBytes(10).toString('hex').toUpperCase();
}

export function json(status: number, value: unknown, error?: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(value),
    error,
  };
}

/** The v2 OAuth error strings of spec section 3. */
export type V2OAuthError =
  | 'access_denied'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_request'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'server_error'
  | 'temporarily_unavailable';

/** v2 token/revoke error: `{"error","error_description","log_id"}`. */
export function v2OAuthError(status: number, error: V2OAuthError, description: string): Reply {
  return json(status, { error, error_description: description, log_id: logId() }, error);
}

/** v2 data-API error codes (TikTok's v2 error table; strings, "ok" on success). */
export type V2DataCode =
  | 'access_token_invalid'
  | 'scope_not_authorized'
  | 'invalid_params'
  | 'internal_error';

/** v2 user info error: `error` always present, `code` a string. */
export function v2DataError(status: number, code: V2DataCode, message: string): Reply {
  return json(status, { data: {}, error: { code, message, log_id: logId() } }, code);
}

export function v2DataOk(data: unknown): Reply {
  return json(200, { data, error: { code: 'ok', message: '', log_id: logId() } });
}

/**
 * v1 numeric error codes. 10002 "Parameter error" is in the spec; the others are the emulator's choice
 * (TikTok's v1 table is gone with v1). v1 answered errors with HTTP 200 and `message: "error"` in the body.
 */
export const V1_CODES = {
  parameter: 10002,
  client: 10003,
  code: 10007,
  accessToken: 10008,
  refreshToken: 10010,
  scope: 10012,
  server: 10000,
} as const;

const v1Extras = () => ({ captcha: '', desc_url: '', log_id: logId() });

/** v1 OAuth error: `{"data":{"error_code","description",…},"message":"error"}`. */
export function v1Error(errorCode: number, description: string, status = 200): Reply {
  return json(status, { data: { error_code: errorCode, description, ...v1Extras() }, message: 'error' }, String(errorCode));
}

/** v1 OAuth success: the fields inside `data` next to `error_code: 0`. */
export function v1Ok(data: Record<string, unknown>): Reply {
  return json(200, { data: { ...data, error_code: 0, description: '', ...v1Extras() }, message: 'success' });
}

/** v1 user info error: `{"data":{},"error":{"code":<int>,"message"}}`. */
export function v1UserError(code: number, message: string, status = 200): Reply {
  return json(status, { data: {}, error: { code, message } }, String(code));
}

export function v1UserOk(user: Record<string, unknown>): Reply {
  return json(200, { data: { user }, error: { code: 0, message: '' } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The HTML page TikTok shows in the browser when authorize cannot trust the request (spec section 4: it names
 * redirect_uri). `param` is the parameter at fault; `detail` says why.
 */
export function htmlError(param: string, detail: string): Reply {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TikTok - authorization error</title></head>
<body>
<h1>Something went wrong</h1>
<p>We couldn't log in with TikTok. This may be due to specific app settings.</p>
<p>Error: <code>${escapeHtml(param)}</code></p>
<p>${escapeHtml(detail)}</p>
<p><small>TikTok OAuth emulator (tiktok-migrate), log_id ${logId()}</small></p>
</body></html>
`;
  return {
    status: 400,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body,
    error: param,
  };
}

/** The 302 of authorize. */
export function redirect(location: string, error?: string): Reply {
  return { status: 302, headers: { location, 'cache-control': 'no-store' }, body: '', error };
}
