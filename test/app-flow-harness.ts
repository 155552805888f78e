// Harness of test/next-param-app.test.ts: runs a whole sample web app (fixtures/apps/<app>/server.js, or a copy the
// built CLI migrated) as a child process whose TikTok calls go to a fresh in-process emulator, and plays the browser
// by hand: fetch with `redirect: 'manual'`, one cookie jar per host, each 302 followed (or not) by the test.
//
// Routing: the child starts as `node --import <preload> server.js`; the preload (written to a temp dir at run time)
// imports dist/src/emulator and calls routeTikTokTo + routeNodeHttpTo with TIKTOK_EMULATOR_URL, so the app's real
// TikTok URLs (www.tiktok.com, open-api.tiktok.com, open.tiktokapis.com) reach the emulator unchanged, with the
// original host in x-forwarded-host. The app's source is never edited to be tested. Needs `npm run build` (dist/).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { startEmulator, type EmulatorConfig, type RequestLogEntry, type RunningEmulator } from '../src/emulator/index.js';

const run = promisify(execFile);
export const ROOT = path.resolve(import.meta.dirname, '..');
export const APPS_DIR = path.join(ROOT, 'fixtures', 'apps');
const BIN = path.join(ROOT, 'bin', 'tiktok-migrate.js');
const EMULATOR_MODULE = path.join(ROOT, 'dist', 'src', 'emulator', 'index.js');

/** The one redirect URI registered for the app: static, as v2 demands (spec section 4). */
export const REDIRECT_URI = 'https://app.example.test/auth/tiktok/callback';
export const USER = {
  open_id: '-000nextParamOpenId0000000000000',
  union_id: 'c9b1e0f0-0e47-4a7e-9a1b-000000000044',
  display_name: 'Next Param Tester',
  avatar_url: 'https://p16-sign.tiktokcdn-us.com/next-param/avatar.jpeg',
};
export const CONFIG: EmulatorConfig = {
  apps: [
    {
      client_key: 'awnextparamclientkey',
      client_secret: 'next-param-client-secret-not-real',
      redirect_uris: [REDIRECT_URI],
      scopes: ['user.info.basic'],
    },
  ],
  users: [USER],
};
export const ENV = {
  TIKTOK_CLIENT_KEY: CONFIG.apps[0]!.client_key,
  TIKTOK_CLIENT_SECRET: CONFIG.apps[0]!.client_secret,
  TIKTOK_REDIRECT_URI: REDIRECT_URI,
};

let tmpRoot: string | undefined;
/** A folder under this run's temp root (removed by removeTemp). */
export function tempDir(label: string): string {
  tmpRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-app-flow-'));
  return fs.mkdtempSync(path.join(tmpRoot, `${label}-`));
}
export function removeTemp(): void {
  if (tmpRoot) fs.rmSync(tmpRoot, { recursive: true, force: true });
  tmpRoot = undefined;
}

/** The --import preload that routes the child's TikTok traffic to TIKTOK_EMULATOR_URL. */
function preloadFile(): string {
  const file = path.join(tempDir('preload'), 'route-tiktok-to-emulator.mjs');
  fs.writeFileSync(
    file,
    [
      `import { routeTikTokTo, routeNodeHttpTo } from ${JSON.stringify(pathToFileURL(EMULATOR_MODULE).href)};`,
      `const target = process.env.TIKTOK_EMULATOR_URL;`,
      `if (!target) throw new Error('route-tiktok-to-emulator: TIKTOK_EMULATOR_URL is not set');`,
      `routeTikTokTo(target);`,
      `routeNodeHttpTo(target);`,
      '',
    ].join('\n'),
  );
  return file;
}

