// The proof harness of test/flows.test.ts: runs fixtures/flows/run-flow.mjs on a sample module (a v1 original or
// a copy the built CLI migrated) against a fresh emulator, behind a small recording proxy that keeps every answer's
// body, so a failing flow is reported with the emulator's own error description.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { startEmulator, type EmulatorConfig, type RequestLogEntry, type RunningEmulator } from '../src/emulator/index.js';

const run = promisify(execFile);
export const ROOT = path.resolve(import.meta.dirname, '..');
export const FLOWS_DIR = path.join(ROOT, 'fixtures', 'flows');
const RUNNER = path.join(FLOWS_DIR, 'run-flow.mjs');
const BIN = path.join(ROOT, 'bin', 'tiktok-migrate.js');

export const REDIRECT_URI = 'https://app.example.test/auth/tiktok/callback';
export const USER = {
  open_id: '-000flowsOpenId000000000000000000',
  union_id: 'c9b1e0f0-f10w-4a7e-9a1b-000000000007',
  display_name: 'Flow Tester',
  avatar_url: 'https://p16-sign.tiktokcdn-us.com/flows/avatar.jpeg',
};
export const CONFIG: EmulatorConfig = {
  apps: [
    {
      client_key: 'awflowsclientkey',
      client_secret: 'flows-client-secret-not-real',
      redirect_uris: [REDIRECT_URI],
      scopes: ['user.info.basic', 'user.info.profile'],
    },
  ],
  users: [USER],
};
export const ENV = {
  TIKTOK_CLIENT_KEY: CONFIG.apps[0]!.client_key,
  TIKTOK_CLIENT_SECRET: CONFIG.apps[0]!.client_secret,
  TIKTOK_REDIRECT_URI: REDIRECT_URI,
};

export interface FlowCase {
  client: string;
  module: string;
  /** Compiled with transpileModule by the runner, and type-checked by the test. */
  typescript?: boolean;
  /** Why the CLI does not migrate this module's calls yet (it reports them instead); absent when it does. */
  reportedOnly?: string;
  /** With reportedOnly: the endpoints whose calls are left for a person (default: all four). */
  leftByHand?: string[];
}

interface StepResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: ErrorInfo;
}
interface ErrorInfo {
  name: string;
  message: string;
  status?: number;
  body?: unknown;
}
export interface FlowResult {
  module: string;
  ok: boolean;
  steps: StepResult[];
  failedStep: string | null;
  error: ErrorInfo | null;
  state?: string;
  authorizeUrl?: string;
  location?: string;
  callback?: { code: string | null; state: string | null; redirect: string };
  tokens?: { accessToken: string; refreshToken: string; openId: string; expiresIn: number };
  user?: { openId: string; displayName: string; avatarUrl: string };
  refreshed?: { accessToken: string; refreshToken: string };
  afterRevokeError?: ErrorInfo;
}

/** One answer as the recording proxy saw it. */
export interface Recorded {
  method: string;
  host: string;
  path: string;
  status: number;
  requestBody: string;
  body: string;
}

export interface FlowRun {
  result: FlowResult;
  /** The emulator's request log. */
  log: readonly RequestLogEntry[];
  counts: RunningEmulator['state']['counts'];
  recorded: Recorded[];
  stderr: string;
}

/** A proxy in front of the emulator that keeps each request and answer (the emulator's log has no bodies). */
async function startRecorder(target: string): Promise<{ url: string; recorded: Recorded[]; close(): Promise<void> }> {
  const recorded: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const requestBody = Buffer.concat(chunks);
      const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(parts);
          const forwarded = req.headers['x-forwarded-host'];
          recorded.push({
            method: req.method ?? '',
            host: (Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? '',
            path: req.url ?? '',
            status: answer.statusCode ?? 0,
            requestBody: requestBody.toString('utf8'),
            body: body.toString('utf8'),
          });
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(body);
        });
      });
      upstream.on('error', (error) => {
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`recorder: ${error.message}`);
      });
      upstream.end(requestBody);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    recorded,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Runs the flow of `moduleFile` in a child process against a fresh emulator. */
export async function runFlow(moduleFile: string): Promise<FlowRun> {
  const emulator = await startEmulator({ port: 0, config: CONFIG });
  const recorder = await startRecorder(emulator.url);
  try {
    const { stdout, stderr } = await run(process.execPath, [RUNNER, moduleFile, recorder.url], {
      env: { ...process.env, ...ENV },
      timeout: 20_000,
      maxBuffer: 4 * 1024 * 1024,
    });
    const line = stdout.trim().split('\n').pop() ?? '';
    let result: FlowResult;
    try {
      result = JSON.parse(line) as FlowResult;
    } catch {
      throw new Error(`run-flow printed no JSON result.\nstdout: ${stdout.slice(0, 2000)}\nstderr: ${stderr.slice(0, 2000)}`);
    }
    return { result, log: [...emulator.state.requests], counts: emulator.state.counts, recorded: recorder.recorded, stderr };
  } finally {
    await recorder.close();
    await emulator.close();
  }
}

