const fetch = require("node-fetch");

async function refreshAccessToken(refreshToken) {
  const res = await fetch("https://open-api.tiktok.com/oauth/refresh_token/?client_key=" + process.env.TIKTOK_CLIENT_KEY + "&refresh_token=" + refreshToken, {
    method: "POST",
  });
  const json = await res.json();
  return json.data;
}

module.exports = { refreshAccessToken };
