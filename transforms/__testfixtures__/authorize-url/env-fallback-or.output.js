module.exports = {
  tiktok: {
    clientKey: process.env.TIKTOK_CLIENT_KEY,
    clientSecret: process.env.TIKTOK_CLIENT_SECRET,
    authorizeUrl: process.env.TIKTOK_AUTHORIZE_URL || 'https://www.tiktok.com/v2/auth/authorize/',
    redirectUri: process.env.TIKTOK_REDIRECT_URI || 'https://localhost:3000/auth/tiktok/callback/',
  },
};
