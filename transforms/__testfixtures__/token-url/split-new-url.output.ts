const TIKTOK_OPEN_API = 'https://open.tiktokapis.com/';

export async function exchange(code: string): Promise<string> {
  const url = new URL('/v2/oauth/token/', TIKTOK_OPEN_API);
  url.searchParams.set('client_key', process.env.TIKTOK_CLIENT_KEY!);
  url.searchParams.set('client_secret', process.env.TIKTOK_CLIENT_SECRET!);
  url.searchParams.set('code', code);
  url.searchParams.set('grant_type', 'authorization_code');
  const res = await fetch(url, { method: 'POST' });
  const json = await res.json();
  return json.data.access_token;
}
