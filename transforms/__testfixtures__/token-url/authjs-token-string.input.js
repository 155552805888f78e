/** @type {import("next-auth/providers/oauth").OAuthConfig<any>} */
const TikTokProvider = {
  id: 'tiktok',
  name: 'TikTok',
  type: 'oauth',
  clientId: process.env.TIKTOK_CLIENT_KEY,
  clientSecret: process.env.TIKTOK_CLIENT_SECRET,
  authorization: { url: 'https://www.tiktok.com/v2/auth/authorize/', params: { scope: 'user.info.basic' } },
  token: 'https://open-api.tiktok.com/oauth/access_token/',
  userinfo: 'https://open-api.tiktok.com/oauth/userinfo/',
  profile: (p) => ({ id: p.data.open_id, name: p.data.display_name, image: p.data.avatar_url }),
};

export default TikTokProvider;
