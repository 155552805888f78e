// Mobile clients were told to keep v1 (spec section 5): files of a React Native / Expo / Capacitor / Cordova /
// NativeScript app, ios/ and android/ trees, and code using a TikTok mobile SDK are never rewritten, only reported.
import fs from 'node:fs';
import path from 'node:path';

export type Platform = 'auto' | 'web' | 'mobile';

const MOBILE_PACKAGES = ['react-native', 'expo', '@capacitor/core', 'cordova-android', 'cordova-ios', 'nativescript', '@nativescript/core'];
const MOBILE_SDK = /react-native-tiktok|tiktok-opensdk|TikTokOpenSDK|com\.bytedance\.sdk\.open\.tiktok|@tiktok\/[\w-]*sdk/i;

export class PlatformDetector {
  private readonly packages = new Map<string, string | null>();

  constructor(private readonly mode: Platform) {}

  /** Why this file is mobile code, or undefined for web code. */
  mobileReason(file: string, text: string): string | undefined {
    if (this.mode === 'web') return undefined;
    if (this.mode === 'mobile') return '--platform mobile';
    const segments = file.split(/[\\/]/).slice(0, -1);
    const native = segments.find((s) => s === 'ios' || s === 'android');
    if (native) return `it is in an ${native}/ folder`;
    const sdk = MOBILE_SDK.exec(text);
    if (sdk) return `it uses a TikTok mobile SDK (${sdk[0]})`;
    return this.packageReason(path.dirname(file)) ?? undefined;
  }

  /** The nearest package.json's mobile dependency, cached per folder. */
  private packageReason(dir: string): string | null {
    const cached = this.packages.get(dir);
    if (cached !== undefined) return cached;
    let reason: string | null = null;
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as Record<string, Record<string, string> | undefined>;
        const deps = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.peerDependencies };
        const found = MOBILE_PACKAGES.find((name) => name in deps);
        reason = found ? `${path.basename(dir)}/package.json depends on ${found}` : null;
      } catch {
        reason = null;
      }
    } else {
      const parent = path.dirname(dir);
      reason = parent === dir ? null : this.packageReason(parent);
    }
    this.packages.set(dir, reason);
    return reason;
  }
}
