// jscodeshift transform (unsafe: it changes behaviour): a redirect URI's query parameters move into state. The
// authorize URL sends the static redirect URI and state = encodeState(nonce, { …params }, secret); the callback, when
// found, reads them back through readState; the helper module tiktok-state is added to the project once.
// Alone: npx jscodeshift --no-babel -t node_modules/tiktok-migrate/dist/transforms/redirect-state.js <files>
// (alone it sees only the files given; the helper module is written beside them unless --dry)
import { urlTransform } from '../src/transform-edits.js';

export default urlTransform('redirect-state');
export const parser = 'tsx';
