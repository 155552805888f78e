import axios from 'axios';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY as string;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET as string;

const tiktok = axios.create({
  baseURL: 'https://open.tiktokapis.com',
  timeout: 5000,
});

export async function disconnect(openId: string, accessToken: string): Promise<void> {
  await tiktok.post('/v2/oauth/revoke/', new URLSearchParams({
    token: accessToken,
    client_key: CLIENT_KEY,
    client_secret: CLIENT_SECRET,
  }), {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
}
