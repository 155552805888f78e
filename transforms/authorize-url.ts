// jscodeshift transform: v1 authorize (www.tiktok.com/auth/authorize/, open-api.tiktok.com/platform/oauth/connect/) -> https://www.tiktok.com/v2/auth/authorize/.
// Alone: npx jscodeshift --no-babel -t node_modules/tiktok-migrate/dist/transforms/authorize-url.js <files>
// (--no-babel: the file is already compiled JavaScript; Babel would try to recompile the TypeScript compiler it uses)
import { urlTransform } from '../src/transform-edits.js';

export default urlTransform('authorize-url');
export const parser = 'tsx';
