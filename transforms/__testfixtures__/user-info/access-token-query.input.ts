type TikTokUser = { open_id: string; display_name: string; avatar_url: string };

export async function fetchTikTokUser(accessToken: string): Promise<TikTokUser> {
  const response = await fetch(`https://open-api.tiktok.com/user/info/?access_token=${accessToken}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ fields: ['open_id', 'display_name', 'avatar_url'] }),
  });
  const body = await response.json();
  return body.data.user as TikTokUser;
}
