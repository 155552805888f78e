import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discover, fileKind, resolveImport, type DiscoverResult } from '../src/discover.js';

const TOKEN_URL = "export const TOKEN_URL = 'https://open-api.tiktok.com/oauth/access_token/';\n";
const roots: string[] = [];

/** A temp folder holding `files` (path -> content). */
function tree(files: Record<string, string | Buffer>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tiktok-discover-')));
  roots.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function relFiles(root: string, result: DiscoverResult): string[] {
  return result.files.map((f) => path.relative(root, f.path).split(path.sep).join('/'));
}

async function found(root: string, ignore: string[] = []): Promise<string[]> {
  return relFiles(root, await discover({ paths: [root], ignore }));
}

describe('discover: which files are candidates', () => {
  it('skips the default ignored folders, minified files, declaration files and lockfiles', async () => {
    const root = tree({
      'src/auth.ts': TOKEN_URL,
      'node_modules/pkg/index.js': TOKEN_URL,
      'dist/auth.js': TOKEN_URL,
      'build/auth.js': TOKEN_URL,
      'out/auth.js': TOKEN_URL,
      '.next/server/auth.js': TOKEN_URL,
      '.nuxt/auth.js': TOKEN_URL,
      '.svelte-kit/auth.js': TOKEN_URL,
      'coverage/auth.js': TOKEN_URL,
      'vendor/auth.js': TOKEN_URL,
      'packages/web/node_modules/x/index.js': TOKEN_URL,
      '.git/hooks/tiktok.js': TOKEN_URL,
      'public/app.min.js': TOKEN_URL,
      'types/tiktok.d.ts': TOKEN_URL,
      'types/tiktok.d.mts': TOKEN_URL,
      'package-lock.json': '{"tiktok": 1}',
      'npm-shrinkwrap.json': '{"tiktok": 1}',
      'pnpm-lock.yaml': 'tiktok: 1',
      'README.md': 'https://open-api.tiktok.com/oauth/access_token/',
    });
    expect(await found(root)).toEqual(['src/auth.ts']);
  });

  it('finds code, embedded and non-code kinds, including .env dot-files', async () => {
    const root = tree({
      'a.mjs': TOKEN_URL,
      'b.cts': TOKEN_URL,
      'c.tsx': TOKEN_URL,
      'App.vue': '<script>const u = "tiktok"</script>',
      'Login.svelte': '<script>const u = "tiktok"</script>',
      '.env': 'TIKTOK_KEY=1',
      '.env.local': 'TIKTOK_KEY=1',
      '.env.production': 'TIKTOK_KEY=1',
      'config/app.yml': 'tiktok: 1',
      'config/app.yaml': 'tiktok: 1',
      'public/index.html': '<a href="https://www.tiktok.com/auth/authorize/">',
      'settings.json': '{"tiktok": true}',
      'notes.txt': 'tiktok',
    });
    const result = await discover({ paths: [root], ignore: [] });
    const kinds = Object.fromEntries(result.files.map((f) => [path.relative(root, f.path), f.kind]));
    expect(kinds).toEqual({
      '.env': 'non-code',
      '.env.local': 'non-code',
      '.env.production': 'non-code',
      'App.vue': 'embedded',
      'Login.svelte': 'embedded',
      'a.mjs': 'code',
      'b.cts': 'code',
      'c.tsx': 'code',
      'config/app.yaml': 'non-code',
      'config/app.yml': 'non-code',
      'public/index.html': 'non-code',
      'settings.json': 'non-code',
    });
    expect(result.files.map((f) => f.path)).toEqual([...result.files.map((f) => f.path)].sort());
    expect(result.filesSeen).toBe(12);
  });

  it('classifies names', () => {
    expect(fileKind('/x/.env.staging')).toBe('non-code');
    expect(fileKind('/x/yarn.lock')).toBeUndefined();
    expect(fileKind('/x/a.d.ts')).toBeUndefined();
    expect(fileKind('/x/a.md')).toBeUndefined();
    expect(fileKind('/x/a.HTM')).toBe('non-code');
  });

  it('honours nested .gitignore files relative to their own folder, with negation', async () => {
    const root = tree({
      '.gitignore': 'generated/\n*.local.ts\n',
      'generated/auth.ts': TOKEN_URL,
      'src/auth.local.ts': TOKEN_URL,
      'src/auth.ts': TOKEN_URL,
      'packages/web/.gitignore': 'secret.ts\n/top.ts\n',
      'packages/web/secret.ts': TOKEN_URL,
      'packages/web/top.ts': TOKEN_URL,
      'packages/web/lib/top.ts': TOKEN_URL,
      'packages/web/lib/secret.ts': TOKEN_URL,
      'packages/api/secret.ts': TOKEN_URL,
      'packages/api/.gitignore': '!keep.local.ts\n',
      'packages/api/keep.local.ts': TOKEN_URL,
    });
    expect(await found(root)).toEqual([
      'packages/api/keep.local.ts',
      'packages/api/secret.ts',
      'packages/web/lib/top.ts',
      'src/auth.ts',
    ]);
  });

  it('honours the .gitignore files of parent folders up to the git root', async () => {
    const root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'legacy.ts\n',
      'app/.gitignore': 'old/\n',
      'app/src/legacy.ts': TOKEN_URL,
      'app/src/old/auth.ts': TOKEN_URL,
      'app/src/auth.ts': TOKEN_URL,
    });
    const src = path.join(root, 'app', 'src');
    expect(await found(src)).toEqual(['auth.ts']);
  });

  it('applies .git/info/exclude, scans a named folder its parent ignores, and stops at the root of the repository holding the folder', async () => {
    const root = tree({
      '.git/info/exclude': 'excluded.ts\n',
      '.gitignore': 'generated/\nsecret.ts\n',
      'app/excluded.ts': TOKEN_URL,
      'app/secret.ts': TOKEN_URL,
      'app/ok.ts': TOKEN_URL,
      'generated/auth.ts': TOKEN_URL,
      'other-repo/.git/HEAD': 'ref: refs/heads/main\n',
      'other-repo/secret.ts': TOKEN_URL,
    });
    expect(await found(path.join(root, 'app'))).toEqual(['ok.ts']);
    expect(await found(path.join(root, 'generated'))).toEqual(['auth.ts']);
    expect(await found(path.join(root, 'other-repo'))).toEqual(['secret.ts']);
  });

  it('does not apply .gitignore files above a folder that is not in a git repository', async () => {
    const root = tree({ '.gitignore': 'auth.ts\n', 'app/auth.ts': TOKEN_URL });
    expect(await found(path.join(root, 'app'))).toEqual(['auth.ts']);
  });

  it('adds --ignore patterns relative to the scanned folder', async () => {
    const root = tree({ 'legacy/auth.ts': TOKEN_URL, 'src/auth.ts': TOKEN_URL, 'src/auth.spec.ts': TOKEN_URL });
    expect(await found(root, ['legacy/**', '**/*.spec.ts'])).toEqual(['src/auth.ts']);
  });

  it('always scans a file given explicitly, even when it is ignored', async () => {
    const root = tree({ '.gitignore': 'generated/\n', 'generated/auth.ts': TOKEN_URL, 'dist/x.js': TOKEN_URL });
    const files = [path.join(root, 'generated/auth.ts'), path.join(root, 'dist/x.js')];
    const result = await discover({ paths: files, ignore: ['**/*.ts'] });
    expect(result.files.map((f) => f.path)).toEqual([files[1], files[0]]);
  });

  it('reports given paths that do not exist', async () => {
    const root = tree({ 'a.ts': TOKEN_URL });
    const nowhere = path.join(root, 'nowhere');
    const result = await discover({ paths: [root, nowhere], ignore: [] });
    expect(result.missing).toEqual([nowhere]);
    expect(relFiles(root, result)).toEqual(['a.ts']);
  });
});

