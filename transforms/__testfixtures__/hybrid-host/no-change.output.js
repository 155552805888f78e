// Correct v2 hosts and non-Login-Kit hosts: nothing to do here.
// (A note from the old code: https://open-api.tiktok.com/v2/oauth/token/ never existed.)
const TOKEN_URL = 'https://open.tiktokapis.com/v2/oauth/token/';
const AUTHORIZE_URL = 'https://www.tiktok.com/v2/auth/authorize/';
const ADS_TOKEN_URL = 'https://business-api.tiktok.com/open_api/v1.3/oauth2/access_token/';
const DOUYIN_TOKEN_URL = 'https://open.douyin.com/oauth/access_token/';
const DOCS = 'https://developers.tiktok.com/doc/oauth-user-access-token-management/';

module.exports = { TOKEN_URL, AUTHORIZE_URL, ADS_TOKEN_URL, DOUYIN_TOKEN_URL, DOCS };
