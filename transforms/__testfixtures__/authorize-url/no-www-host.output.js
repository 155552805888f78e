const qs = require('querystring');

function tiktokAuthorizeUrl(state) {
  return 'https://www.tiktok.com/v2/auth/authorize/?' + qs.stringify({
    client_key: process.env.TIKTOK_CLIENT_KEY,
    scope: 'user.info.basic',
    response_type: 'code',
    redirect_uri: process.env.TIKTOK_REDIRECT_URI,
    state,
  });
}

module.exports = { tiktokAuthorizeUrl };
