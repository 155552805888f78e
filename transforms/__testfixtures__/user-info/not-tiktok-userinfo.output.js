// Douyin and the TikTok Business API have their own user endpoints: never touched.
exports.douyin = async (accessToken, openId) => {
  const res = await fetch('https://open.douyin.com/oauth/userinfo/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ access_token: accessToken, open_id: openId }),
  });
  const json = await res.json();
  if (json.data.error_code !== 0) throw new Error(json.data.description);
  return json.data;
};

exports.business = async (accessToken) => {
  const res = await fetch('https://business-api.tiktok.com/open_api/v1.3/user/info/', {
    headers: { 'Access-Token': accessToken },
  });
  return (await res.json()).data;
};
