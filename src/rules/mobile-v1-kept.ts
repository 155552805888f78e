import type { Rule } from './rule.js';
import { describeEndpoint, findingFromReference } from './reference-finding.js';

export const mobileV1Kept: Rule = {
  meta: {
    id: 'mobile-v1-kept',
    severity: 'info',
    description: 'A v1 reference in mobile code, kept on v1 on purpose and not rewritten.',
    fixable: 'none',
    docs: `# mobile-v1-kept

**What it finds.** v1 (or hybrid) TikTok URLs in mobile code: files of a package whose package.json depends on
react-native, expo, @capacitor/core, cordova or nativescript; files under ios/ or android/; code that uses a TikTok
mobile SDK. The finding says which of these it detected.

**Why.** TikTok told mobile (Android/iOS) clients to keep v1 (spec section 5, seed 003 FAQ 5); a newer doc says apps
on the new OpenSDK use v2. So mobile code is never rewritten silently: it is reported, and you decide.

**Fix.** None needed if the app uses the old mobile SDK. If it moved to the new OpenSDK, migrate it by hand, or run
\`tiktok-migrate --platform web <that package>\` to treat it as web code. \`--platform mobile\` treats everything as
mobile (report only).`,
  },
  check(scan, cwd) {
    return scan.references
      .filter((ref) => ref.mobile && ref.kind !== 'v2')
      .map((ref) => {
        const finding = findingFromReference(ref, cwd, 'mobile-v1-kept', 'info', `v1 ${describeEndpoint(ref)} URL ${ref.url} kept: mobile code keeps v1 (${ref.mobile}).`);
        finding.fix = 'none';
        delete finding.manualStep;
        return finding;
      });
  },
};
