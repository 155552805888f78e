// jscodeshift transform: hybrid hosts (open-api.tiktok.com/v2/..., open.tiktok.com/v2/...) -> open.tiktokapis.com (www.tiktok.com for authorize).
// Alone: npx jscodeshift --no-babel -t node_modules/tiktok-migrate/dist/transforms/hybrid-host.js <files>
// (--no-babel: the file is already compiled JavaScript; Babel would try to recompile the TypeScript compiler it uses)
import { urlTransform } from '../src/transform-edits.js';

export default urlTransform('hybrid-host');
export const parser = 'tsx';
