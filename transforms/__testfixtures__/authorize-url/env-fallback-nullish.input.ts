const AUTHORIZE_URL = process.env.TIKTOK_AUTHORIZE_URL ?? `https://www.tiktok.com/auth/authorize`;

export function loginRedirect(params: URLSearchParams): string {
  return `${AUTHORIZE_URL}?${params.toString()}`;
}
