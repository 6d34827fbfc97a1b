import { describe, expect, it } from 'vitest';
import { figureSchema } from '../../../src/lib/schemas/figures.ts';
import { sectionSchema } from '../../../src/lib/schemas/section.ts';

const matrix = {
  form: 'matrix',
  idColumn: 1,
  columns: [
    { label: '技术领域', groups: true },
    { label: '技术名称' },
    { label: '成熟度等级', encode: 'level:maturity' },
    { label: '性能提升', encode: 'gain' },
  ],
  rows: [
    ['**推理引擎**', 'TensorRT', '成熟阶段', '5.0x'],
    ['', 'ONNX Runtime', '生产阶段', '3.5x'],
  ],
};

function issues(data: unknown): string[] {
  const result = sectionSchema.safeParse({ order: 1, title: '14.1 技术发展总结', figures: { maturity: data } });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('figure schema', () => {
  it('accepts the matrix as the chapter writes it, with defaults filled in', () => {
    const parsed = figureSchema.parse(matrix);
    expect(parsed.columns[1].encode).toBe('text');
  });

  it('names figure, row, cell and column for an unknown level word', () => {
    const bad = structuredClone(matrix);
    bad.rows[1][2] = '推广阶段';
    expect(issues(bad)).toEqual(['figures.maturity.rows.1.2: 成熟度等级: "推广阶段" does not start with a level of 成熟度等级 (试点阶段 / 生产阶段 / 成熟/生产 / 成熟阶段)']);
  });

  it('rejects a malformed gain such as 2-x', () => {
    const bad = structuredClone(matrix);
    bad.rows[0][3] = '2-x';
    expect(issues(bad)).toEqual(['figures.maturity.rows.0.3: 性能提升: "2-x" is not a gain such as 2.0x, 4-10x or 2-5x 提升']);
  });

  it('rejects a row with a missing cell', () => {
    const bad = structuredClone(matrix);
    bad.rows[1] = ['', 'ONNX Runtime', '生产阶段'];
    expect(issues(bad)).toEqual(['figures.maturity.rows.1: row has 3 cells but the figure has 4 columns (技术领域, 技术名称, 成熟度等级, 性能提升)']);
  });

  it('rejects an empty cell outside a group column', () => {
    const bad = structuredClone(matrix);
    bad.rows[0][1] = ' ';
    expect(issues(bad)[0]).toBe('figures.maturity.rows.0.1: 技术名称: cell is empty');
  });

  it('rejects an unknown encoding or field', () => {
    const bad = structuredClone(matrix) as Record<string, unknown>;
    (bad.columns as Record<string, unknown>[])[2].encode = 'level:colour';
    bad.colour = 'red';
    const found = issues(bad);
    expect(found.some((m) => m.startsWith('figures.maturity.columns.2.encode'))).toBe(true);
    expect(found.some((m) => m.includes('colour'))).toBe(true);
  });
});
