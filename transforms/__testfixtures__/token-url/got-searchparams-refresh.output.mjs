import got from 'got';

export const refreshToken = (refresh_token) =>
  got.post('https://open.tiktokapis.com/v2/oauth/token/', {
    searchParams: { client_key: process.env.TIKTOK_CLIENT_KEY, refresh_token, grant_type: 'refresh_token' },
  }).json();
