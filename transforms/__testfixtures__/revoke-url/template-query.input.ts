export async function revokeTikTokAccess(openId: string, accessToken: string): Promise<void> {
  const res = await fetch(
    `https://open-api.tiktok.com/oauth/revoke/?open_id=${openId}&access_token=${accessToken}`,
    { method: 'POST' },
  );
  const json = await res.json();
  if (json.data.error_code !== 0) {
    throw new Error(`TikTok revoke failed: ${json.data.description}`);
  }
}
