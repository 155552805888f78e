import axios from 'axios';

const tiktok = axios.create({
  baseURL: 'https://open-api.tiktok.com',
  timeout: 10_000,
});

export async function exchangeCode(code: string) {
  const { data } = await tiktok.post('/oauth/access_token/', null, {
    params: {
      client_key: process.env.TIKTOK_CLIENT_KEY,
      client_secret: process.env.TIKTOK_CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
    },
  });
  return data.data;
}

export async function refreshToken(refresh_token: string) {
  const { data } = await tiktok.post('/oauth/refresh_token/', null, {
    params: { client_key: process.env.TIKTOK_CLIENT_KEY, grant_type: 'refresh_token', refresh_token },
  });
  return data.data;
}
