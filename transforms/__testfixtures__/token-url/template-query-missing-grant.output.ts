const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY as string;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET as string;

export async function getAccessToken(code: string) {
  const response = await fetch(
    `https://open.tiktokapis.com/v2/oauth/token/?client_key=${CLIENT_KEY}&client_secret=${CLIENT_SECRET}&code=${code}&grant_type=authorization_code`,
    { method: 'POST' },
  );
  const json = await response.json();
  return json.data.access_token as string;
}