describe('discover: reading', () => {
  it('skips binary, non-UTF-8 and too large files with a reason, and keeps a BOM', async () => {
    const root = tree({
      'video.ts': Buffer.concat([Buffer.from('tiktok'), Buffer.from([0, 1, 2, 0x47])]),
      'latin1.js': Buffer.concat([Buffer.from("// caf"), Buffer.from([0xe9]), Buffer.from('\nconst u = "tiktok";\n')]),
      'huge.js': 'x'.repeat(2 * 1024 * 1024) + 'tiktok',
      'bom.ts': '\uFEFF' + TOKEN_URL,
    });
    const result = await discover({ paths: [root], ignore: [] });
    expect(result.skipped).toEqual([
      { file: path.join(root, 'huge.js'), reason: expect.stringMatching(/^too large/) },
      { file: path.join(root, 'latin1.js'), reason: 'not UTF-8' },
      { file: path.join(root, 'video.ts'), reason: 'binary' },
    ]);
    expect(relFiles(root, result)).toEqual(['bom.ts']);
    expect(result.files[0].text).toBe('\uFEFF' + TOKEN_URL);
    expect(result.filesSeen).toBe(4);
  });
});

describe('discover: prefilter and importer closure', () => {
  it('drops files that do not mention tiktok, in any letter case', async () => {
    const root = tree({
      'a.ts': 'const x = "TikTok";',
      'b.ts': 'const x = "TIKTOK";',
      'c.ts': 'const x = "Tiktok";',
      'd.ts': 'const x = "tiktok";',
      'e.ts': 'const x = "instagram";',
      'f.json': '{"provider": "google"}',
    });
    const result = await discover({ paths: [root], ignore: [] });
    expect(relFiles(root, result)).toEqual(['a.ts', 'b.ts', 'c.ts', 'd.ts']);
    expect(result.filesSeen).toBe(6);
  });

  it('keeps relative importers, TS ESM .js specifiers, and chains through index re-exports', async () => {
    const root = tree({
      'src/lib/oauth/config.ts': TOKEN_URL,
      'src/lib/oauth/index.ts': "export * from './config.js';\n",
      'src/routes/login.ts': "import { TOKEN_URL } from '../lib/oauth';\n",
      'src/routes/callback.mjs': "const cfg = require('../lib/oauth/config');\n",
      'src/routes/lazy.js': "const m = await import('../lib/oauth/index.js');\n",
      'src/routes/other.ts': "import { x } from '../lib/other';\nexport const config = 1;\n",
      'src/lib/other.ts': 'export const x = 1; // oauth config lives elsewhere\n',
      'src/lib/settings.json': '{ "tokenUrl": "https://open-api.tiktok.com/oauth/access_token/" }',
      'src/routes/settings.cjs': "module.exports = require('../lib/settings.json');\n",
    });
    expect(await found(root)).toEqual([
      'src/lib/oauth/config.ts',
      'src/lib/oauth/index.ts',
      'src/lib/settings.json',
      'src/routes/callback.mjs',
      'src/routes/lazy.js',
      'src/routes/login.ts',
      'src/routes/settings.cjs',
    ]);
  });

  it('stops after four rounds of importers', async () => {
    const files: Record<string, string> = { 'm0.ts': TOKEN_URL };
    for (let i = 1; i <= 6; i++) files[`m${i}.ts`] = `export * from './m${i - 1}';\n`;
    const root = tree(files);
    expect(await found(root)).toEqual(['m0.ts', 'm1.ts', 'm2.ts', 'm3.ts', 'm4.ts']);
  });

  it('resolves tsconfig path aliases (comments and trailing commas allowed), also when scanning a subfolder', async () => {
    const root = tree({
      'package.json': '{}',
      'tsconfig.json': '{\n  // aliases\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"], }, },\n}\n',
      'src/lib/auth.ts': TOKEN_URL,
      'src/pages/login.tsx': "import { TOKEN_URL } from '@/lib/auth';\n",
      'src/pages/home.tsx': "import { Button } from '@/components/auth-button';\n",
      'src/components/auth-button.tsx': 'export const Button = 1;\n',
    });
    expect(await found(root)).toEqual(['src/lib/auth.ts', 'src/pages/login.tsx']);
    expect(await found(path.join(root, 'src'))).toEqual(['lib/auth.ts', 'pages/login.tsx']);
  });

  it('resolves jsconfig aliases inherited through a relative extends, relative to the defining config', async () => {
    const root = tree({
      'jsconfig.base.json': '{ "compilerOptions": { "paths": { "~lib/*": ["./lib/*"] } } }',
      'jsconfig.json': '{ "extends": "./jsconfig.base.json" }',
      'lib/oauth.js': TOKEN_URL,
      'pages/login.js': "import { TOKEN_URL } from '~lib/oauth';\n",
    });
    expect(await found(root)).toEqual(['lib/oauth.js', 'pages/login.js']);
  });

  it('keeps .vue importers and resolves imports written inside .vue scripts', async () => {
    const root = tree({
      'src/auth.ts': TOKEN_URL,
      'src/Login.vue': '<script setup lang="ts">\nimport { TOKEN_URL } from "./auth";\n</script>\n',
      'src/App.vue': '<script setup>\nimport Login from "./Login.vue";\n</script>\n',
    });
    expect(await found(root)).toEqual(['src/App.vue', 'src/Login.vue', 'src/auth.ts']);
  });
});