let tmpRoot: string | undefined;
/** A fresh copy of fixtures/flows/<client> in a temp dir, with node_modules linked to the repo's. */
export function copyClient(client: string, label: string): string {
  tmpRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-flows-'));
  const parent = fs.mkdtempSync(path.join(tmpRoot, `${label}-`));
  const dir = path.join(parent, client);
  fs.cpSync(path.join(FLOWS_DIR, client), dir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}node_modules`) && !src.endsWith('.flow-run.mjs'),
  });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export function removeCopies(): void {
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  tmpRoot = undefined;
}

export interface Migration {
  dir: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Findings the CLI did not apply (manual steps and the like), one line each. */
  notApplied: string[];
  /** The same findings, as the JSON report has them. */
  open: ReportFinding[];
}

export interface ReportFinding {
  applied?: boolean;
  line?: number;
  ruleId: string;
  message: string;
  endpoint?: string;
  fix?: string;
  severity?: string;
}

/** Copies the client folder and runs the built CLI on it, as a user would. */
export async function migrateClient(client: string): Promise<Migration> {
  const dir = copyClient(client, 'after');
  const cwd = path.dirname(dir);
  const report = path.join(cwd, 'report.json');
  let exitCode = 0;
  let stdout = '';
  let stderr = '';
  try {
    ({ stdout, stderr } = await run(process.execPath, [BIN, '--force', '--no-color', '--report', report, client], {
      cwd,
      timeout: 60_000,
    }));
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    exitCode = typeof e.code === 'number' ? e.code : -1;
    stdout = e.stdout ?? '';
    stderr = e.stderr ?? '';
  }
  let open: ReportFinding[] = [];
  if (fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8')) as { findings?: ReportFinding[] };
    open = (json.findings ?? []).filter((f) => !f.applied);
  }
  const notApplied = open.map((f) => `${f.ruleId} line ${f.line}: ${f.message}`);
  return { dir, exitCode, stdout, stderr, notApplied, open };
}

/** strict type-check of one TypeScript file (Node types, no DOM), as a list of "line: message". */
export function typeCheck(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    typeRoots: [path.join(ROOT, 'node_modules', '@types')],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

/** What an answer's body says went wrong, or null when it reads as a success (v1 or v2 shapes). */
export function errorOf(record: Recorded): string | null {
  let json: unknown;
  try {
    json = JSON.parse(record.body);
  } catch {
    if (record.status < 400 && record.status !== 0) return null;
    const text = record.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    return text.replace(/^.*?(Error:)/, '$1').slice(0, 300) || `HTTP ${record.status}`;
  }
  const j = json as Record<string, any>;
  if (typeof j.error === 'string') return `${j.error}: ${j.error_description ?? ''}`;
  if (j.message === 'error') return `${j.data?.error_code}: ${j.data?.description ?? ''}`;
  if (j.error && typeof j.error === 'object' && j.error.code !== 0 && j.error.code !== 'ok') {
    return `${j.error.code}: ${j.error.message ?? ''}`;
  }
  return record.status >= 400 ? `HTTP ${record.status}` : null;
}

const entryLine = (e: RequestLogEntry): string =>
  `${e.method} ${e.host}${e.path} ${e.version ?? '-'} ${e.status}${e.error ? ` ${e.error}` : ''}`;

/** One line on why a flow did not complete as wanted, for the lead: the step, its error, the emulator's answer. */
export function summarize(label: string, run: FlowRun, wantVersion: 'v1' | 'v2'): string {
  const { result } = run;
  const parts = [label];
  if (result.failedStep) parts.push(`step ${result.failedStep} threw: ${result.error?.message}`);
  const firstError = run.recorded.find((r) => errorOf(r) !== null);
  if (firstError) {
    parts.push(`first error answer: ${firstError.method} ${firstError.host}${firstError.path.split('?')[0]} -> ${firstError.status} ${errorOf(firstError)}`);
  }
  const wrong = run.log.filter((e) => e.version !== wantVersion);
  if (wrong.length > 0) parts.push(`not served by ${wantVersion}: ${wrong.map(entryLine).join('; ')}`);
  return parts.join(' | ');
}

/** The endpoint sequence the emulator served, e.g. "authorize token user-info refresh revoke user-info". */
export const endpoints = (log: readonly RequestLogEntry[]): string => log.map((e) => e.endpoint ?? `?${e.path}`).join(' ');
export const logLines = (log: readonly RequestLogEntry[]): string[] => log.map(entryLine);
