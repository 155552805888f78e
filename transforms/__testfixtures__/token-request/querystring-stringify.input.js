const querystring = require('querystring');
const fetch = require('node-fetch');
const { tiktok } = require('../config');

const TOKEN_ENDPOINT = 'https://open-api.tiktok.com/oauth/access_token/';
const REDIRECT_URI = tiktok.redirectUri;

async function exchange(code) {
  const query = querystring.stringify({
    client_key: tiktok.clientKey,
    client_secret: tiktok.clientSecret,
    code: code,
    grant_type: 'authorization_code',
  });
  const res = await fetch(`${TOKEN_ENDPOINT}?${query}`, { method: 'POST' });
  const json = await res.json();
  if (json.data.error_code !== 0) throw new Error(json.data.description);
  return { accessToken: json.data.access_token, openId: json.data.open_id };
}

module.exports = { exchange };
