const axios = require('axios');
const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;
exports.exchange = async (code) => {
  const params = new URLSearchParams({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: 'authorization_code', redirect_uri: REDIRECT_URI });
  const res = await axios.post('https://open-api.tiktok.com/oauth/access_token/', params.toString());
  return res.data.data.access_token;
};
