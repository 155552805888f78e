import passport from 'passport';
import { Strategy as OAuth2Strategy } from 'passport-oauth2';

passport.use(
  'tiktok',
  new OAuth2Strategy(
    {
      authorizationURL: 'https://www.tiktok.com/v2/auth/authorize/',
      tokenURL: 'https://open.tiktokapis.com/v2/oauth/token/',
      clientID: process.env.TIKTOK_CLIENT_KEY!,
      clientSecret: process.env.TIKTOK_CLIENT_SECRET!,
      callbackURL: 'https://app.example.com/auth/tiktok/callback/',
      scope: ['user.info.basic'],
      scopeSeparator: ',',
      state: true,
    },
    (accessToken: string, refreshToken: string, params: any, _profile: unknown, done: (err: unknown, user?: object) => void) => {
      done(null, { accessToken, refreshToken, openId: params.open_id });
    },
  ),
);
