export async function getTikTokUser(accessToken) {
  const res = await fetch('https://open.tiktokapis.com/v2/user/info/?fields=open_id,display_name,avatar_url', {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const body = await res.json();
  if (body.error.code !== 'ok') {
    throw new Error(`TikTok user info failed: ${body.error.message}`);
  }
  return body.data.user;
}
