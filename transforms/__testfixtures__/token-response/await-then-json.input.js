const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

async function getAccessToken(code) {
  const json = await fetch(`https://open-api.tiktok.com/oauth/access_token/?client_key=${CLIENT_KEY}&client_secret=${CLIENT_SECRET}&code=${code}&grant_type=authorization_code`, { method: 'POST' }).then((r) => r.json());
  if (json.message === 'error') throw new Error(json.data.description);
  return json.data.access_token;
}

module.exports = { getAccessToken };
