import got from 'got';

export const refreshToken = (refresh_token) =>
  got.post('https://open-api.tiktok.com/oauth/refresh_token/', {
    searchParams: { client_key: process.env.TIKTOK_CLIENT_KEY, refresh_token },
  }).json();
