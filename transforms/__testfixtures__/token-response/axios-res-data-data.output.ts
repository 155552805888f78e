import axios from 'axios';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY as string;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET as string;

export async function refresh(refreshToken: string) {
  const res = await axios.post(
    `https://open.tiktokapis.com/v2/oauth/token/`,
    new URLSearchParams({
      client_key: CLIENT_KEY,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_secret: CLIENT_SECRET,
    }),
    { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
  );
  if (res.data.error) {
    throw new Error(res.data.error_description);
  }
  return { accessToken: res.data.access_token, refreshToken: res.data.refresh_token };
}
