// jscodeshift transform: v1 oauth/revoke/ -> https://open.tiktokapis.com/v2/oauth/revoke/.
// Alone: npx jscodeshift --no-babel -t node_modules/tiktok-migrate/dist/transforms/revoke-url.js <files>
// (--no-babel: the file is already compiled JavaScript; Babel would try to recompile the TypeScript compiler it uses)
import { urlTransform } from '../src/transform-edits.js';

export default urlTransform('revoke-url');
export const parser = 'tsx';
