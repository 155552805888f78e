const axios = require('axios');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const CALLBACK_URL = 'https://gateway.acme.example/oauth/tiktok/return';

/** The URL to send the browser to; `team` comes back to the gateway's callback. */
function getAuthorizeUrl(team, csrfToken) {
  return `https://www.tiktok.com/auth/authorize/?client_key=${CLIENT_KEY}&scope=user.info.basic&response_type=code` +
    `&redirect_uri=${encodeURIComponent(`${CALLBACK_URL}?team=${team}`)}&state=${csrfToken}`;
}

/** Called by the gateway's callback route with the code TikTok sent back. */
async function exchangeCode(code) {
  const { data } = await axios.post('https://open-api.tiktok.com/oauth/access_token/', null, {
    params: { client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: 'authorization_code' },
  });
  return data.data;
}

module.exports = { getAuthorizeUrl, exchangeCode };
