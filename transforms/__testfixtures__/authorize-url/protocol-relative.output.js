var AUTH_ENDPOINT = "//www.tiktok.com/v2/auth/authorize/";

function loginWithTikTok(clientKey, redirectUri, state) {
  var query = [
    "client_key=" + encodeURIComponent(clientKey),
    "scope=user.info.basic",
    "response_type=code",
    "redirect_uri=" + encodeURIComponent(redirectUri),
    "state=" + encodeURIComponent(state)
  ].join("&");
  window.location.assign(AUTH_ENDPOINT + "?" + query);
}
