export const TIKTOK_CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
export const TIKTOK_CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
export const PUBLIC_URL = process.env.PUBLIC_URL ?? 'https://creators.example.com';
