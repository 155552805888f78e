// Atomic file replacement: a crash or a full disk mid-write must never leave a user's source file half written.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Replaces `file` with `text` (UTF-8, exactly as given: a leading U+FEFF is written as a BOM) atomically: the text goes
 * to a temp file in the same folder (so the rename never crosses file systems), is fsynced, and renamed over the
 * original. The original's permission bits are kept. A symlink is followed, so the link stays a link. On any error the
 * temp file is removed and the error rethrown; the original is then untouched.
 */
export function writeFileAtomic(file: string, text: string): void {
  const target = resolveSymlink(file);
  const mode = existingMode(target);
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // 'wx': never clobber a file we did not create.
    fd = fs.openSync(temp, 'wx', mode ?? 0o666);
    // The open mode is filtered by the umask; set the original's bits exactly.
    if (mode !== undefined) fs.fchmodSync(fd, mode);
    fs.writeFileSync(fd, Buffer.from(text, 'utf8'));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, target);
  } catch (error) {
    if (fd !== undefined) closeQuietly(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  syncDirectory(dir);
}

function resolveSymlink(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file; // does not exist yet: write it where asked
  }
}

function existingMode(file: string): number | undefined {
  try {
    return fs.statSync(file).mode & 0o7777;
  } catch {
    return undefined;
  }
}

function closeQuietly(fd: number): void {
  try {
    fs.closeSync(fd);
  } catch {
    // already failing; the first error is the one to report
  }
}

/** Makes the rename itself durable. Best effort: Windows cannot open a folder for fsync, and that is fine. */
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // some file systems refuse; the data itself is already synced
  } finally {
    if (fd !== undefined) closeQuietly(fd);
  }
}
