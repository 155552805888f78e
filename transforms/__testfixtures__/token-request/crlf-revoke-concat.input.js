const fetch = require('node-fetch');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

async function revokeAccess(openId, accessToken) {
  const url = 'https://open-api.tiktok.com/oauth/revoke/?open_id=' + openId + '&access_token=' + accessToken;
  const res = await fetch(url, { method: 'POST' });
  return res.ok;
}

module.exports = { revokeAccess };
