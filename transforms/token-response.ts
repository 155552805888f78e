// jscodeshift transform: reads of a migrated token/refresh/revoke response moved to the v2 shape (json.data.x ->
// json.x for fetch, res.data.data.x -> res.data.x for axios) and v1 error checks moved to error/error_description.
// Alone: npx jscodeshift --no-babel -t node_modules/tiktok-migrate/dist/transforms/token-response.js <files>
// (--no-babel: the file is already compiled JavaScript; Babel would try to recompile the TypeScript compiler it uses)
import { urlTransform } from '../src/transform-edits.js';

export default urlTransform('token-response');
export const parser = 'tsx';
