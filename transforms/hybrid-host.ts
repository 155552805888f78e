// jscodeshift transform: hybrid hosts (open-api.tiktok.com/v2/..., open.tiktok.com/v2/...) -> open.tiktokapis.com (www.tiktok.com for authorize).
// Alone: npx jscodeshift -t node_modules/tiktok-migrate/dist/transforms/hybrid-host.js <files>
import { urlTransform } from '../src/transform-edits.js';

export default urlTransform('hybrid-host');
export const parser = 'tsx';
