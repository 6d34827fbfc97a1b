import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useEngine } from '../support/engines.ts';
import { buildContent, removeBuilds, tempDir } from '../support/build-content.ts';
import { contentDir } from '../support/paths.ts';

/*
 * An author retitles "14.3.2 技术发展里程碑" and renames the matrix row "TensorRT". Links
 * readers already hold, #1432-技术发展里程碑 and #tensorrt, must not start landing at the top.
 */
const content = tempDir('chapter-retitled-');
const outDir = tempDir('chapter-retitled-dist-');
afterAll(removeBuilds);
const record = path.join(content, 'anchors.txt');

const build = () => buildContent(content, outDir);

let unaliased: { status: number | null; output: string };
let aliased: { status: number | null; output: string };

beforeAll(() => {
  fs.cpSync(contentDir, content, { recursive: true });
  const edit = (file: string, from: string, to: string) => {
    const text = fs.readFileSync(path.join(content, file), 'utf8');
    expect(text).toContain(from);
    fs.writeFileSync(path.join(content, file), text.replace(from, to));
  };
  edit('03-trends.mdx', '### 14.3.2 技术发展里程碑', '### 14.3.2 技术里程碑');
  edit('01-summary.mdx', '| **推理引擎** | TensorRT      |', '| **推理引擎** | TensorRT 引擎 |');
  unaliased = build();
  // Do what the message says: replace each named line with the alias it gives.
  const lines = fs.readFileSync(record, 'utf8').split('\n');
  for (const [, line, alias] of unaliased.output.matchAll(
    /replace line (\d+) with\n\s+(\S+ -> \S+)\n/g,
  ))
    lines[Number(line) - 1] = alias;
  fs.writeFileSync(record, lines.join('\n'));
  aliased = build();
}, 120_000);

const chromium = useEngine('chromium', outDir);

describe('a retitled heading and a renamed figure row', () => {
  it('without an alias fail the build, naming each old id, where it pointed, the closest new id and the line that keeps it', () => {
    expect(unaliased.status).not.toBe(0);
    const at = (id: string) =>
      fs
        .readFileSync(path.join(contentDir, 'anchors.txt'), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith(`${id} `)) + 1;
    expect(unaliased.output).toContain(
      `anchors.txt:${at('1432-技术发展里程碑')}: "1432-技术发展里程碑" (heading: 14.3.2 技术发展里程碑) is no longer on the page; the closest new fragment is "1432-技术里程碑" (heading: 14.3.2 技术里程碑)`,
    );
    expect(unaliased.output).toContain(
      `anchors.txt:${at('tensorrt')}: "tensorrt" (row: TensorRT) is no longer on the page; the closest new fragment is "tensorrt-引擎" (row: TensorRT 引擎)`,
    );
    expect(unaliased.output).toMatch(
      /replace line \d+ with\n\s+1432-技术发展里程碑 -> 1432-技术里程碑\n/,
    );
    expect(unaliased.output).toMatch(/replace line \d+ with\n\s+tensorrt -> tensorrt-引擎\n/);
  });

  it('with the alias lines the message gives, build; the published Markdown’s 目录 links the new id', () => {
    expect(aliased.status, aliased.output).toBe(0);
    expect(fs.readFileSync(record, 'utf8')).toMatch(/^1432-技术发展里程碑 -> 1432-技术里程碑$/m);
    const markdown = fs.readFileSync(path.join(outDir, 'chapter-14.md'), 'utf8');
    expect(markdown).toContain('  - [14.3.2 技术里程碑](#1432-技术里程碑)\n');
    expect(markdown).not.toContain('#1432-技术发展里程碑');
  });
});

/** Where an old link landed: the fragment it leads to, its place below the header, and whether it is marked. */
async function landing(page: Page, oldId: string) {
  return page.evaluate((id) => {
    const alias = document.getElementById(id)!;
    const fragment = alias.closest<HTMLElement>('[id]:not(.anchor-alias)')!;
    const marked =
      fragment.tagName === 'TR'
        ? getComputedStyle(fragment.querySelector('th')!).backgroundColor
        : getComputedStyle(fragment.parentElement!).backgroundImage;
    return {
      id: fragment.id,
      top: fragment.getBoundingClientRect().top,
      headerBottom: document.querySelector('.site-header')!.getBoundingClientRect().bottom,
      targeted: alias.matches(':target'),
      marked,
      unmarked:
        fragment.tagName === 'TR'
          ? getComputedStyle(document.querySelector('tbody th')!).backgroundColor
          : 'none',
    };
  }, oldId);
}

describe('the old links, kept by their aliases', () => {
  for (const javaScriptEnabled of [true, false]) {
    const how = javaScriptEnabled ? '' : ', without JavaScript';
    it(`#1432-技术发展里程碑 lands on the retitled heading, just below the sticky header, marked as the target${how}`, async () => {
      const { playwright: page } = await chromium.open('#1432-技术发展里程碑', {
        javaScriptEnabled,
      });
      const l = await landing(page, '1432-技术发展里程碑');
      expect(l.id).toBe('1432-技术里程碑');
      expect(l.targeted).toBe(true);
      expect(l.top).toBeGreaterThanOrEqual(l.headerBottom);
      expect(l.top).toBeLessThan(l.headerBottom + 48);
      expect(l.marked).toContain('gradient');
      if (javaScriptEnabled)
        await expect
          .poll(() => page.locator('nav.toc a[aria-current="true"]').textContent())
          .toBe('14.3.2 技术里程碑');
    });

    it(`#tensorrt lands on the renamed row, below the sticky header, marked as the target${how}`, async () => {
      const { playwright: page } = await chromium.open('#tensorrt', { javaScriptEnabled });
      const l = await landing(page, 'tensorrt');
      expect(l.id).toBe('tensorrt-引擎');
      expect(l.targeted).toBe(true);
      expect(l.top).toBeGreaterThanOrEqual(l.headerBottom);
      expect(l.top).toBeLessThan(l.headerBottom + 48);
      expect(l.marked).not.toBe(l.unmarked);
    });
  }
});
