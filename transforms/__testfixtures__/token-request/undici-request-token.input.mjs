import { request } from 'undici';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

export async function exchangeCode(code) {
  const { statusCode, body } = await request(
    `https://open-api.tiktok.com/oauth/access_token/?client_key=${CLIENT_KEY}&client_secret=${CLIENT_SECRET}&code=${code}&grant_type=authorization_code`,
    { method: 'POST', headersTimeout: 5000 },
  );
  const json = await body.json();
  if (statusCode !== 200 || json.data.error_code !== 0) {
    throw new Error(`access_token failed (${statusCode}): ${json.data.description}`);
  }
  return { accessToken: json.data.access_token, openId: json.data.open_id };
}
