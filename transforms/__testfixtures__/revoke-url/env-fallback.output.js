const REVOKE_URL = process.env.TIKTOK_REVOKE_URL || 'https://open.tiktokapis.com/v2/oauth/revoke/';

module.exports = { REVOKE_URL };