describe('resolveImport', () => {
  const known = new Set(['/p/src/a.ts', '/p/src/b.js', '/p/src/c/index.tsx', '/p/src/d.vue', '/p/src/e.mts', '/p/src/f.js', '/p/src/f.ts']);

  it('probes extensions, .js -> .ts, and index files', () => {
    expect(resolveImport('/p/src/x.ts', './a', known, [])).toBe('/p/src/a.ts');
    expect(resolveImport('/p/src/x.ts', './a.js', known, [])).toBe('/p/src/a.ts');
    expect(resolveImport('/p/src/x.ts', './e.mjs', known, [])).toBe('/p/src/e.mts');
    expect(resolveImport('/p/src/x.ts', './b', known, [])).toBe('/p/src/b.js');
    expect(resolveImport('/p/src/sub/x.ts', '../c', known, [])).toBe('/p/src/c/index.tsx');
    expect(resolveImport('/p/src/x.ts', './d.vue', known, [])).toBe('/p/src/d.vue');
    expect(resolveImport('/p/src/x.ts', './f.js', known, [])).toBe('/p/src/f.js'); // an exact file wins
    expect(resolveImport('/p/src/x.ts', './a?raw', known, [])).toBe('/p/src/a.ts');
  });

  it('returns undefined for packages and unknown files', () => {
    expect(resolveImport('/p/src/x.ts', 'axios', known, [])).toBeUndefined();
    expect(resolveImport('/p/src/x.ts', './zzz', known, [])).toBeUndefined();
  });

  it('uses the longest matching alias, then baseUrl', () => {
    const aliases = [
      { dir: '/p', baseUrl: '/p', pathsBase: '/p', paths: [{ pattern: '@/*', targets: ['nope/*'] }, { pattern: '@/c*', targets: ['src/c*'] }] },
    ];
    expect(resolveImport('/p/src/x.ts', '@/c', known, aliases)).toBe('/p/src/c/index.tsx');
    expect(resolveImport('/p/src/x.ts', 'src/a', known, aliases)).toBe('/p/src/a.ts');
    expect(resolveImport('/elsewhere/x.ts', 'src/a', known, aliases)).toBeUndefined();
  });
});
