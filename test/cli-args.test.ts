// The CLI only maps flags to RunOptions: run() is mocked, and each test checks what it was asked.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunOptions, RunResult } from '../src/run-options.js';

const runMock = vi.hoisted(() => vi.fn<(options: RunOptions) => Promise<RunResult>>());
vi.mock('../src/run.js', () => ({ run: runMock }));

const { main } = await import('../src/cli.js');
const { UsageError } = await import('../src/run-options.js');
const { RULES } = await import('../src/rules/index.js');

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function cli(args: string[], env: { isTTY?: boolean; env?: Record<string, string> } = {}): Promise<Captured> {
  let out = '';
  let err = '';
  const code = await main(['node', 'tiktok-migrate', ...args], {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    cwd: '/project',
    ...env,
  });
  return { code, out, err };
}

/** The options run() received, without the two output functions (checked apart). */
function lastOptions(): Omit<RunOptions, 'stdout' | 'stderr'> {
  expect(runMock).toHaveBeenCalledTimes(1);
  const { stdout, stderr, ...rest } = runMock.mock.calls[0]![0];
  expect(typeof stdout).toBe('function');
  expect(typeof stderr).toBe('function');
  return rest;
}

beforeEach(() => {
  runMock.mockReset();
  runMock.mockResolvedValue({ exitCode: 0 });
});

describe('flags -> RunOptions', () => {
  it('defaults: apply the current folder, markdown report in the default file', async () => {
    expect((await cli([])).code).toBe(0);
    expect(lastOptions()).toEqual({
      paths: ['.'],
      cwd: '/project',
      mode: 'apply',
      force: false,
      ignore: [],
      report: 'tiktok-migrate-report.md',
      format: undefined,
      color: false,
      compatResponse: false,
      stateTransform: true,
      platform: 'auto',
    });
  });

  it('--no-state-transform turns the state transform off', async () => {
    await cli(['--no-state-transform', '--dry-run']);
    expect(lastOptions()).toMatchObject({ stateTransform: false, mode: 'dry-run' });
  });

  it('--dry-run with paths', async () => {
    await cli(['--dry-run', 'src/', 'lib/auth.ts']);
    expect(lastOptions()).toMatchObject({ mode: 'dry-run', paths: ['src/', 'lib/auth.ts'] });
  });

  it('--check --format sarif --report tiktok.sarif', async () => {
    await cli(['--check', '--format', 'sarif', '--report', 'tiktok.sarif']);
    expect(lastOptions()).toMatchObject({ mode: 'check', format: 'sarif', report: 'tiktok.sarif', paths: ['.'] });
  });

  it('--report alone leaves the format to be inferred from the extension', async () => {
    await cli(['--report=out.json']);
    expect(lastOptions()).toMatchObject({ report: 'out.json', format: undefined });
  });

  it('--no-report', async () => {
    await cli(['--no-report', 'src']);
    expect(lastOptions()).toMatchObject({ report: false });
  });

  it('--force', async () => {
    await cli(['--force', 'src']);
    expect(lastOptions()).toMatchObject({ force: true, mode: 'apply' });
  });

  it('--ignore accumulates', async () => {
    await cli(['--ignore', '**/*.test.ts', 'src', '--ignore=legacy/**']);
    expect(lastOptions()).toMatchObject({ ignore: ['**/*.test.ts', 'legacy/**'], paths: ['src'] });
  });

  it('passes the io functions through to run()', async () => {
    runMock.mockImplementation(async (options) => {
      options.stdout('diff\n');
      options.stderr('note\n');
      return { exitCode: 0 };
    });
    expect(await cli(['--dry-run'])).toEqual({ code: 0, out: 'diff\n', err: 'note\n' });
  });
});

describe('colour', () => {
  it('is on for a terminal', async () => {
    await cli([], { isTTY: true, env: {} });
    expect(lastOptions().color).toBe(true);
  });

  it('is off when stdout is not a terminal', async () => {
    await cli([], { isTTY: false, env: {} });
    expect(lastOptions().color).toBe(false);
  });

  it('is off with --no-color', async () => {
    await cli(['--no-color'], { isTTY: true, env: {} });
    expect(lastOptions().color).toBe(false);
  });

  it('is off when NO_COLOR is set, and on when it is empty', async () => {
    await cli([], { isTTY: true, env: { NO_COLOR: '1' } });
    expect(lastOptions().color).toBe(false);
    runMock.mockClear();
    await cli([], { isTTY: true, env: { NO_COLOR: '' } });
    expect(lastOptions().color).toBe(true);
  });
});

