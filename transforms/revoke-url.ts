// jscodeshift transform: v1 oauth/revoke/ -> https://open.tiktokapis.com/v2/oauth/revoke/.
// Alone: npx jscodeshift -t node_modules/tiktok-migrate/dist/transforms/revoke-url.js <files>
import { urlTransform } from '../src/transform-edits.js';

export default urlTransform('revoke-url');
export const parser = 'tsx';
