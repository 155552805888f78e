const querystring = require('querystring');
const fetch = require('node-fetch');

const client_key = process.env.TIKTOK_CLIENT_KEY;
const client_secret = process.env.TIKTOK_CLIENT_SECRET;

async function accessToken(code) {
  const res = await fetch('https://open.tiktokapis.com/v2/oauth/token/?' + querystring.stringify({ client_key, client_secret, code, grant_type: 'authorization_code' }), { method: 'POST' });
  return (await res.json()).data;
}

module.exports = { accessToken };
