const fetch = require('node-fetch');

async function me(token) {
  const res = await fetch('https://open.tiktokapis.com/v2/user/info/?fields=open_id,display_name', {
    headers: { Authorization: 'Bearer ' + token },
  });
  const json = await res.json();
  return json.error.code === 'ok' ? json.data.user : null;
}

module.exports = { me };
