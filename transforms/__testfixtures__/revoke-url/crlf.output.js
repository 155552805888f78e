// Revoke the user's TikTok access on logout
exports.revoke = async function (openId, accessToken) {
	const res = await fetch(`https://open.tiktokapis.com/v2/oauth/revoke/?open_id=${openId}&access_token=${accessToken}`, { method: 'POST' });
	return res.json();
};
