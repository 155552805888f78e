const axios = require('axios');

exports.refresh = async function refresh(refreshToken) {
  const { data } = await axios({
    method: 'post',
    url: 'https://open-api.tiktok.com/oauth/refresh_token/',
    params: {
      client_key: process.env.TIKTOK_CLIENT_KEY,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    },
  });
  return data.data;
};
