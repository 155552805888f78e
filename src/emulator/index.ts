// The emulator's public API: what `tiktok-migrate emulate` and tests import.
export { startEmulator } from './server.js';
export type { EmulatorOptions, EmulatorState, RequestLogEntry, RunningEmulator } from './server.js';
export {
  DEFAULT_CONFIG,
  EmulatorConfigError,
  loadEmulatorConfig,
  parseEmulatorConfig,
  resolveEmulatorConfig,
} from './config.js';
export type { EmulatorApp, EmulatorConfig, EmulatorSettings, EmulatorUser, ResolvedConfig } from './config.js';
export { routeTikTokTo, ROUTED_HOSTS } from './route-fetch.js';
export { routeNodeHttpTo } from './route-http.js';
export { formatLogEntry } from './log-format.js';
export type { ApiVersion, VersionCounts } from './store.js';
