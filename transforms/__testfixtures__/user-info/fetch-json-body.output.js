async function getUserInfo(accessToken, openId) {
  const res = await fetch('https://open.tiktokapis.com/v2/user/info/?fields=open_id,union_id,avatar_url,display_name', {
    method: 'GET',
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const json = await res.json();
  if (json.error.code !== 'ok') {
    throw new Error(`TikTok user/info failed: ${json.error.message}`);
  }
  return json.data.user;
}

module.exports = { getUserInfo };
