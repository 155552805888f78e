const REVOKE_URL = process.env.TIKTOK_REVOKE_URL || 'https://open-api.tiktok.com/oauth/revoke/';

module.exports = { REVOKE_URL };
