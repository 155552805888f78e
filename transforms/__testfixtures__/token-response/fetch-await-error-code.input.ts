const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY!;

export async function refreshToken(refresh: string) {
  const res = await fetch(
    `https://open-api.tiktok.com/oauth/refresh_token/?client_key=${CLIENT_KEY}&grant_type=refresh_token&refresh_token=${refresh}`,
    { method: 'POST' },
  );
  const json = await res.json();
  if (json.data.error_code !== 0) {
    throw new Error(`TikTok refresh failed: ${json.data.description}`);
  }
  return {
    accessToken: json.data.access_token as string,
    refreshToken: json.data.refresh_token as string,
  };
}
