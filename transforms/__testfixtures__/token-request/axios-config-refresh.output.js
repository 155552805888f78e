import axios from 'axios';

const clientKey = process.env.TIKTOK_CLIENT_KEY;
const clientSecret = process.env.TIKTOK_CLIENT_SECRET;

export async function refreshAccessToken(refreshToken) {
  const response = await axios({
    url: 'https://open.tiktokapis.com/v2/oauth/token/',
    timeout: 10000,
    method: 'post',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    data: new URLSearchParams({
      client_key: clientKey,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_secret: clientSecret,
    }),
  });
  return response.data;
}
