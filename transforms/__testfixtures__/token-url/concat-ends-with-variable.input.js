const axios = require('axios');

async function getTikTokToken(code) {
  const url = 'https://open-api.tiktok.com/oauth/access_token/?client_key=' + process.env.TIKTOK_CLIENT_KEY + '&client_secret=' + process.env.TIKTOK_CLIENT_SECRET + '&code=' + code;
  const { data } = await axios.post(url);
  return data.data;
}

module.exports = { getTikTokToken };
