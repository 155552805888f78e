const fetch = require("node-fetch");

async function refreshAccessToken(refreshToken) {
  const res = await fetch("https://open.tiktokapis.com/v2/oauth/token/?client_key=" + process.env.TIKTOK_CLIENT_KEY + "&refresh_token=" + refreshToken + "&grant_type=refresh_token", {
    method: "POST",
  });
  const json = await res.json();
  return json.data;
}

module.exports = { refreshAccessToken };
