const fetch = require('node-fetch');

// Exchange the authorization code for an access token
async function getToken(code) {
  const url = 'https://open-api.tiktok.com/oauth/access_token/'
    + '?client_key=' + process.env.TIKTOK_CLIENT_KEY
    + '&client_secret=' + process.env.TIKTOK_CLIENT_SECRET
    + '&code=' + code
    + '&grant_type=authorization_code';

  const res = await fetch(url, { method: 'POST' });
  return res.json();
}

module.exports = { getToken };
