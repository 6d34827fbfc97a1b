import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { intro, matrixSection, modelFrom, references } from '../chapter/content.ts';
import { renderMarkdown } from './pipeline.ts';

/** Pips are squares drawn as `M…Z` runs in one path per state. */
const pipCount = (el: Element, state: 'on' | 'off') =>
  (el.querySelector(`svg.pips path.${state}`)?.getAttribute('d')?.match(/M/g) ?? []).length;

const rows = [
  '| **硬件加速** | GPU 优化 | 成熟阶段 | 20.0x | 主流算力底座 |',
  '| | **LPU 加速** | 试点阶段 | 10-20x | **特定场景（如实时交互）优势** [1] |',
];
const summary = matrixSection({ rows });
const chapter = modelFrom({
  '00-intro.mdx': intro,
  '01-summary.mdx': summary,
  '09-references.mdx': references,
});
const body = summary.slice(summary.indexOf('## 14.1'));

async function render() {
  const html = await renderMarkdown(body, { ...chapter, path: '/content/01-summary.mdx' });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('rehype-figures draws a figure around the chapter’s own table', () => {
  it('tells the <Figure> its form and caption, and keeps the table a captioned, labelled, focusable region', async () => {
    const doc = await render();
    const figure = doc.querySelector('x-figure')!;
    expect([
      figure.getAttribute('data-name'),
      figure.getAttribute('data-form'),
      figure.getAttribute('data-caption'),
    ]).toEqual(['maturity', 'matrix', '技术成熟度评估矩阵']);
    const region = figure.querySelector('[role="region"]')!;
    expect(region.getAttribute('tabindex')).toBe('0');
    const table = region.querySelector('table')!;
    expect(table.id).toBe('tbl-技术成熟度评估矩阵-table');
    expect(table.querySelector('caption')!.textContent).toBe('技术成熟度评估矩阵');
    expect(region.getAttribute('aria-labelledby')).toBe(table.querySelector('caption')!.id);
    // Header cells keep the chapter's bold; the group column is marked for the filters.
    expect(
      [...table.querySelectorAll('thead th')].map((th) => [
        th.querySelector('strong')?.textContent,
        th.getAttribute('scope'),
      ]),
    ).toEqual(['技术领域', '技术名称', '成熟度等级', '性能提升', '备注'].map((l) => [l, 'col']));
    expect(table.querySelector('thead th[data-groups]')!.textContent).toBe('技术领域');
  });

  it('gives the matrix its filters and sort buttons in the page itself, so its script arriving later moves nothing', async () => {
    const doc = await render();
    const figure = doc.querySelector('x-figure')!;
    // The column that groups the rows and its groups, for the figure to draw the filters.
    expect(figure.getAttribute('data-groupColumn')).toBe('技术领域');
    expect(JSON.parse(figure.getAttribute('data-groups')!)).toEqual(['硬件加速']);
    // A sort button in each header whose cells carry a level or a gain, named by the header.
    expect(
      [...doc.querySelectorAll('thead th')].map(
        (th) => th.querySelector('button.sort-button')?.getAttribute('aria-label') ?? null,
      ),
    ).toEqual([null, null, '按成熟度等级排序', '按性能提升排序', null]);
    // The button adds no words to the header.
    expect(doc.querySelector('thead th:nth-child(3)')!.textContent).toBe('成熟度等级');
  });

  it('heads each row with its technology, gives the row its link id and a labelled copy-link', async () => {
    const doc = await render();
    const trs = [...doc.querySelectorAll('tbody tr')];
    expect(
      trs.map((r) => [r.id, r.getAttribute('data-order'), r.getAttribute('data-group')]),
    ).toEqual([
      ['gpu-优化', '0', '硬件加速'],
      ['lpu-加速', '1', '硬件加速'],
    ]);
    const header = trs[1].querySelector('th[scope="row"]')!;
    expect(header.querySelector('strong')!.textContent).toBe('LPU 加速');
    const link = header.querySelector('a.anchor-link')!;
    expect(link.getAttribute('href')).toBe('#lpu-加速');
    // Named by its label, with no text of its own for search to index.
    expect([link.getAttribute('aria-label'), link.textContent]).toEqual(['本行链接：LPU 加速', '']);
  });

  it('shows each level as its word plus pips whose filled count is the rank, hidden from assistive tech', async () => {
    const doc = await render();
    const maturity = doc.querySelectorAll('tbody tr')[1].querySelectorAll('td')[1];
    expect(maturity.textContent!.trim()).toBe('试点阶段');
    expect(maturity.getAttribute('data-sort')).toBe('1');
    const pips = maturity.querySelector('svg.pips')!;
    expect([pips.getAttribute('aria-hidden'), pips.hasAttribute('data-enc')]).toEqual([
      'true',
      true,
    ]);
    expect([pipCount(maturity, 'on'), pipCount(maturity, 'off')]).toEqual([1, 3]);
  });

  it('draws a single gain as a dot and a range as a bar on the figure’s log axis', async () => {
    const doc = await render();
    const [single, range] = [...doc.querySelectorAll('td.gain svg.gain')];
    expect(single.querySelector('circle.bar')).not.toBeNull();
    const bar = range.querySelector('rect.bar')!;
    // 10x and 20x on an axis from 1 to 100: the bar starts half-way along the 112 px between the ends.
    expect(Number(bar.getAttribute('x'))).toBeCloseTo(4 + 0.5 * 112, 0);
    expect(Number(bar.getAttribute('width'))).toBeGreaterThan(3);
  });

  it('keeps the cell’s words and emphasis, and links its citation with the id the reference list links back to', async () => {
    const doc = await render();
    const note = doc.querySelectorAll('tbody tr')[1].querySelectorAll('td')[3];
    expect(note.textContent!.trim()).toBe('特定场景（如实时交互）优势 [1]');
    expect(note.querySelector('strong')!.textContent).toBe('特定场景（如实时交互）优势');
    const cite = note.querySelector('a.citation')!;
    expect([cite.getAttribute('href'), cite.id]).toEqual(['#ref-1', 'cite-1-summary-1']);
    expect(chapter.citations.sites.map((s) => s.id)).toEqual(['cite-1-summary-1']);
  });

  it('leaves a group cell empty as the chapter does, carrying its group for when rows are sorted', async () => {
    const doc = await render();
    const groupCell = doc.querySelectorAll('tbody tr')[1].querySelector('td')!;
    expect(groupCell.textContent).toBe('');
    expect(groupCell.getAttribute('data-group-label')).toBe('硬件加速');
    expect(groupCell.classList.contains('repeat')).toBe(true);
  });
});
