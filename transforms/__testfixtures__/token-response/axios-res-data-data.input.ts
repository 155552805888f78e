import axios from 'axios';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY as string;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET as string;

export async function refresh(refreshToken: string) {
  const res = await axios.post(
    `https://open-api.tiktok.com/oauth/refresh_token/?client_key=${CLIENT_KEY}&grant_type=refresh_token&refresh_token=${refreshToken}`,
  );
  if (res.data.data.error_code !== 0) {
    throw new Error(res.data.data.description);
  }
  return { accessToken: res.data.data.access_token, refreshToken: res.data.data.refresh_token };
}
