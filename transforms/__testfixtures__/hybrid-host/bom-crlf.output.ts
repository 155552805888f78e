// TikTok v2 client (hosts copied from a blog post)
export const TOKEN_URL = "https://open.tiktokapis.com/v2/oauth/token/";

export async function userInfo(accessToken: string) {
  const res = await fetch("https://open.tiktokapis.com/v2/user/info/?fields=open_id,display_name", {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  return res.json();
}
