import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './pipeline.ts';

const table = '| **技术领域** | **技术名称** |\n| --- | --- |\n| 模型压缩 | 量化 |';

describe('rehype-table-regions', () => {
  it('captions a table with its bold lead line and wraps it in a focusable region labelled by that caption', async () => {
    const html = await renderMarkdown(
      `### 14.1.2 核心技术体系\n\n**技术成熟度评估矩阵**：\n\n${table}`,
    );
    const { document } = parseHTML(`<body>${html}</body>`);
    const region = document.querySelector('div.table-region')!;
    expect(region.getAttribute('role')).toBe('region');
    expect(region.getAttribute('tabindex')).toBe('0');
    const caption = region.querySelector('table > caption')!;
    expect(caption.textContent).toBe('技术成熟度评估矩阵');
    expect(region.getAttribute('aria-labelledby')).toBe(caption.id);
    expect([...region.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual([
      'col',
      'col',
    ]);
  });

  it('falls back to the heading (without its number) when a sentence, not a bold lead, introduces the table', async () => {
    const html = await renderMarkdown(
      `### 14.2.1 硬件生态格局\n\nAI 推理硬件生态呈现多元化发展趋势。\n\n${table}`,
    );
    expect(parseHTML(`<body>${html}</body>`).document.querySelector('caption')!.textContent).toBe(
      '硬件生态格局',
    );
  });

  it('drops a list number from a numbered bold lead', async () => {
    const html = await renderMarkdown(
      `### 14.1.3 关键技术突破与趋势\n\n**1. 重大技术里程碑**：\n\n${table}`,
    );
    expect(parseHTML(`<body>${html}</body>`).document.querySelector('caption')!.textContent).toBe(
      '重大技术里程碑',
    );
  });

  it('fails when two tables would share a caption id', async () => {
    await expect(renderMarkdown(`### 14.2.1 硬件生态格局\n\n${table}\n\n${table}`)).rejects.toThrow(
      /Two tables share the caption "硬件生态格局"/,
    );
  });
});
