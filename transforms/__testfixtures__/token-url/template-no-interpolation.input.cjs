const TOKEN_ENDPOINT = `https://open-api.tiktok.com/oauth/access_token/`;
const REFRESH_ENDPOINT = `https://open-api.tiktok.com/oauth/refresh_token/`;

module.exports = { TOKEN_ENDPOINT, REFRESH_ENDPOINT };
