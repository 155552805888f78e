const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;

// Build the TikTok login URL
function loginUrl(redirectUri, state) {
  return "https://www.tiktok.com/auth/authorize/"
    + "?client_key=" + CLIENT_KEY
    + "&scope=user.info.basic"
    + "&response_type=code"
    + "&redirect_uri=" + encodeURIComponent(redirectUri)
    + "&state=" + state;
}

module.exports = { loginUrl };