/** A fresh copy of fixtures/apps/<app> (node_modules linked to the repo's, so express and cookie-parser resolve). */
export function copyApp(app: string, label: string, from = path.join(APPS_DIR, app)): string {
  const dir = path.join(tempDir(label), app);
  fs.cpSync(from, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

export interface ReportFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  fix: string;
  message: string;
  endpoint?: string;
  applied?: boolean;
  manualStep?: string;
  [key: string]: unknown;
}
export interface Migration {
  dir: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  report: { findings: ReportFinding[]; [key: string]: unknown };
}

/** Copies the app and runs the built CLI on it as a user would: `tiktok-migrate --force --format json --report …`. */
export async function migrateApp(app: string): Promise<Migration> {
  const dir = copyApp(app, 'migrated');
  const cwd = path.dirname(dir);
  const reportFile = path.join(cwd, 'report.json');
  const args = [BIN, '--force', '--no-color', '--format', 'json', '--report', reportFile, app];
  let exitCode = 0;
  let stdout = '';
  let stderr = '';
  try {
    ({ stdout, stderr } = await run(process.execPath, args, { cwd, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } }));
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    exitCode = typeof e.code === 'number' ? e.code : -1;
    stdout = e.stdout ?? '';
    stderr = e.stderr ?? '';
  }
  const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : { findings: [] };
  return { dir, exitCode, stdout, stderr, report };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RunningApp {
  /** http://127.0.0.1:<port> */
  url: string;
  emulator: RunningEmulator;
  /** What the app printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts a fresh emulator and `node --import <preload> server.js` in `dir`, and waits until the app answers. */
export async function startApp(dir: string): Promise<RunningApp> {
  const emulator = await startEmulator({ port: 0, config: CONFIG });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', pathToFileURL(preloadFile()).href, 'server.js'], {
    cwd: dir,
    env: { ...process.env, ...ENV, PORT: String(port), TIKTOK_EMULATOR_URL: emulator.url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await emulator.close();
  };

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await emulator.close();
      throw new Error(`the app in ${dir} exited (${child.exitCode ?? child.signalCode}) before answering:\n${output.slice(-3000)}`);
    }
    try {
      await fetch(`${url}/`, { redirect: 'manual' });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`the app in ${dir} did not answer on ${url} within 15 s:\n${output.slice(-3000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { url, emulator, output: () => output, stop };
}

export interface Answer {
  status: number;
  /** The Location header, as sent. */
  location: string | null;
  body: string;
}

/**
 * A browser reduced to what an OAuth login needs: GETs that do not follow redirects, and cookies kept per host
 * (Set-Cookie name=value only; attributes are not needed here). TikTok's URLs are sent to the emulator the way
 * routeTikTokTo does, and the app's public origin (https://app.example.test) to the running app.
 */
export class Browser {
  private readonly jars = new Map<string, Map<string, string>>();
  constructor(private readonly app: RunningApp) {}

  /** Where a URL really goes: the app's public origin to the app, TikTok's hosts to the emulator, relative to the app. */
  private target(url: string): { target: URL; host: string; forwarded: boolean } {
    const u = new URL(url, this.app.url);
    const publicOrigin = new URL(REDIRECT_URI).origin;
    if (u.origin === publicOrigin || u.origin === this.app.url) {
      return { target: new URL(`${u.pathname}${u.search}`, this.app.url), host: 'app', forwarded: false };
    }
    if (/(^|\.)tiktok(apis)?\.com$/.test(u.hostname)) {
      return { target: new URL(`${u.pathname}${u.search}`, this.app.emulator.url), host: u.host, forwarded: true };
    }
    throw new Error(`the browser was sent off-site, to ${u.href}`);
  }

  async get(url: string): Promise<Answer> {
    const { target, host, forwarded } = this.target(url);
    const jar = this.jars.get(host) ?? new Map<string, string>();
    this.jars.set(host, jar);
    const headers: Record<string, string> = {};
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (forwarded) Object.assign(headers, { 'x-forwarded-host': host, 'x-forwarded-proto': 'https' });
    const res = await fetch(target, { redirect: 'manual', headers });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return { status: res.status, location: res.headers.get('location'), body: await res.text() };
  }
}

export interface Login {
  /** The app's 302 from /login: the TikTok authorize URL. */
  authorizeUrl: string;
  /** The emulator's 302 after authorize: the redirect URI with code and state. */
  callbackUrl: string;
  /** The app's answer to that callback. */
  callback: Answer;
}

/** /login?next=… then TikTok's authorize: returns where the emulator sends the browser back, without going there. */
export async function startLogin(browser: Browser, next: string): Promise<Omit<Login, 'callback'>> {
  const start = await browser.get(`/login?next=${encodeURIComponent(next)}`);
  if (start.status !== 302 || !start.location) throw new Error(`/login answered ${start.status}, not a redirect: ${start.body.slice(0, 300)}`);
  const authorize = await browser.get(start.location);
  if (authorize.status !== 302 || !authorize.location) {
    const text = authorize.body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
    throw new Error(`authorize (${start.location.split('?')[0]}) answered ${authorize.status}: ${text.slice(0, 400)}`);
  }
  return { authorizeUrl: start.location, callbackUrl: authorize.location };
}

/** The whole login: startLogin, then the browser goes to the callback URL (altered by `tamper` first, if given). */
export async function login(browser: Browser, next: string, tamper?: (callbackUrl: string) => string): Promise<Login> {
  const { authorizeUrl, callbackUrl: back } = await startLogin(browser, next);
  const callbackUrl = tamper ? tamper(back) : back;
  return { authorizeUrl, callbackUrl, callback: await browser.get(callbackUrl) };
}

export const entryLine = (e: RequestLogEntry): string =>
  `${e.method} ${e.host}${e.path} ${e.version ?? '-'} ${e.status}${e.error ? ` ${e.error}` : ''}`;

/** The emulator log entries from index `from` on, one line each. */
export const logSince = (app: RunningApp, from: number): string[] => app.emulator.state.requests.slice(from).map(entryLine);
