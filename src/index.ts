// The public API: the same steps the CLI runs, for scripts and other tools.
export { run as migrate } from './run.js';
export { discover, type DiscoveredFile, type DiscoverOptions, type DiscoverResult } from './discover.js';
export { scan, type ScanResult } from './scan/scan.js';
export { analyze, type Analysis } from './analyze.js';
export { ENDPOINTS, endpointById, v2Url, type Endpoint, type EndpointId } from './endpoints.js';
export { findTikTokUrls, type UrlMatch, type UrlKind } from './url-match.js';
export { RULES, ruleById } from './rules/index.js';
export { printReport, formatFromPath } from './report/printer.js';
export type { Finding, Report, Change, Severity, Fix, Mode } from './report/model.js';
export type { Reference, Edit, TransformId } from './scan/types.js';
export type { RunOptions, RunResult, ReportFormat } from './run-options.js';
export { UsageError } from './run-options.js';
