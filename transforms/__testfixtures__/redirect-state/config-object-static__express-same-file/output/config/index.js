module.exports = {
  port: process.env.PORT || 4000,
  sessionSecret: process.env.SESSION_SECRET,
  tiktok: {
    clientKey: process.env.TIKTOK_CLIENT_KEY,
    clientSecret: process.env.TIKTOK_CLIENT_SECRET,
    redirectUri: 'https://portal.example.com/auth/tiktok/callback',
    scope: 'user.info.basic',
  },
};
