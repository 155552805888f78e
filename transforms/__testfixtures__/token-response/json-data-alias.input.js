const fetch = require('node-fetch');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

async function login(code) {
  const response = await fetch(`https://open-api.tiktok.com/oauth/access_token/?client_key=${CLIENT_KEY}&client_secret=${CLIENT_SECRET}&code=${code}&grant_type=authorization_code`, { method: 'POST' });
  const json = await response.json();
  const tokens = json.data;
  if (tokens.error_code !== 0) throw new Error(tokens.description);
  return { accessToken: tokens.access_token, openId: tokens.open_id };
}

module.exports = { login };
