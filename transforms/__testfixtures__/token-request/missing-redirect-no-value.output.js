// The authorize URL is built by the front end; this module only exchanges the code.
const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

async function exchangeCode(code) {
  const url = `https://open.tiktokapis.com/v2/oauth/token/?client_key=${CLIENT_KEY}&client_secret=${CLIENT_SECRET}&code=${code}&grant_type=authorization_code`;
  const res = await fetch(url, { method: 'POST' });
  const json = await res.json();
  return json.access_token;
}

module.exports = { exchangeCode };
