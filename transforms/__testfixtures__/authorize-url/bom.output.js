'use strict';

const AUTHORIZE_URL = 'https://www.tiktok.com/v2/auth/authorize/';

exports.authorizeUrl = function authorizeUrl(clientKey, redirectUri, state) {
  return AUTHORIZE_URL + '?client_key=' + clientKey + '&scope=user.info.basic&response_type=code&redirect_uri=' + encodeURIComponent(redirectUri) + '&state=' + state;
};
