const TIKTOK_HOST = 'https://open.tiktokapis.com';

function accessTokenUrl(code) {
  let url = TIKTOK_HOST;
  url += '/v2/oauth/token/';
  url += '?client_key=' + process.env.TIKTOK_CLIENT_KEY;
  url += '&client_secret=' + process.env.TIKTOK_CLIENT_SECRET;
  url += '&code=' + code;
  url += '&grant_type=authorization_code';
  return url;
}

module.exports = { accessTokenUrl };
