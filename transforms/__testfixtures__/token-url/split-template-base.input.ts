const BASE_URL = "https://open-api.tiktok.com";

export async function refreshAccessToken(refreshToken: string) {
  const url = `${BASE_URL}/oauth/refresh_token/?client_key=${process.env.TIKTOK_CLIENT_KEY}&grant_type=refresh_token&refresh_token=${refreshToken}`;
  const res = await fetch(url, { method: "POST" });
  return res.json();
}
