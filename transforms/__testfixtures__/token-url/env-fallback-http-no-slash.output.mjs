export const TOKEN_URL = process.env.TIKTOK_TOKEN_URL ?? 'https://open.tiktokapis.com/v2/oauth/token/';
export const REFRESH_URL = process.env.TIKTOK_REFRESH_URL || "https://open.tiktokapis.com/v2/oauth/token/";
