export async function refresh(clientKey: string, refreshToken: string) {
  const res = await fetch(`https://open.tiktokapis.com/v2/oauth/token/?client_key=${clientKey}&grant_type=refresh_token&refresh_token=${refreshToken}`, { method: 'POST' });
  const { data } = await res.json();
  return data;
}
