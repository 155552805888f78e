const axios = require("axios");

async function disconnectTikTok(user) {
  await axios.post("https://open-api.tiktok.com/oauth/revoke", null, {
    params: { open_id: user.tiktokOpenId, access_token: user.tiktokAccessToken },
  });
  user.tiktokAccessToken = null;
  await user.save();
}

module.exports = { disconnectTikTok };
