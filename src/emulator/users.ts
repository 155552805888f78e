// The user-info fields each API version knows, the scope each v2 field needs (spec section 5: in 2024 the
// profile fields moved to user.info.profile and the counts to user.info.stats), and their values for a user.
import type { EmulatorUser } from './config.js';

/** v2 field -> the scope a token needs to read it. */
export const V2_USER_FIELDS: Readonly<Record<string, string>> = {
  open_id: 'user.info.basic',
  union_id: 'user.info.basic',
  avatar_url: 'user.info.basic',
  avatar_url_100: 'user.info.basic',
  avatar_large_url: 'user.info.basic',
  display_name: 'user.info.basic',
  bio_description: 'user.info.profile',
  profile_deep_link: 'user.info.profile',
  is_verified: 'user.info.profile',
  username: 'user.info.profile',
  follower_count: 'user.info.stats',
  following_count: 'user.info.stats',
  likes_count: 'user.info.stats',
  video_count: 'user.info.stats',
};

/** v1 user/info fields; the default set when a v1 request names none. */
export const V1_USER_FIELDS = [
  'open_id',
  'union_id',
  'avatar_url',
  'avatar_url_100',
  'avatar_url_200',
  'avatar_larger',
  'display_name',
] as const;
export const V1_DEFAULT_FIELDS = ['open_id', 'union_id', 'avatar_url', 'display_name'];

function username(user: EmulatorUser): string {
  return user.display_name.toLowerCase().replace(/[^a-z0-9_.]+/g, '_').replace(/^_+|_+$/g, '') || 'emulator_user';
}

/** Every field value of a user; fields the config does not carry get fixed, plausible values. */
export function userValues(user: EmulatorUser): Record<string, string | number | boolean> {
  const name = username(user);
  return {
    open_id: user.open_id,
    union_id: user.union_id,
    avatar_url: user.avatar_url,
    avatar_url_100: user.avatar_url,
    avatar_url_200: user.avatar_url,
    avatar_large_url: user.avatar_url,
    avatar_larger: user.avatar_url,
    display_name: user.display_name,
    bio_description: '',
    profile_deep_link: `https://www.tiktok.com/@${name}`,
    is_verified: false,
    username: name,
    follower_count: 0,
    following_count: 0,
    likes_count: 0,
    video_count: 0,
  };
}

/** Only the requested fields, in the order requested. */
export function pickFields(user: EmulatorUser, fields: readonly string[]): Record<string, unknown> {
  const values = userValues(user);
  const out: Record<string, unknown> = {};
  for (const field of fields) out[field] = values[field];
  return out;
}
