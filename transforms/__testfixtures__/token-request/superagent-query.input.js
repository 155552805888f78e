const superagent = require('superagent');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

exports.login = (state) =>
  'https://www.tiktok.com/auth/authorize/?client_key=' + CLIENT_KEY +
  '&scope=user.info.basic&response_type=code&redirect_uri=' + encodeURIComponent(REDIRECT_URI) + '&state=' + state;

exports.callback = async (code) => {
  const res = await superagent
    .post('https://open-api.tiktok.com/oauth/access_token/')
    .query({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: 'authorization_code' });
  return res.body.data.access_token;
};
