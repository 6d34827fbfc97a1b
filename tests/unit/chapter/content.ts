import path from 'node:path';
import type { SourceHistory } from '../../../src/chapter/history.ts';
import type { ChapterModel } from '../../../src/chapter/model.ts';
import { modelOf } from '../../../src/chapter/read-chapter.ts';
import { parseSections } from '../../../src/chapter/read-sections.ts';
import { root } from '../../support/paths.ts';

/**
 * The chapter model of section files given as text, as if they sat in content/ (messages name
 * them `content/<name>`), with a term index, a facts file (content/chapter.yaml) and a history
 * when given; nothing is read from disk.
 */
export function modelFrom(
  files: Record<string, string>,
  terms?: string,
  { facts, history }: { facts?: string; history?: SourceHistory } = {},
): ChapterModel {
  const at = (name: string) => path.join(root, 'content', name);
  const sections = parseSections(
    Object.entries(files).map(([name, text]) => ({ file: at(name), text })),
  );
  return modelOf({
    sections,
    ...(terms === undefined ? {} : { terms: { file: at('terms.yaml'), text: terms } }),
    ...(facts === undefined ? {} : { facts: { file: at('chapter.yaml'), text: facts } }),
    ...(history ? { history } : {}),
  });
}

/** The message a content error gives, or the model when there is none. */
export function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the content to be rejected');
}

export const intro = '---\norder: 0\n---\n\n# 十四、总结与展望\n\n引言。\n';
export const references =
  '---\norder: 9\n---\n\n## 参考文献\n\n[1] Example, A. "A Reference." 2025.\n';

export const MATRIX_SPEC = [
  '    form: matrix',
  '    rowId: 技术名称',
  '    columns:',
  '      技术领域: { groups: true }',
  '      成熟度等级: level:maturity',
  '      性能提升: gain',
];

/** A section file holding the matrix as the chapter writes it, with a frontmatter spec and cells to vary. */
export function matrixSection({
  spec = MATRIX_SPEC,
  rows,
  lead = '**技术成熟度评估矩阵**：',
}: { spec?: string[]; rows?: string[]; lead?: string } = {}): string {
  return [
    '---',
    'order: 1',
    'figures:',
    '  maturity:',
    ...spec,
    '---',
    '',
    '## 14.1 技术发展总结',
    '',
    lead,
    '',
    '<Figure name="maturity">',
    '',
    '| **技术领域** | **技术名称** | **成熟度等级** | **性能提升** | **备注** |',
    '| --- | --- | --- | --- | --- |',
    ...(rows ?? [
      '| **推理引擎** | TensorRT | 成熟阶段 | 5.0x | NVIDIA GPU 首选 |',
      '| | ONNX Runtime | 生产阶段 | 3.5x | 跨平台通用方案 [1] |',
    ]),
    '',
    '</Figure>',
    '',
  ].join('\n');
}
