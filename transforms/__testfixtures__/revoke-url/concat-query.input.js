function revokeUrl(openId, accessToken) {
  return 'https://open-api.tiktok.com/oauth/revoke/?open_id=' + openId + '&access_token=' + accessToken;
}

module.exports = { revokeUrl };
