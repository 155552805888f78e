// `tiktok-migrate emulate`: the local TikTok OAuth v1/v2 emulator on 127.0.0.1 until Ctrl-C (or SIGTERM).
import { DEFAULT_CONFIG, EmulatorConfigError, formatLogEntry, loadEmulatorConfig, startEmulator } from './emulator/index.js';
import { UsageError } from './run-options.js';

export interface EmulateFlags {
  port: string;
  config?: string;
  quiet?: boolean;
}

export async function emulate(flags: EmulateFlags, io: { stdout: (t: string) => void; stderr: (t: string) => void }): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number (0-65535), not '${flags.port}'`);
  let config = DEFAULT_CONFIG;
  if (flags.config) {
    try {
      config = await loadEmulatorConfig(flags.config);
    } catch (error) {
      if (error instanceof EmulatorConfigError || (error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new UsageError((error as Error).message);
      throw error;
    }
  }
  const emulator = await startEmulator({
    port,
    config,
    onRequest: flags.quiet ? undefined : (entry) => io.stdout(`${formatLogEntry(entry)}\n`),
  });
  io.stderr(`tiktok-migrate: TikTok OAuth emulator (v1 and v2) listening on ${emulator.url}; Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.close();
  return 0;
}
