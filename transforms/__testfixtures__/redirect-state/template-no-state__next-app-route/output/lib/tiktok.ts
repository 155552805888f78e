import { createNonce, encodeState } from '../tiktok-state';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY ?? '';
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET ?? '';
const APP_URL = process.env.APP_URL ?? 'https://insights.example.com';

export function authorizeUrl(next: string): string {
  return `https://www.tiktok.com/v2/auth/authorize/?client_key=${CLIENT_KEY}&scope=user.info.basic,video.list&response_type=code&redirect_uri=${encodeURIComponent(`${APP_URL}/api/auth/callback`)}&state=${encodeState(createNonce(), { next }, CLIENT_SECRET)}`;
}

export async function exchangeCode(code: string) {
  const res = await fetch(`https://open.tiktokapis.com/v2/oauth/token/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
      redirect_uri: `${APP_URL}/api/auth/callback`,
    }),
  });
  const json = await res.json();
  return { accessToken: json.access_token as string, openId: json.open_id as string };
}
