const fetch = require('node-fetch');
const config = require('./config');

const REDIRECT_URI = `${config.baseUrl}/api/tiktok/callback`;

function getAuthUrl(state) {
  return `https://www.tiktok.com/auth/authorize/?client_key=${config.tiktok.clientKey}&scope=user.info.basic,video.list&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=${state}`;
}

async function getAccessToken(code) {
  const response = await fetch(
    `https://open-api.tiktok.com/oauth/access_token/?client_key=${config.tiktok.clientKey}&client_secret=${config.tiktok.clientSecret}&code=${code}&grant_type=authorization_code`,
    { method: 'POST' }
  );
  const json = await response.json();
  return json.data;
}

module.exports = { getAuthUrl, getAccessToken };
