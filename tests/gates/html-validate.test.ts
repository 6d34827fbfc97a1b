import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { distDir, root, subDistDir } from '../support/paths.ts';
import { builtPages } from './site.ts';

// The project's .htmlvalidate.json: the recommended preset, with `valid-id` relaxed because the
// chapter's heading ids start with digits (`141-技术发展总结`), which HTML allows.
// Tables scroll inside `<div role="region" tabindex="0" aria-labelledby>`: a scroll box, not a
// document section, so `prefer-native-element` leaves the region role alone.
const validator = new HtmlValidate(new FileSystemConfigLoader());

describe.each([
  { name: 'root build', dir: distDir },
  { name: 'sub-path build', dir: subDistDir },
])('html-validate over every page of the $name', ({ dir }) => {
  it.each(builtPages(dir))('%s has zero errors and zero warnings', async (file) => {
    const report = await validator.validateFile(path.join(dir, file));
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
    );
    expect(messages).toEqual([]);
  });
});

describe('the validator configuration', () => {
  it('still rejects invalid markup, so a clean report means something', async () => {
    const report = await validator.validateString(
      '<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><div id="a"></div><p id="a"><div></div></p><img src="x.png"></body></html>',
      path.join(root, 'fixture.html'),
    );
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toEqual(expect.arrayContaining(['no-dup-id', 'wcag/h37']));
  });

  it('accepts heading ids that start with a digit', async () => {
    const report = await validator.validateString(
      '<!DOCTYPE html><html lang="zh-CN"><head><title>x</title></head><body><h2 id="141-技术发展总结">x</h2></body></html>',
      path.join(root, 'fixture.html'),
    );
    expect(report.valid).toBe(true);
  });
});
