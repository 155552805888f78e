// TODO(migration): https://www.tiktok.com/auth/authorize/ stops working for web apps on 2024-02-29
/* legacy: https://open-api.tiktok.com/platform/oauth/connect/ */
export const TIKTOK_LOGIN_URL = 'https://www.tiktok.com/v2/auth/authorize/'; // https://www.tiktok.com/auth/authorize/ (v1)