describe('exit codes', () => {
  it.each([0, 1, 2] as const)('passes run() exit code %i through', async (exitCode) => {
    runMock.mockResolvedValue({ exitCode });
    expect((await cli(['src'])).code).toBe(exitCode);
  });

  it('--dry-run with --check is bad usage: 2, run() not called', async () => {
    const { code, err } = await cli(['--dry-run', '--check']);
    expect(code).toBe(2);
    expect(err).toMatch(/--dry-run.*cannot be used with.*--check/);
    expect(runMock).not.toHaveBeenCalled();
  });

  it('a bad --format is bad usage: 2', async () => {
    const { code, err } = await cli(['--format', 'pdf']);
    expect(code).toBe(2);
    expect(err).toContain('pdf');
    expect(err).toMatch(/md, json, sarif, html/);
    expect(runMock).not.toHaveBeenCalled();
  });

  it('an unknown flag is bad usage: 2', async () => {
    const { code, err } = await cli(['--bogus']);
    expect(code).toBe(2);
    expect(err).toContain("unknown option '--bogus'");
    expect(runMock).not.toHaveBeenCalled();
  });

  it('a UsageError from run() prints one line and exits 2', async () => {
    runMock.mockRejectedValue(new UsageError('the git work tree has uncommitted changes (use --force)'));
    const { code, err } = await cli(['src']);
    expect(code).toBe(2);
    expect(err).toBe('tiktok-migrate: the git work tree has uncommitted changes (use --force)\n');
  });

  it('any other error is reported as a bug, with its stack, and exits 2 (never 0)', async () => {
    runMock.mockRejectedValue(new TypeError('boom'));
    const { code, err } = await cli(['src']);
    expect(code).toBe(2);
    expect(err).toMatch(/^tiktok-migrate: internal error: TypeError: boom\n\s+at /);
    expect(err).toContain('This is a bug');
  });
});

describe('explain and rules', () => {
  const rule = RULES[0]!;

  it('explain <id> prints the rule docs', async () => {
    const { code, out } = await cli(['explain', rule.meta.id]);
    expect(code).toBe(0);
    expect(out).toContain(rule.meta.docs.trim());
    expect(out).toContain(`Severity: ${rule.meta.severity}.`);
    expect(runMock).not.toHaveBeenCalled();
  });

  it('explain with an unknown id lists the known ids on stderr and exits 2', async () => {
    const { code, out, err } = await cli(['explain', 'no-such-rule']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain("unknown rule id 'no-such-rule'");
    for (const r of RULES) expect(err).toContain(r.meta.id);
  });

  it('explain without an id is bad usage: 2', async () => {
    const { code, err } = await cli(['explain']);
    expect(code).toBe(2);
    expect(err).toContain(rule.meta.id);
  });

  it('explain --list and rules list every id with its description', async () => {
    for (const args of [['explain', '--list'], ['rules']]) {
      const { code, out } = await cli(args);
      expect(code).toBe(0);
      for (const r of RULES) expect(out).toMatch(new RegExp(`${r.meta.id} +${escape(r.meta.description)}`));
    }
  });
});

describe('help and version', () => {
  it('--version prints the package.json version and exits 0', async () => {
    const { version } = (await import('../package.json', { with: { type: 'json' } })).default;
    expect(await cli(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('--help mentions every flag, the commands, examples and the exit codes, and exits 0', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    for (const flag of ['--dry-run', '--check', '--force', '--ignore', '--report', '--no-report', '--format', '--no-color', '--version', '--help'])
      expect(out).toContain(flag);
    for (const text of ['explain', 'rules', 'npx tiktok-migrate --dry-run src/', 'npx tiktok-migrate src/'])
      expect(out).toContain(text);
    expect(out).toContain('npx tiktok-migrate --check --format sarif --report tiktok.sarif');
    expect(out).toMatch(/Exit codes:\n\s+0 .+\n\s+1 .+\n\s+2 /);
    expect(runMock).not.toHaveBeenCalled();
  });

  it('explain --help exits 0', async () => {
    const { code, out } = await cli(['explain', '--help']);
    expect(code).toBe(0);
    expect(out).toContain('--list');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
