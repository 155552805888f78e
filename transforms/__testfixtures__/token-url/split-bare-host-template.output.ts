const TIKTOK_API_HOST = 'open.tiktokapis.com';

export const tokenEndpoint = (): string => `https://${TIKTOK_API_HOST}/v2/oauth/token/`;
export const refreshEndpoint = (): string => `https://${TIKTOK_API_HOST}/v2/oauth/token/`;
