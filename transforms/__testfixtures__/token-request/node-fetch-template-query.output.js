const fetch = require('node-fetch');
const config = require('./config');

const REDIRECT_URI = `${config.baseUrl}/api/tiktok/callback`;

function getAuthUrl(state) {
  return `https://www.tiktok.com/v2/auth/authorize/?client_key=${config.tiktok.clientKey}&scope=user.info.basic,video.list&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=${state}`;
}

async function getAccessToken(code) {
  const response = await fetch(
    `https://open.tiktokapis.com/v2/oauth/token/`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_key: config.tiktok.clientKey,
        client_secret: config.tiktok.clientSecret,
        code,
        grant_type: 'authorization_code',
        redirect_uri: REDIRECT_URI,
      }),
    }
  );
  const json = await response.json();
  return json;
}

module.exports = { getAuthUrl, getAccessToken };
