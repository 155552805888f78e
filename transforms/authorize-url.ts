// jscodeshift transform: v1 authorize (www.tiktok.com/auth/authorize/, open-api.tiktok.com/platform/oauth/connect/) -> https://www.tiktok.com/v2/auth/authorize/.
// Alone: npx jscodeshift -t node_modules/tiktok-migrate/dist/transforms/authorize-url.js <files>
import { urlTransform } from '../src/transform-edits.js';

export default urlTransform('authorize-url');
export const parser = 'tsx';
