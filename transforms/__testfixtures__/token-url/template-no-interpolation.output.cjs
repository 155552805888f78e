const TOKEN_ENDPOINT = `https://open.tiktokapis.com/v2/oauth/token/`;
const REFRESH_ENDPOINT = `https://open.tiktokapis.com/v2/oauth/token/`;

module.exports = { TOKEN_ENDPOINT, REFRESH_ENDPOINT };
