import type { Finding } from '../report/model.js';
import { isLiteralCode, lookupFor, paramOf, webCodeReferences } from './oauth-lookup.js';
import { paramFinding } from './oauth-finding.js';
import { relativeFile } from './reference-finding.js';
import type { Rule } from './rule.js';
import { STATE_STEP } from './state-missing.js';
import { stateStrength, weakness } from './state-strength.js';

export const stateWeak: Rule = {
  meta: {
    id: 'state-weak',
    severity: 'warning',
    description: 'The authorize URL\'s state is guessable: Math.random(), Date.now(), new Date(), uuid v1, or a constant.',
    fixable: 'none',
    docs: `# state-weak

**What it finds.** The \`state\` of an authorize URL made from \`Math.random()\`, \`Date.now()\`, \`new Date()\`, a \`uuid\`
v1 (time-based) or a constant string or number. The value is followed to its declaration: in the same function, the
module, an imported module, or a helper function of the module whose return value it is
(\`const state = Math.random().toString(36).slice(2)\`). A state that also draws from a cryptographic source
(\`crypto.randomBytes\`, \`crypto.randomUUID\`, \`getRandomValues\`, uuid v4, nanoid), or that comes from somewhere the tool
cannot see (a session, a parameter), is not reported. Mobile code is skipped.

**Why.** \`state\` is the anti-forgery value the callback checks (spec section 4, seed 001; spec section 5 lists a
\`Math.random()\` state as a security smell). \`Math.random()\` is not a cryptographic generator, timestamps and uuid v1
are predictable, and a constant protects nothing: an attacker who can guess it can forge the callback (login CSRF).

**Fix.** ${STATE_STEP}`,
  },
  check(scan, cwd) {
    const lookup = lookupFor(scan);
    const findings: Finding[] = [];
    for (const ref of webCodeReferences(scan, ['authorize'])) {
      const param = paramOf(ref, 'state');
      if (!param) continue;
      let reason: string | undefined;
      let from = '';
      if (param.static !== undefined && (isLiteralCode(param.value) || /^[A-Za-z_$][\w$]*$/.test(param.value))) reason = 'a constant';
      else {
        const site = lookup.valueOf(ref, param);
        if (!site) continue;
        const strength = stateStrength(lookup, site.unit, site.node);
        reason = weakness(strength);
        if (strength.via.length > 0) from = ` (${strength.via.map((v) => `${v.name} at ${relativeFile(cwd, v.file)}:${v.line}`).join(', ')})`;
      }
      if (!reason) continue;
      findings.push(
        paramFinding(
          ref, cwd, 'state-weak', 'warning', 'manual',
          `state of ${ref.url} is ${reason === 'a constant' ? 'a constant' : `made from ${reason}`}${from}: it can be guessed, so the callback cannot tell a forged ` +
            'redirect from a real one (spec sections 4 and 5). Use a cryptographically random value per login.',
          STATE_STEP,
        ),
      );
    }
    return findings;
  },
};
