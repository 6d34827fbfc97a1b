import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './pipeline.ts';

describe('heading anchors', () => {
  it('gives a heading the GitHub-style id the chapter 目录 uses and a labelled copy-link after it', async () => {
    const html = await renderMarkdown(
      '## 14.1 技术发展总结\n\n### 14.3.2 技术发展里程碑\n\n## 参考文献',
    );
    const { document } = parseHTML(`<body>${html}</body>`);
    expect([...document.querySelectorAll('h2, h3')].map((h) => h.id)).toEqual([
      '141-技术发展总结',
      '1432-技术发展里程碑',
      '参考文献',
    ]);
    const wrapper = document.querySelector('.heading-wrapper')!;
    const anchor = wrapper.querySelector('a.anchor-link')!;
    expect(anchor.getAttribute('href')).toBe('#141-技术发展总结');
    // Named by its label; its visible # is the stylesheet's, so it has no text for search to index.
    expect([anchor.getAttribute('aria-label'), anchor.textContent]).toEqual([
      '本节链接：14.1 技术发展总结',
      '',
    ]);
    // The heading's own text is untouched: the anchor sits beside it, not inside.
    expect(document.querySelector('h2')!.textContent).toBe('14.1 技术发展总结');
  });
});
