const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY!;

export async function refreshToken(refresh: string) {
  const res = await fetch(
    `https://open.tiktokapis.com/v2/oauth/token/?client_key=${CLIENT_KEY}&grant_type=refresh_token&refresh_token=${refresh}`,
    { method: 'POST' },
  );
  const json = await res.json();
  if (json.error) {
    throw new Error(`TikTok refresh failed: ${json.error_description}`);
  }
  return {
    accessToken: json.access_token as string,
    refreshToken: json.refresh_token as string,
  };
}
