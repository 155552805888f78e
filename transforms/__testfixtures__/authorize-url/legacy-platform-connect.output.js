const querystring = require('querystring');

const CONNECT_URL = 'https://www.tiktok.com/v2/auth/authorize/';

function getLoginUrl(state) {
  return CONNECT_URL + '?' + querystring.stringify({
    client_key: process.env.TIKTOK_CLIENT_KEY,
    scope: 'user.info.basic',
    response_type: 'code',
    redirect_uri: process.env.TIKTOK_REDIRECT_URI,
    state: state,
  });
}

module.exports = { getLoginUrl };
