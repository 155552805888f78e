import got from 'got';

export async function exchange(code) {
  const body = await got.post('https://open-api.tiktok.com/oauth/access_token/', {
    form: {
      client_key: process.env.TIKTOK_CLIENT_KEY,
      client_secret: process.env.TIKTOK_CLIENT_SECRET,
      code,
    },
  }).json();
  return body.data;
}
