const https = require('https');
const { Readable } = require('stream');

// The body is piped into the request: nothing this tool can rewrite safely, so the call is reported as it is.
function fetchUser(accessToken, openId, done) {
  const req = https.request('https://open-api.tiktok.com/user/info/', { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
    let raw = '';
    res.on('data', (chunk) => (raw += chunk));
    res.on('end', () => done(null, JSON.parse(raw).data.user));
  });
  Readable.from([JSON.stringify({ open_id: openId, access_token: accessToken })]).pipe(req);
}

module.exports = { fetchUser };
