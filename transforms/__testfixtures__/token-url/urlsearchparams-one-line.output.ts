const client_key = process.env.TIKTOK_CLIENT_KEY!;
const client_secret = process.env.TIKTOK_CLIENT_SECRET!;

export async function exchangeCode(code: string) {
  const res = await fetch('https://open.tiktokapis.com/v2/oauth/token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_key, client_secret, code, grant_type: 'authorization_code' }),
  });
  return res.json();
}
