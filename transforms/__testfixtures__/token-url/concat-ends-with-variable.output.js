const axios = require('axios');

async function getTikTokToken(code) {
  const url = 'https://open.tiktokapis.com/v2/oauth/token/?client_key=' + process.env.TIKTOK_CLIENT_KEY + '&client_secret=' + process.env.TIKTOK_CLIENT_SECRET + '&code=' + code + '&grant_type=authorization_code';
  const { data } = await axios.post(url);
  return data.data;
}

module.exports = { getTikTokToken };
