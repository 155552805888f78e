// The base is joined to a path known only at run time: the group is reported, not rewritten.
const TIKTOK_API = 'https://open-api.tiktok.com';

async function tiktokPost<T>(path: string, params: Record<string, string>): Promise<T> {
  const res = await fetch(TIKTOK_API + path + '?' + new URLSearchParams(params), { method: 'POST' });
  return (await res.json()) as T;
}

export const exchangeCode = (code: string) =>
  tiktokPost('/oauth/access_token/', {
    client_key: process.env.TIKTOK_CLIENT_KEY!,
    client_secret: process.env.TIKTOK_CLIENT_SECRET!,
    code,
    grant_type: 'authorization_code',
  });

export const refresh = (refresh_token: string) =>
  tiktokPost('/oauth/refresh_token/', { client_key: process.env.TIKTOK_CLIENT_KEY!, grant_type: 'refresh_token', refresh_token });
