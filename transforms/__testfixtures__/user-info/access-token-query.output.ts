type TikTokUser = { open_id: string; display_name: string; avatar_url: string };

export async function fetchTikTokUser(accessToken: string): Promise<TikTokUser> {
  const response = await fetch(`https://open.tiktokapis.com/v2/user/info/?fields=open_id,display_name,avatar_url`, {
    method: 'GET',
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const body = await response.json();
  return body.data.user as TikTokUser;
}
