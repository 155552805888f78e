import axios from 'axios';

const clientKey = process.env.TIKTOK_CLIENT_KEY;
const clientSecret = process.env.TIKTOK_CLIENT_SECRET;

export async function refreshAccessToken(refreshToken) {
  const response = await axios({
    method: 'post',
    url: 'https://open-api.tiktok.com/oauth/refresh_token/',
    params: {
      client_key: clientKey,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    },
    timeout: 10000,
  });
  return response.data.data;
}
