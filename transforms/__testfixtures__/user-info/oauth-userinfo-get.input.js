const fetch = require('node-fetch');

async function userinfo(openId, accessToken) {
  const res = await fetch(`https://open-api.tiktok.com/oauth/userinfo/?open_id=${openId}&access_token=${accessToken}`);
  const json = await res.json();
  return json.data;
}

module.exports = { userinfo };
