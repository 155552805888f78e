/*
 * TikTok token exchange.
 * Docs (v1): POST https://open-api.tiktok.com/oauth/access_token/?client_key=&client_secret=&code=&grant_type=authorization_code
 */
const TOKEN_URL = 'https://open-api.tiktok.com/oauth/access_token/'; // see https://open-api.tiktok.com/oauth/access_token/ above

// const OLD_REFRESH = 'https://open-api.tiktok.com/oauth/refresh_token/';

module.exports = { TOKEN_URL };
