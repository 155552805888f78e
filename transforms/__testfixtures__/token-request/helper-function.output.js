const fetch = require('node-fetch');

const API = 'https://open-api.tiktok.com';

async function tiktokPost(path, params) {
  const qs = new URLSearchParams(params).toString();
  const res = await fetch(`${API}${path}?${qs}`, { method: 'POST' });
  return res.json();
}

exports.exchangeCode = (code) =>
  tiktokPost('/oauth/access_token/', {
    client_key: process.env.TIKTOK_CLIENT_KEY,
    client_secret: process.env.TIKTOK_CLIENT_SECRET,
    code,
    grant_type: 'authorization_code',
  });
