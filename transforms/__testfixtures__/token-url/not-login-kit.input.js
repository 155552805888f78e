// Douyin (China) and the TikTok Marketing API have their own OAuth: never touched.
const axios = require('axios');

async function douyinToken(code) {
  const { data } = await axios.post('https://open.douyin.com/oauth/access_token/', null, {
    params: { client_key: process.env.DOUYIN_CLIENT_KEY, client_secret: process.env.DOUYIN_CLIENT_SECRET, code },
  });
  return data.data;
}

async function douyinRefresh(refreshToken) {
  const url = 'https://open.douyin.com/oauth/refresh_token/?client_key=' + process.env.DOUYIN_CLIENT_KEY + '&refresh_token=' + refreshToken;
  return (await axios.post(url)).data;
}

async function adsToken(authCode) {
  const { data } = await axios.post('https://business-api.tiktok.com/open_api/v1.3/oauth2/access_token/', {
    app_id: process.env.TIKTOK_ADS_APP_ID,
    secret: process.env.TIKTOK_ADS_SECRET,
    auth_code: authCode,
  });
  return data.data;
}

module.exports = { douyinToken, douyinRefresh, adsToken };
