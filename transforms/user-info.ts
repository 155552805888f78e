// jscodeshift transform: v1 user info (POST open-api.tiktok.com/user/info/ with a JSON body, or /oauth/userinfo/)
// -> GET https://open.tiktokapis.com/v2/user/info/?fields=… with `Authorization: Bearer <token>` (fetch, axios), and
// its error check moved to v2's `error.code !== 'ok'`.
// Alone: npx jscodeshift --no-babel -t node_modules/tiktok-migrate/dist/transforms/user-info.js <files>
// (--no-babel: the file is already compiled JavaScript; Babel would try to recompile the TypeScript compiler it uses)
import { urlTransform } from '../src/transform-edits.js';

export default urlTransform('user-info');
export const parser = 'tsx';
