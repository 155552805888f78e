const TIKTOK_HOST = 'https://open-api.tiktok.com';

function accessTokenUrl(code) {
  let url = TIKTOK_HOST;
  url += '/oauth/access_token/';
  url += '?client_key=' + process.env.TIKTOK_CLIENT_KEY;
  url += '&client_secret=' + process.env.TIKTOK_CLIENT_SECRET;
  url += '&code=' + code;
  url += '&grant_type=authorization_code';
  return url;
}

module.exports = { accessTokenUrl };
