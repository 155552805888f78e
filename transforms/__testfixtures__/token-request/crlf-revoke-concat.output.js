const fetch = require('node-fetch');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

async function revokeAccess(openId, accessToken) {
  const url = 'https://open.tiktokapis.com/v2/oauth/revoke/';
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token: accessToken,
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
    }),
  });
  return res.ok;
}

module.exports = { revokeAccess };
