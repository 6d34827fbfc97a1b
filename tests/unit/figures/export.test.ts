import { describe, expect, it } from 'vitest';
import { exportFigure, parseCsv, toCsv } from '../../../src/lib/figure-export.ts';
import { type CellInput, readFigure } from '../../../src/lib/figures/model.ts';
import { figureSpecSchema } from '../../../src/lib/schemas/figures.ts';

const cells = (row: string[], line: number): CellInput[] =>
  row.map((text, i) => ({ text, line, column: 1 + i * 10 }));
const { figure } = readFigure(
  'maturity',
  figureSpecSchema.parse({
    form: 'matrix',
    rowId: '技术名称',
    columns: { 技术领域: { groups: true } },
  }),
  '技术成熟度评估矩阵',
  cells(['技术领域', '技术名称', '备注'], 1),
  [
    cells(['推理引擎', 'TensorRT', 'NVIDIA GPU 首选'], 3),
    cells(['', 'ONNX Runtime', '跨平台, "通用" 方案 [1]'], 4),
  ],
);

describe('figure exports', () => {
  it('gives each row its link id, the cells’ words (citations kept), and the group label where the table leaves it blank', () => {
    expect(exportFigure(figure!).rows).toEqual([
      {
        id: 'tensorrt',
        cells: { 技术领域: '推理引擎', 技术名称: 'TensorRT', 备注: 'NVIDIA GPU 首选' },
      },
      {
        id: 'onnx-runtime',
        cells: { 技术领域: '推理引擎', 技术名称: 'ONNX Runtime', 备注: '跨平台, "通用" 方案 [1]' },
      },
    ]);
    expect(exportFigure(figure!).columns).toEqual([
      { label: '技术领域', encode: 'text' },
      { label: '技术名称', encode: 'text' },
      { label: '备注', encode: 'text' },
    ]);
  });

  it('writes RFC 4180 CSV: a header row, CRLF line ends, fields with commas or quotes quoted and quotes doubled', () => {
    const csv = toCsv(exportFigure(figure!));
    expect(csv.split('\r\n')[0]).toBe('id,技术领域,技术名称,备注');
    expect(csv).toContain('onnx-runtime,推理引擎,ONNX Runtime,"跨平台, ""通用"" 方案 [1]"\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips: the CSV read back equals the exported rows', () => {
    const data = exportFigure(figure!);
    const [header, ...rows] = parseCsv(toCsv(data));
    expect(header).toEqual(['id', ...data.columns.map((c) => c.label)]);
    expect(rows).toEqual(
      data.rows.map((r) => [r.id, ...data.columns.map((c) => r.cells[c.label])]),
    );
  });
});
