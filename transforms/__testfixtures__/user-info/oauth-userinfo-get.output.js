const fetch = require('node-fetch');

async function userinfo(openId, accessToken) {
  const res = await fetch(`https://open.tiktokapis.com/v2/user/info/?fields=open_id,union_id,avatar_url,display_name`, { method: 'GET', headers: { Authorization: `Bearer ${accessToken}` } });
  const json = await res.json();
  return json.data;
}

module.exports = { userinfo };
