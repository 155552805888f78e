const querystring = require('querystring');
const fetch = require('node-fetch');

const client_key = process.env.TIKTOK_CLIENT_KEY;
const client_secret = process.env.TIKTOK_CLIENT_SECRET;

async function accessToken(code) {
  const res = await fetch('https://open-api.tiktok.com/oauth/access_token/?' + querystring.stringify({ client_key, client_secret, code }), { method: 'POST' });
  return (await res.json()).data;
}

module.exports = { accessToken };
