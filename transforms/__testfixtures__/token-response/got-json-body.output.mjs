import got from 'got';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

export async function exchange(code) {
  const body = await got
    .post('https://open.tiktokapis.com/v2/oauth/token/', {
      form: {
        client_key: CLIENT_KEY,
        client_secret: CLIENT_SECRET,
        code,
        grant_type: 'authorization_code',
        redirect_uri: REDIRECT_URI,
      },
    })
    .json();
  if (body.error) throw new Error(body.error_description);
  return body.access_token;
}
