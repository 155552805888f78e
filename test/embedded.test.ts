import { describe, expect, it } from 'vitest';
import { extractScripts, nonScriptText } from '../src/scan/embedded.js';

const VUE = `<template>
  <a :href="authorizeUrl">Log in with TikTok</a>
</template>

<script setup lang="ts">
const authorizeUrl = 'https://www.tiktok.com/auth/authorize/';
</script>

<style scoped>
a { color: red; }
</style>
`;

const SVELTE = `<script context="module" lang='typescript'>
  export const TOKEN = 'https://open-api.tiktok.com/oauth/access_token/';
</script>

<script>
  let url = 'https://www.tiktok.com/auth/authorize/';
</script>

<a href="https://open-api.tiktok.com/platform/oauth/connect/">login</a>
`;

describe('extractScripts', () => {
  it('finds <script setup lang="ts"> in a .vue file, with an offset that maps back to the file', () => {
    const blocks = extractScripts(VUE);
    expect(blocks).toHaveLength(1);
    const [block] = blocks;
    expect(block.lang).toBe('ts');
    expect(block.content).toBe("\nconst authorizeUrl = 'https://www.tiktok.com/auth/authorize/';\n");
    expect(VUE.slice(block.start, block.start + block.content.length)).toBe(block.content);
    const inBlock = block.content.indexOf('https://');
    expect(VUE.indexOf("'https://www.tiktok.com/auth/authorize/'") + 1).toBe(block.start + inBlock);
  });

  it('finds both scripts of a .svelte file, with their languages', () => {
    const blocks = extractScripts(SVELTE);
    expect(blocks.map((b) => b.lang)).toEqual(['ts', 'js']);
    for (const block of blocks) expect(SVELTE.slice(block.start, block.start + block.content.length)).toBe(block.content);
    expect(blocks[0].content).toContain('oauth/access_token');
    expect(blocks[1].content).toContain("let url = 'https://www.tiktok.com/auth/authorize/'");
    expect(blocks[1].content).not.toContain('platform/oauth/connect');
  });

  it("reads lang='ts', unquoted and typescript values, and defaults to js", () => {
    expect(extractScripts("<script lang='ts'>a</script>")[0].lang).toBe('ts');
    expect(extractScripts('<script lang=ts>a</script>')[0].lang).toBe('ts');
    expect(extractScripts('<script lang="typescript">a</script>')[0].lang).toBe('ts');
    expect(extractScripts('<script setup>a</script>')[0].lang).toBe('js');
    expect(extractScripts('<script type="module">a</script>')[0].lang).toBe('js');
    expect(extractScripts('<SCRIPT>a</SCRIPT >')[0].content).toBe('a');
  });

  it('skips over a ">" inside an attribute value (Vue generic components)', () => {
    const text = '<script setup lang="ts" generic="T extends Record<string, unknown>">\nconst x = 1;\n</script>';
    const [block] = extractScripts(text);
    expect(block.content).toBe('\nconst x = 1;\n');
    expect(block.lang).toBe('ts');
  });

  it('leaves data scripts (JSON, templates) to the text scan and ignores <scriptx> tags', () => {
    const text = '<script type="application/ld+json">{"a": 1}</script><scripts>no</scripts><script>b</script>';
    expect(extractScripts(text).map((b) => b.content)).toEqual(['b']);
  });

  it('takes an unclosed script to the end of the file', () => {
    const text = '<template></template>\n<script>\nconst a = 1;\n';
    expect(extractScripts(text)).toEqual([{ start: text.indexOf('\nconst'), content: '\nconst a = 1;\n', lang: 'js' }]);
  });
});

describe('nonScriptText', () => {
  it('blanks script contents to spaces, keeping length, line breaks and everything outside scripts', () => {
    const text = SVELTE.replace(/\n/g, '\r\n');
    const blanked = nonScriptText(text);
    expect(blanked).toHaveLength(text.length);
    expect(blanked.split('\r\n')).toHaveLength(text.split('\r\n').length);
    expect(blanked).not.toContain('access_token');
    expect(blanked).not.toContain('let url');
    const link = 'https://open-api.tiktok.com/platform/oauth/connect/';
    expect(blanked.indexOf(link)).toBe(text.indexOf(link));
    expect(blanked).toContain(`<script context="module" lang='typescript'>`);
    expect(blanked).toContain('</script>');
  });

  it('returns a file without scripts unchanged', () => {
    expect(nonScriptText('<template><a href="x">y</a></template>')).toBe('<template><a href="x">y</a></template>');
  });
});
