import got from 'got';

export async function exchange(code) {
  const body = await got.post('https://open.tiktokapis.com/v2/oauth/token/', {
    form: {
      client_key: process.env.TIKTOK_CLIENT_KEY,
      client_secret: process.env.TIKTOK_CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
    },
  }).json();
  return body.data;
}
