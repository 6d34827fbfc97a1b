import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './pipeline.ts';

describe('copy-section buttons', () => {
  const sections = [
    {
      heading: { id: '141-技术发展总结', text: '14.1 技术发展总结', depth: 2 },
      start: 10,
      end: 42,
    },
  ];

  it('a heading whose section is in the source gets a labelled button carrying its offsets', async () => {
    const html = await renderMarkdown('## 14.1 技术发展总结\n\n正文。\n\n## 参考文献', {
      sections,
    });
    const { document } = parseHTML(`<body>${html}</body>`);
    const buttons = document.querySelectorAll('button.copy-section');
    expect(buttons).toHaveLength(1);
    const button = buttons[0];
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-label')).toBe('复制本节 Markdown 原文：14.1 技术发展总结');
    expect([button.getAttribute('data-start'), button.getAttribute('data-end')]).toEqual([
      '10',
      '42',
    ]);
    // Beside the heading, in the same wrapper as the copy-link; never inside the heading's text.
    expect(button.parentElement!.classList.contains('heading-wrapper')).toBe(true);
    expect(document.querySelector('h2')!.textContent).toBe('14.1 技术发展总结');
    expect(button.getAttribute('data-pagefind-ignore')).toBe('all');
    expect(button.querySelector('svg')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('a heading the source does not have gets no button', async () => {
    const html = await renderMarkdown('## 术语索引\n\n正文。', { sections });
    expect(html).not.toContain('copy-section');
  });
});
