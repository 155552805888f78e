const superagent = require('superagent');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

exports.login = (state) =>
  'https://www.tiktok.com/v2/auth/authorize/?client_key=' + CLIENT_KEY +
  '&scope=user.info.basic&response_type=code&redirect_uri=' + encodeURIComponent(REDIRECT_URI) + '&state=' + state;

exports.callback = async (code) => {
  const res = await superagent
    .post('https://open.tiktokapis.com/v2/oauth/token/')
    .type('form').send({
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
    });
  return res.body.access_token;
};
