import { request } from 'undici';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

export async function exchangeCode(code) {
  const { statusCode, body } = await request(
    `https://open.tiktokapis.com/v2/oauth/token/`,
    {
      headersTimeout: 5000,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_key: CLIENT_KEY,
        client_secret: CLIENT_SECRET,
        code,
        grant_type: 'authorization_code',
        redirect_uri: REDIRECT_URI,
      }).toString(),
    },
  );
  const json = await body.json();
  if (statusCode !== 200 || json.error) {
    throw new Error(`access_token failed (${statusCode}): ${json.error_description}`);
  }
  return { accessToken: json.access_token, openId: json.open_id };
}
