function revokeUrl(openId, accessToken) {
  return 'https://open.tiktokapis.com/v2/oauth/revoke/?open_id=' + openId + '&access_token=' + accessToken;
}

module.exports = { revokeUrl };
