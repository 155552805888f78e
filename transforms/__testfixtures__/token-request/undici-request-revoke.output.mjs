import * as undici from 'undici';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

export async function revoke(openId, accessToken) {
  const res = await undici.request('https://open.tiktokapis.com/v2/oauth/revoke/', {
    method: 'POST',
    headers: { accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token: accessToken,
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
    }).toString(),
  });
  if ((await res.body.json()).error) throw new Error('revoke failed');
}
