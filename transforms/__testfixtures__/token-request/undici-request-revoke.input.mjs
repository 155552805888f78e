import * as undici from 'undici';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

export async function revoke(openId, accessToken) {
  const res = await undici.request('https://open-api.tiktok.com/oauth/revoke/?open_id=' + openId + '&access_token=' + accessToken, {
    method: 'POST',
    headers: { accept: 'application/json' },
  });
  if ((await res.body.json()).data.error_code !== 0) throw new Error('revoke failed');
}
