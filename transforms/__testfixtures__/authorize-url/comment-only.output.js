/**
 * Builds the TikTok login URL.
 * Before 2024 this was https://www.tiktok.com/auth/authorize/ (Login Kit v1).
 * See https://developers.tiktok.com/doc/login-kit-web
 */
function buildLoginUrl(params) {
  // was: 'https://open-api.tiktok.com/platform/oauth/connect/'
  return 'https://www.tiktok.com/v2/auth/authorize/?' + new URLSearchParams(params);
}

module.exports = { buildLoginUrl };
