import { env } from './env';

export async function refreshTikTokToken(refreshToken: string) {
  const res = await fetch('https://open-api.tiktok.com/oauth/refresh_token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: env.TIKTOK_CLIENT_KEY,
      refresh_token: refreshToken,
    }),
  });
  if (!res.ok) throw new Error(`refresh failed: ${res.status}`);
  return res.json();
}
