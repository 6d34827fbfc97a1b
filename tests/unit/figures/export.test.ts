import { describe, expect, it } from 'vitest';
import { exportFigure, parseCsv, toCsv } from '../../../src/lib/figure-export.ts';
import { figureSchema } from '../../../src/lib/schemas/figures.ts';

const figure = figureSchema.parse({
  form: 'matrix',
  idColumn: 1,
  columns: [{ label: '技术领域', groups: true }, { label: '技术名称' }, { label: '备注' }],
  rows: [
    ['**推理引擎**', 'TensorRT', 'NVIDIA GPU 首选'],
    ['', 'ONNX Runtime', '跨平台, "通用" 方案'],
  ],
});

describe('figure exports', () => {
  it('gives each row its link id, plain cell text, and the group label where the source leaves it blank', () => {
    expect(exportFigure('maturity', figure).rows).toEqual([
      { id: 'tensorrt', cells: { 技术领域: '推理引擎', 技术名称: 'TensorRT', 备注: 'NVIDIA GPU 首选' } },
      { id: 'onnx-runtime', cells: { 技术领域: '推理引擎', 技术名称: 'ONNX Runtime', 备注: '跨平台, "通用" 方案' } },
    ]);
  });

  it('writes RFC 4180 CSV: a header row, CRLF line ends, fields with commas or quotes quoted and quotes doubled', () => {
    const csv = toCsv(exportFigure('maturity', figure));
    expect(csv.split('\r\n')[0]).toBe('id,技术领域,技术名称,备注');
    expect(csv).toContain('onnx-runtime,推理引擎,ONNX Runtime,"跨平台, ""通用"" 方案"\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips: the CSV read back equals the exported rows', () => {
    const data = exportFigure('maturity', figure);
    const [header, ...rows] = parseCsv(toCsv(data));
    expect(header).toEqual(['id', ...data.columns.map((c) => c.label)]);
    expect(rows).toEqual(data.rows.map((r) => [r.id, ...data.columns.map((c) => r.cells[c.label])]));
  });
});
