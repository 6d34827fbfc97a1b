import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import FigureTable from '../../src/components/figures/FigureTable.astro';

const matrix = {
  form: 'matrix',
  idColumn: 1,
  columns: [
    { label: '技术领域', groups: true },
    { label: '技术名称' },
    { label: '成熟度等级', encode: 'level:maturity' },
    { label: '性能提升', encode: 'gain' },
    { label: '实施复杂度', encode: 'level:complexity' },
    { label: '备注' },
  ],
  rows: [
    ['**硬件加速**', 'GPU 优化', '成熟阶段', '20.0x', '中等', '主流算力底座'],
    ['', '**LPU 加速**', '试点阶段', '10-20x', '中', '**特定场景（如实时交互）优势** [6]'],
  ],
};

const timeline = {
  form: 'timeline',
  columns: [{ label: '时间', encode: 'span' }, { label: '技术突破' }, { label: '影响程度', encode: 'level:level' }],
  rows: [
    ['**2024 Q3**', 'OpenAI o1 (Strawberry)', '极高'],
    ['**2025 Q2**', '1.58-bit LLM (BitNet)', '中'],
  ],
};

/** Pips are squares drawn as `M…Z` runs in one path per state. */
const pipCount = (el: Element, state: 'on' | 'off') => (el.querySelector(`svg.pips path.${state}`)?.getAttribute('d')?.match(/M/g) ?? []).length;

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

async function render(data: unknown, caption: string) {
  const html = await container.renderToString(FigureTable, { props: { data, caption } });
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document;
}

describe('FigureTable as a maturity matrix', () => {
  it('is a captioned table in a focusable region labelled by the caption', async () => {
    const doc = await render(matrix, '技术成熟度评估矩阵');
    const region = doc.querySelector('[role="region"]')!;
    expect(region.getAttribute('tabindex')).toBe('0');
    const caption = doc.querySelector('table > caption')!;
    expect(caption.textContent).toBe('技术成熟度评估矩阵');
    expect(region.getAttribute('aria-labelledby')).toBe(caption.id);
    expect([...doc.querySelectorAll('thead th')].map((th) => [th.textContent, th.getAttribute('scope')])).toEqual(
      matrix.columns.map((c) => [c.label, 'col']),
    );
  });

  it('heads each row with its technology, gives the row a link id and a labelled copy-link', async () => {
    const doc = await render(matrix, '技术成熟度评估矩阵');
    const rows = [...doc.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.id)).toEqual(['gpu-优化', 'lpu-加速']);
    const header = rows[1].querySelector('th[scope="row"]')!;
    expect(header.querySelector('strong')!.textContent).toBe('LPU 加速');
    const link = header.querySelector('a.anchor-link')!;
    expect(link.getAttribute('href')).toBe('#lpu-加速');
    expect(link.textContent).toContain('本行链接：LPU 加速');
    expect(link.getAttribute('data-pagefind-ignore')).toBe('all');
  });

  it('shows each level as its word plus pips whose filled count is the rank, hidden from assistive tech', async () => {
    const doc = await render(matrix, '技术成熟度评估矩阵');
    const maturity = doc.querySelectorAll('tbody tr')[1].querySelectorAll('td')[1];
    expect(maturity.textContent!.trim()).toBe('试点阶段');
    const pips = maturity.querySelector('svg.pips')!;
    expect(pips.getAttribute('aria-hidden')).toBe('true');
    expect(pips.hasAttribute('data-enc')).toBe(true);
    expect(pipCount(maturity, 'on')).toBe(1);
    expect(pipCount(maturity, 'off')).toBe(3);
    const complexity = doc.querySelectorAll('tbody tr')[0].querySelectorAll('td')[3];
    expect(pipCount(complexity, 'on')).toBe(3); // 中等 is the third of five
    expect(pipCount(complexity, 'off')).toBe(2);
  });

  it('draws a single gain as a dot and a range as a bar on the log axis', async () => {
    const doc = await render(matrix, '技术成熟度评估矩阵');
    const [single, range] = [...doc.querySelectorAll('td.gain svg.gain')];
    expect(single.querySelector('circle.bar')).not.toBeNull();
    const bar = range.querySelector('rect.bar')!;
    expect(Number(bar.getAttribute('width'))).toBeGreaterThan(3);
    // 10x and 20x on an axis from 1 to 100: the bar starts half-way along.
    expect(Number(bar.getAttribute('x'))).toBeCloseTo(4 + 0.5 * 112, 0);
  });

  it('keeps the source emphasis and links the citation in the note', async () => {
    const doc = await render(matrix, '技术成熟度评估矩阵');
    const note = doc.querySelectorAll('tbody tr')[1].querySelectorAll('td')[4];
    expect(note.textContent!.trim()).toBe('特定场景（如实时交互）优势 [6]');
    expect(note.querySelector('strong')!.textContent).toBe('特定场景（如实时交互）优势');
    const cite = note.querySelector('a.citation')!;
    expect([cite.getAttribute('href'), cite.id]).toEqual(['#ref-6', 'cite-6-lpu-加速']);
  });

  it('renders filter and sort controls hidden until their script runs, and leaves group cells empty as in the source', async () => {
    const doc = await render(matrix, '技术成熟度评估矩阵');
    const controls = doc.querySelector('matrix-controls')!;
    expect(controls.hasAttribute('hidden')).toBe(true);
    expect([...controls.querySelectorAll('[data-filter]')].map((b) => b.textContent)).toEqual(['全部', '硬件加速']);
    const groupCell = doc.querySelectorAll('tbody tr')[1].querySelector('td')!;
    expect(groupCell.textContent!.trim()).toBe('');
    expect(groupCell.getAttribute('data-group-label')).toBe('硬件加速');
  });
});

describe('FigureTable as a timeline', () => {
  it('puts each quarter on the time axis with a linkable id and encodes impact', async () => {
    const doc = await render(timeline, '技术发展里程碑');
    const rows = [...doc.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.id)).toEqual(['2024-q3', '2025-q2']);
    const bars = rows.map((r) => Number(r.querySelector('svg.span rect.bar')!.getAttribute('x')));
    expect(bars[1]).toBeGreaterThan(bars[0]);
    expect(pipCount(rows[0].querySelectorAll('td')[1], 'on')).toBe(4); // 极高
    expect(pipCount(rows[0].querySelectorAll('td')[1], 'off')).toBe(0);
    expect(pipCount(rows[1].querySelectorAll('td')[1], 'on')).toBe(2); // 中
    expect(doc.querySelector('matrix-controls')).toBeNull();
  });

  it('refuses data the schema rejects', async () => {
    await expect(render({ ...timeline, rows: [['2024 Q5', 'x', '高']] }, '技术发展里程碑')).rejects.toThrow(/not a time/);
  });
});
