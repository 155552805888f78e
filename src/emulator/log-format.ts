// One line per answered request, for `tiktok-migrate emulate` to print as the app calls it.
import type { RequestLogEntry } from './server.js';

/** e.g. `POST open.tiktokapis.com/v2/oauth/token/ [v2 token] 400 invalid_grant` (query strings left out: secrets). */
export function formatLogEntry(entry: RequestLogEntry): string {
  const where = `${entry.host ? entry.host : ''}${entry.path}`;
  const what = entry.endpoint ? ` [${entry.version} ${entry.endpoint}]` : ' [not emulated]';
  const error = entry.error !== undefined ? ` ${entry.error}` : '';
  const warnings = entry.warnings?.length ? `  (warning: ${entry.warnings.join('; ')})` : '';
  return `${entry.method} ${where}${what} ${entry.status}${error}${warnings}`;
}
