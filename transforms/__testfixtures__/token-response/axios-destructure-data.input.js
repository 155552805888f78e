const axios = require('axios');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

async function exchangeCode(code) {
  const { data } = await axios.post('https://open-api.tiktok.com/oauth/access_token/', null, {
    params: { client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: 'authorization_code' },
  });
  if (data.message === 'error') {
    throw new Error(`TikTok login failed: ${data.data.description}`);
  }
  return {
    accessToken: data.data.access_token,
    openId: data.data.open_id,
  };
}

module.exports = { exchangeCode };
