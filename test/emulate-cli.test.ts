// `tiktok-migrate emulate` from the built CLI: it listens on loopback, answers strictly, and stops on Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'tiktok-migrate.js');

it('serves v2 strictly on 127.0.0.1 and exits 0 on SIGINT', async () => {
  const child = spawn(process.execPath, [BIN, 'emulate', '--port', '0', '--config', 'fixtures/emulator/config.json'], {
    cwd: path.resolve(import.meta.dirname, '..'),
  });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`emulate exited early: ${stderr}`)));
  });
  const res = await fetch(`${url}/v2/oauth/token/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ client_key: 'x', client_secret: 'y', grant_type: 'authorization_code', code: 'z' }),
  });
  expect(res.status).toBe(400);
  expect((await res.json()).error).toBe('invalid_request');
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  expect(await exit).toBe(0);
  expect(stdout).toMatch(/\/v2\/oauth\/token\//); // the request log
});

it('exits 2 with a clear message for a missing config file or a bad port', () => {
  const missing = spawnSync(process.execPath, [BIN, 'emulate', '--config', '/no/such/config.json'], { encoding: 'utf8' });
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('/no/such/config.json');
  const badPort = spawnSync(process.execPath, [BIN, 'emulate', '--port', 'eighty'], { encoding: 'utf8' });
  expect(badPort.status).toBe(2);
  expect(badPort.stderr).toContain('--port');
});
