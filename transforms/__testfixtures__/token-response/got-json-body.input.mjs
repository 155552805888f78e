import got from 'got';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

export async function exchange(code) {
  const body = await got
    .post('https://open-api.tiktok.com/oauth/access_token/', {
      searchParams: { client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: 'authorization_code' },
    })
    .json();
  if (body.message === 'error') throw new Error(body.data.description);
  return body.data.access_token;
}
