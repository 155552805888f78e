// Every rule, in the order the report lists them. Rule ids are stable: users filter and suppress by them.
import type { Rule } from './rule.js';
import { v1Endpoint } from './v1-endpoint.js';
import { hybridHost } from './hybrid-host.js';
import { nonCodeReference } from './non-code-reference.js';
import { parseError } from './parse-error.js';
import { tokenRequestShape } from './token-request-shape.js';
import { v1ResponseShape } from './v1-response-shape.js';
import { v2UserinfoErrorCheck } from './v2-userinfo-error-check.js';
import { mobileV1Kept } from './mobile-v1-kept.js';
import { mixedTokenUse } from './mixed-token-use.js';
import { redirectUriQuery } from './redirect-uri-query.js';
import { redirectUriInvalid } from './redirect-uri-invalid.js';
import { redirectUriCount } from './redirect-uri-count.js';
import { stateMissing } from './state-missing.js';
import { stateWeak } from './state-weak.js';
import { clientSecretExposed } from './client-secret-exposed.js';
import { pkceOnWeb } from './pkce-on-web.js';
import { libraryConfig } from './library-config.js';

export const RULES: readonly Rule[] = [v1Endpoint, hybridHost, mixedTokenUse, tokenRequestShape, v1ResponseShape, v2UserinfoErrorCheck,
  redirectUriQuery, redirectUriInvalid, redirectUriCount, stateMissing, stateWeak, clientSecretExposed, pkceOnWeb, libraryConfig,
  mobileV1Kept, nonCodeReference, parseError];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
