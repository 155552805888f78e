import type { OAuthConfig, OAuthUserConfig } from "next-auth/providers/oauth";

export interface TikTokProfile {
  open_id: string;
  display_name: string;
  avatar_url: string;
}

export default function TikTok(options: OAuthUserConfig<TikTokProfile>): OAuthConfig<TikTokProfile> {
  return {
    id: "tiktok",
    name: "TikTok",
    type: "oauth",
    authorization: {
      url: "https://www.tiktok.com/auth/authorize/",
      params: {
        scope: "user.info.basic,video.list",
        response_type: "code",
        client_key: options.clientId,
      },
    },
    token: {
      url: "https://open-api.tiktok.com/oauth/access_token/",
      params: {
        client_key: options.clientId,
        client_secret: options.clientSecret,
        grant_type: "authorization_code",
      },
    },
    userinfo: "https://open-api.tiktok.com/user/info/",
    profile(profile) {
      return { id: profile.open_id, name: profile.display_name, image: profile.avatar_url };
    },
    checks: ["state"],
    options,
  };
}
