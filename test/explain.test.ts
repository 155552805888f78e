// `tiktok-migrate explain <id>` prints the docs of every rule the report can link to.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/run.js', () => ({ run: vi.fn() }));
const { main } = await import('../src/cli.js');
const { RULES } = await import('../src/rules/index.js');

describe('explain', () => {
  it.each(RULES.map((r) => r.meta.id))('%s: prints its docs (what, why, fix) and exits 0', async (id) => {
    let out = '';
    const code = await main(['node', 'tiktok-migrate', 'explain', id], { stdout: (t) => (out += t), stderr: () => {}, cwd: process.cwd() });
    expect(code).toBe(0);
    expect(out).toContain(`# ${id}`);
    expect(out).toMatch(/\*\*What it finds\.\*\*/);
    expect(out).toMatch(/\*\*Why\.\*\*/);
    expect(out).toMatch(/\*\*Fix\.\*\*/);
  });
});
