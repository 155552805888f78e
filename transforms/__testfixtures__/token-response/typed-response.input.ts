interface TikTokTokenResponse {
  data: {
    access_token: string;
    open_id: string;
    refresh_token: string;
    expires_in: number;
    error_code: number;
    description: string;
  };
  message: 'success' | 'error';
}

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY!;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET!;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI!;

export async function exchangeCode(code: string): Promise<string> {
  const res = await fetch(`https://open-api.tiktok.com/oauth/access_token/?client_key=${CLIENT_KEY}&client_secret=${CLIENT_SECRET}&code=${code}&grant_type=authorization_code`, { method: 'POST' });
  const json: TikTokTokenResponse = await res.json();
  if (json.message === 'error') throw new Error(json.data.description);
  return json.data.access_token;
}
