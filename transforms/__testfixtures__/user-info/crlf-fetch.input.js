async function getUserInfo(accessToken, openId) {
  const res = await fetch('https://open-api.tiktok.com/user/info/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ open_id: openId, access_token: accessToken, fields: ['open_id', 'display_name'] }),
  });
  const json = await res.json();
  if (json.error.code !== 0) throw new Error(json.error.message);
  return json.data.user;
}

module.exports = { getUserInfo };
