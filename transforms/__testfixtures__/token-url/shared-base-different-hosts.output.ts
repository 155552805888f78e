// Shared base: /platform/oauth/connect/ moves to www.tiktok.com, /oauth/access_token/ to open.tiktokapis.com.
// The tool cannot pick one host for TIKTOK_BASE, so the whole group is left for a person.
const TIKTOK_BASE = 'https://open-api.tiktok.com';

export const loginUrl = (clientKey: string, redirectUri: string, state: string) =>
  `${TIKTOK_BASE}/platform/oauth/connect/?client_key=${clientKey}&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(redirectUri)}&state=${state}`;

export async function exchangeCode(clientKey: string, clientSecret: string, code: string) {
  const res = await fetch(`${TIKTOK_BASE}/oauth/access_token/?client_key=${clientKey}&client_secret=${clientSecret}&code=${code}&grant_type=authorization_code`, {
    method: 'POST',
  });
  return res.json();
}
