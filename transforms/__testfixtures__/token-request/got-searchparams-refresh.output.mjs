import got from 'got';

const { TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET } = process.env;

export async function refresh(refreshToken) {
  const body = await got
    .post('https://open.tiktokapis.com/v2/oauth/token/', {
      form: {
        client_key: TIKTOK_CLIENT_KEY,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        client_secret: TIKTOK_CLIENT_SECRET,
      },
      retry: { limit: 2 },
    })
    .json();
  return body;
}
