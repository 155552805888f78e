// The command line: flags -> RunOptions -> run() -> exit code. No migration logic lives here.
// Importing this module runs nothing; bin/tiktok-migrate.js calls main().
import { Command, CommanderError, Option } from 'commander';
import { run } from './run.js';
import { UsageError, type ReportFormat, type RunOptions } from './run-options.js';
import { RULES, ruleById } from './rules/index.js';
import { VERSION } from './version.js';
import { emulate, type EmulateFlags } from './emulate-command.js';

/** Where the CLI reads and writes; tests pass their own to run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Whether stdout is a terminal (colour is on only then). */
  isTTY?: boolean;
  /** The environment, for NO_COLOR. */
  env?: Record<string, string | undefined>;
}

const NAME = 'tiktok-migrate';
const FORMATS: readonly ReportFormat[] = ['md', 'json', 'sarif', 'html'];
const DEFAULT_REPORT = 'tiktok-migrate-report.md';

const EXAMPLES_AND_EXIT_CODES = `
Examples:
  Show the diff of every change, writing nothing but the report:
    npx tiktok-migrate --dry-run src/
  Apply the changes (the git work tree must be clean, or pass --force):
    npx tiktok-migrate src/
  In CI, fail the build while v1 code remains, with a SARIF report:
    npx tiktok-migrate --check --format sarif --report tiktok.sarif
  Explain a finding of the report and how to fix it:
    npx tiktok-migrate explain v1-endpoint

Exit codes:
  0  Nothing is left to do.
  1  Findings of severity error remain (with --check: changes are pending too).
  2  Bad usage, an unreadable path, or a dirty git work tree without --force.
`;

