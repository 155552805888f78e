import axios from 'axios';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY as string;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET as string;

const tiktok = axios.create({
  baseURL: 'https://open-api.tiktok.com',
  timeout: 5000,
});

export async function disconnect(openId: string, accessToken: string): Promise<void> {
  await tiktok.post('/oauth/revoke/', null, {
    params: { open_id: openId, access_token: accessToken },
  });
}
