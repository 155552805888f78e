// jscodeshift transform: a v1 token, refresh or revoke call made v2-correct (fetch, axios): its parameters move from
// the query string or a JSON body into a form-urlencoded body with Content-Type, with grant_type, client_secret
// (refresh), redirect_uri (code exchange) and revoke's token, taken from values the same code already uses.
// Alone: npx jscodeshift --no-babel -t node_modules/tiktok-migrate/dist/transforms/token-request.js <files>
// (--no-babel: the file is already compiled JavaScript; Babel would try to recompile the TypeScript compiler it uses)
import { urlTransform } from '../src/transform-edits.js';

export default urlTransform('token-request');
export const parser = 'tsx';
