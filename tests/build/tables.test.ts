import { describe, expect, it } from 'vitest';
import { chapterDocument } from '../support/dist.ts';

describe('tables', () => {
  const doc = chapterDocument();
  const tables = [...doc.querySelectorAll('article table')];

  it('renders all 12 of the chapter tables, each captioned', () => {
    expect(tables).toHaveLength(12);
    for (const t of tables)
      expect(t.querySelector(':scope > caption')?.textContent?.trim()).toBeTruthy();
  });

  it('puts each table in a focusable region labelled by its caption', () => {
    for (const t of tables) {
      const region = t.closest('[role="region"]')!;
      expect(region).not.toBeNull();
      expect(region.getAttribute('tabindex')).toBe('0');
      expect(region.getAttribute('aria-labelledby')).toBe(t.querySelector('caption')!.id);
    }
  });

  it('scopes every header cell', () => {
    for (const th of doc.querySelectorAll('article th'))
      expect(['col', 'row', 'colgroup', 'rowgroup']).toContain(th.getAttribute('scope'));
  });

  it('captions the maturity matrix and the milestones from the lines that introduce them', () => {
    const captions = tables.map((t) => t.querySelector('caption')!.textContent!.trim());
    expect(captions).toContain('技术成熟度评估矩阵');
    expect(captions).toContain('重大技术里程碑');
    expect(captions).toContain('关键里程碑节点');
    expect(captions).toContain('技术发展里程碑');
  });
});