/**
 * Runs the CLI with `argv` as in process.argv (node, script, then the arguments) and answers the exit code.
 * Never calls process.exit, so it can run in tests.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'node' });
    return exitCode;
  } catch (error) {
    return exitCodeFor(error, io);
  }
}

function buildProgram(io: CliIo, setExitCode: (code: number) => void): Command {
  const program = new Command(NAME);
  // Set before adding subcommands: .command() copies these settings to them.
  program
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(`(run ${NAME} --help for usage)`);

  program
    .description(
      "Migrate code from TikTok's v1 OAuth API (Login Kit for Web) to v2, and report what must still be done by hand.",
    )
    .version(VERSION, '-V, --version', 'Print the version and exit.')
    .helpOption('-h, --help', 'Print this help and exit.')
    .argument('[paths...]', 'Files or folders to migrate (default: the current folder).')
    .addOption(
      new Option('--dry-run', 'Write nothing to your sources; print the unified diff of every change instead.').conflicts(
        'check',
      ),
    )
    .option('--check', 'Write nothing but the report; exit 1 while anything is left to migrate (for CI).')
    .option('--force', 'Apply the changes even if the git work tree has uncommitted changes.')
    .option(
      '--ignore <glob>',
      'Skip files matching this glob, relative to each scanned folder (repeat the flag for more).',
      (glob: string, previous: string[] = []) => [...previous, glob],
    )
    .option('--report <file>', 'Write the audit report to this file.', DEFAULT_REPORT)
    .option('--no-report', 'Do not write an audit report.')
    .addOption(
      new Option(
        '--format <format>',
        'Format of the report; when absent, it follows the report file extension (.md, .json, .sarif, .html).',
      ).choices(FORMATS),
    )
    .option(
      '--compat-response',
      'Where a whole v1-shaped token response is returned or passed on, wrap the v2 one as { data: … } there instead of only reporting it.',
    )
    .option(
      '--no-state-transform',
      'Do not move redirect URI query parameters into state (an unsafe fix: it changes what the authorize URL sends and what the callback reads); they are then only reported.',
    )
    .addOption(
      new Option(
        '--platform <platform>',
        'Which code is mobile, kept on v1 and only reported: auto detects it per file (React Native, Expo, Capacitor, Cordova, ios/, android/, TikTok mobile SDKs); web treats all code as web; mobile as mobile.',
      )
        .choices(['auto', 'web', 'mobile'])
        .default('auto'),
    )
    .option('--no-color', 'Never colour the output (colour is used only on a terminal, and never when NO_COLOR is set).')
    .addHelpText('after', EXAMPLES_AND_EXIT_CODES)
    .action(async (paths: string[], flags: RootFlags) => {
      const result = await run(runOptions(paths, flags, io));
      setExitCode(result.exitCode);
    });

  program
    .command('explain')
    .description('Print the documentation of a rule: what it finds, why it matters, and how to fix it.')
    .argument('[ruleId]', 'The rule id, as shown in the report (for example v1-endpoint).')
    .option('--list', 'List every rule id with its description.')
    .action((ruleId: string | undefined, flags: { list?: boolean }) => {
      if (flags.list) return io.stdout(ruleList());
      const rule = ruleId === undefined ? undefined : ruleById(ruleId);
      if (!rule) {
        const problem = ruleId === undefined ? 'explain needs a rule id.' : `unknown rule id '${ruleId}'.`;
        io.stderr(`${NAME}: ${problem} Known rule ids:\n${ruleList()}`);
        return setExitCode(2);
      }
      const { docs, severity, fixable } = rule.meta;
      io.stdout(`${docs.trimEnd()}\n\nSeverity: ${severity}. Fix: ${fixable}.\n`);
    });

  program
    .command('emulate')
    .description('Run the local TikTok OAuth emulator (v1 and v2, strict where v2 is strict) on 127.0.0.1.')
    .option('--port <port>', 'Port to listen on (0 picks a free one).', '8787')
    .option('--config <file>', 'JSON file with the registered apps, redirect URIs and users (see the README).')
    .option('--quiet', 'Do not log each request.')
    .action(async (flags: EmulateFlags) => setExitCode(await emulate(flags, io)));

  program
    .command('rules')
    .description('List every rule id with its description (same as explain --list).')
    .action(() => io.stdout(ruleList()));

  return program;
}

interface RootFlags {
  dryRun?: boolean;
  check?: boolean;
  force?: boolean;
  ignore?: string[];
  report: string | false;
  format?: ReportFormat;
  color: boolean;
  compatResponse?: boolean;
  stateTransform: boolean;
  platform?: 'auto' | 'web' | 'mobile';
}

function runOptions(paths: string[], flags: RootFlags, io: CliIo): RunOptions {
  const env = io.env ?? {};
  // https://no-color.org: NO_COLOR set to any non-empty value turns colour off.
  const noColorEnv = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  return {
    paths: paths.length > 0 ? paths : ['.'],
    cwd: io.cwd,
    mode: flags.dryRun ? 'dry-run' : flags.check ? 'check' : 'apply',
    force: flags.force === true,
    ignore: flags.ignore ?? [],
    report: flags.report,
    format: flags.format,
    stdout: io.stdout,
    stderr: io.stderr,
    color: flags.color && io.isTTY === true && !noColorEnv,
    compatResponse: flags.compatResponse === true,
    stateTransform: flags.stateTransform !== false,
    platform: flags.platform ?? 'auto',
  };
}

function ruleList(): string {
  const width = Math.max(...RULES.map((rule) => rule.meta.id.length));
  return RULES.map((rule) => `  ${rule.meta.id.padEnd(width)}  ${rule.meta.description}\n`).join('');
}

function exitCodeFor(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // --help and --version "exit" 0; every other commander error (unknown option, bad --format, --dry-run with
    // --check, missing argument) is bad usage. Commander has already printed its message.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof UsageError) {
    io.stderr(`${NAME}: ${error.message}\n`);
    return 2;
  }
  // Per-file failures become findings inside run(); reaching here is a bug. Say so, and never exit 0 (the lesson
  // of jscodeshift#194: the exit code must tell the truth).
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(
    `${NAME}: internal error: ${detail}\n` +
      `This is a bug in ${NAME}, please report it with the command you ran and the output above.\n`,
  );
  return 2;
}

function processIo(): CliIo {
  // `tiktok-migrate --help | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}
