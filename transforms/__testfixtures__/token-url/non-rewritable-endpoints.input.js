// Data and QR endpoints change method, headers and body on v2: reported for a person, never rewritten.
const fetch = require('node-fetch');

async function getUserInfo(openId, accessToken) {
  const res = await fetch('https://open-api.tiktok.com/user/info/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ open_id: openId, access_token: accessToken, fields: ['open_id', 'avatar_url', 'display_name'] }),
  });
  return (await res.json()).data.user;
}

async function getUserInfoLegacy(accessToken) {
  const res = await fetch(`https://open-api.tiktok.com/oauth/userinfo/?access_token=${accessToken}`);
  return res.json();
}

async function listVideos(openId, accessToken, cursor) {
  const res = await fetch('https://open-api.tiktok.com/video/list/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ open_id: openId, access_token: accessToken, cursor, max_count: 20, fields: ['id', 'title'] }),
  });
  return res.json();
}

async function queryVideos(openId, accessToken, ids) {
  const res = await fetch('https://open-api.tiktok.com/video/query/', {
    method: 'POST',
    body: JSON.stringify({ open_id: openId, access_token: accessToken, filters: { video_ids: ids } }),
  });
  return res.json();
}

function uploadUrl(openId, accessToken) {
  return 'https://open-api.tiktok.com/share/video/upload/?open_id=' + openId + '&access_token=' + accessToken;
}

async function getQrCode(clientKey, state) {
  const res = await fetch(`https://open-api.tiktok.com/v0/oauth/get_qrcode/?client_key=${clientKey}&scope=user.info.basic&state=${state}`);
  return res.json();
}

async function checkQrCode(clientKey, token) {
  const res = await fetch(`https://open-api.tiktok.com/v0/oauth/check_qrcode/?client_key=${clientKey}&token=${token}`);
  return res.json();
}

module.exports = { getUserInfo, getUserInfoLegacy, listVideos, queryVideos, uploadUrl, getQrCode, checkQrCode };
