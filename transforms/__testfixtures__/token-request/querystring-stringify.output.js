const querystring = require('querystring');
const fetch = require('node-fetch');
const { tiktok } = require('../config');

const TOKEN_ENDPOINT = 'https://open.tiktokapis.com/v2/oauth/token/';
const REDIRECT_URI = tiktok.redirectUri;

async function exchange(code) {
  const res = await fetch(`${TOKEN_ENDPOINT}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: tiktok.clientKey,
      client_secret: tiktok.clientSecret,
      code,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
    }),
  });
  const json = await res.json();
  if (json.error) throw new Error(json.error_description);
  return { accessToken: json.access_token, openId: json.open_id };
}

module.exports = { exchange };
