// Login button on the marketing site
document.getElementById('tiktok-login').addEventListener('click', function () {
  var state = window.sessionStorage.getItem('tiktok_state');
  window.location.href = 'http://www.tiktok.com/auth/authorize/' +
    '?client_key=' + window.TIKTOK_CLIENT_KEY +
    '&scope=user.info.basic' +
    '&response_type=code' +
    '&redirect_uri=' + encodeURIComponent(window.location.origin + '/auth/tiktok/callback/') +
    '&state=' + state;
});
