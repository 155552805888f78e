const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY ?? '';
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET ?? '';
const APP_URL = process.env.APP_URL ?? 'https://insights.example.com';

export function authorizeUrl(next: string): string {
  return `https://www.tiktok.com/auth/authorize/?client_key=${CLIENT_KEY}&scope=user.info.basic,video.list&response_type=code&redirect_uri=${encodeURIComponent(`${APP_URL}/api/auth/callback?next=${encodeURIComponent(next)}`)}`;
}

export async function exchangeCode(code: string) {
  const res = await fetch(`https://open-api.tiktok.com/oauth/access_token/?client_key=${CLIENT_KEY}&client_secret=${CLIENT_SECRET}&code=${code}&grant_type=authorization_code`, {
    method: 'POST',
  });
  const json = await res.json();
  return { accessToken: json.data.access_token as string, openId: json.data.open_id as string };
}
