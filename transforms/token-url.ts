// jscodeshift transform: v1 oauth/access_token/ and oauth/refresh_token/ -> https://open.tiktokapis.com/v2/oauth/token/, and the right grant_type
// (authorization_code or refresh_token) wherever the call's parameters are visible.
// Alone: npx jscodeshift --no-babel -t node_modules/tiktok-migrate/dist/transforms/token-url.js <files>
// (--no-babel: the file is already compiled JavaScript; Babel would try to recompile the TypeScript compiler it uses)
import { urlTransform } from '../src/transform-edits.js';

export default urlTransform('token-url');
export const parser = 'tsx';
