// One base for everything on the old open-api host: the authorize endpoint and the token endpoint
// move to different v2 hosts, so nothing here is rewritten automatically.
const TIKTOK_OPEN_API = 'https://open-api.tiktok.com';

function loginUrl(state) {
  return TIKTOK_OPEN_API + '/platform/oauth/connect/?client_key=' + process.env.TIKTOK_CLIENT_KEY +
    '&scope=user.info.basic&response_type=code&redirect_uri=' + encodeURIComponent(process.env.TIKTOK_REDIRECT_URI) +
    '&state=' + state;
}

async function exchangeCode(code) {
  const res = await fetch(TIKTOK_OPEN_API + '/oauth/access_token/?client_key=' + process.env.TIKTOK_CLIENT_KEY +
    '&client_secret=' + process.env.TIKTOK_CLIENT_SECRET + '&code=' + code + '&grant_type=authorization_code', { method: 'POST' });
  return res.json();
}

module.exports = { loginUrl, exchangeCode };
