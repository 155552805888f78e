async function getUserInfo(accessToken, openId) {
  const res = await fetch('https://open.tiktokapis.com/v2/user/info/?fields=open_id,display_name', {
    method: 'GET',
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const json = await res.json();
  if (json.error.code !== 'ok') throw new Error(json.error.message);
  return json.data.user;
}

module.exports = { getUserInfo };
