// Revoke used to be POST https://open-api.tiktok.com/oauth/revoke/?open_id=...&access_token=...
// Now: https://open.tiktokapis.com/v2/oauth/revoke/ with a form body.
async function revoke(clientKey, clientSecret, token) {
  const res = await fetch('https://open.tiktokapis.com/v2/oauth/revoke/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_key: clientKey, client_secret: clientSecret, token }),
  });
  return res.json();
}

module.exports = { revoke };
