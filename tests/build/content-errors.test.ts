import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../support/paths.ts';

const fixtures = path.join(root, 'tests/fixtures/content');

/** A real `astro build` of a fixture content folder, as a writer would run it. */
function buildFixture(name: string) {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), `chapter-${name}-`));
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: path.join(fixtures, name), OUT_DIR: outDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir };
}

describe('content errors fail the build with the file and the field named', () => {
  it('a frontmatter field of the wrong type', () => {
    const { status, output } = buildFixture('bad-frontmatter');
    expect(status).not.toBe(0);
    expect(output).toContain('00-intro');
    expect(output).toMatch(/order/);
  });

  it('a misspelt frontmatter field', () => {
    const { status, output } = buildFixture('unknown-field');
    expect(status).not.toBe(0);
    expect(output).toContain('00-intro');
    expect(output).toContain('tittle');
  });

  it('a citation of a reference that is not in the list', () => {
    const { status, output } = buildFixture('missing-reference');
    expect(status).not.toBe(0);
    expect(output).toContain('00-intro.mdx');
    expect(output).toContain('Citation [8] refers to reference [8], which is not in the reference list');
  });

  it('the same heading id in two section files', () => {
    const { status, output } = buildFixture('duplicate-id');
    expect(status).not.toBe(0);
    expect(output).toMatch(/Duplicate id "141-技术发展总结": .*00-intro\.mdx:\d+.* and .*01-summary\.mdx:\d+/);
  });

  it('a figure cell with a level word the scale does not know', () => {
    const { status, output } = buildFixture('bad-figure');
    expect(status).not.toBe(0);
    expect(output).toContain('01-summary');
    expect(output).toContain('figures.maturity.rows.1.2');
    expect(output).toContain('"推广阶段" does not start with a level of 成熟度等级');
  });

  it('a formula KaTeX cannot parse', () => {
    const { status, output } = buildFixture('katex-error');
    expect(status).not.toBe(0);
    expect(output).toContain('00-intro.mdx');
    expect(output).toContain('KaTeX could not render a formula');
  });
});

describe('the term index data', () => {
  it('a term the chapter never mentions fails the build, naming the data file and the term', () => {
    const { status, output } = buildFixture('missing-term');
    expect(status).not.toBe(0);
    expect(output).toMatch(/missing-term\/terms\.yaml: term "Mamba" \(entry 39\) occurs nowhere in the chapter/);
  });
});

describe('math, when the chapter has some', () => {
  it('renders $…$ and $$…$$ as MathML through remark-math and rehype-katex, loading nothing for it', () => {
    const { status, output, outDir } = buildFixture('math');
    expect(status, output).toBe(0);
    const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
    expect(html).toMatch(/<math[^>]*><semantics><mrow><mi>T<\/mi>/);
    expect(html).toContain('display="block"');
    expect(html).not.toMatch(/katex(\.min)?\.css|cdn\.|jsdelivr/);
    expect(html).not.toMatch(/\sstyle="/);
  });
});

describe('the chapter itself', () => {
  it('needs no math assets: no KaTeX CSS or fonts in the build', () => {
    const files = fs.readdirSync(path.join(root, process.env.DIST_DIR ?? 'dist'), { recursive: true }) as string[];
    expect(files.filter((f) => /katex|\.woff2?$/i.test(f))).toEqual([]);
  });
});
