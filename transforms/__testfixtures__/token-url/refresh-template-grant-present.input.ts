export async function refresh(clientKey: string, refreshToken: string) {
  const res = await fetch(`https://open-api.tiktok.com/oauth/refresh_token/?client_key=${clientKey}&grant_type=refresh_token&refresh_token=${refreshToken}`, { method: 'POST' });
  const { data } = await res.json();
  return data;
}
