import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './pipeline.ts';

const source =
  '# 十四、总结与展望\n\n引言。\n\n## 14.1 技术发展总结\n\n正文。\n\n### 14.1.1 推理优化技术演进\n\n正文。\n\n## 参考文献\n\n[1] 文献。';
const render = async (options: Parameters<typeof renderMarkdown>[1]) =>
  parseHTML(`<body>${await renderMarkdown(source, options)}</body>`).document;

describe('dates and source links beside the headings', () => {
  it('shows the chapter’s last change under its title as a machine-readable date, marked as added and kept out of search', async () => {
    const document = await render({ updated: '2026-11-25' });
    const line = document.querySelector('h1')!.nextElementSibling!;
    expect(line.textContent).toBe('最后更新：2026-11-25');
    expect(line.querySelector('time')!.getAttribute('datetime')).toBe('2026-11-25');
    expect(line.hasAttribute('data-added')).toBe(true);
    expect(line.getAttribute('data-pagefind-ignore')).toBe('all');
    // The opening paragraph follows, untouched.
    expect(line.nextElementSibling!.textContent).toBe('引言。');
  });

  it('shows each section’s own date beside its heading’s tools, and a link to its lines with a name unique to the section', async () => {
    const document = await render({
      sections: [
        {
          heading: { depth: 2, text: '14.1 技术发展总结', id: '141-技术发展总结' },
          updated: '2026-11-25',
          sourceUrl: 'https://github.com/o/r/blob/HEAD/content/01-summary.mdx#L5-L13',
        },
        {
          heading: { depth: 3, text: '14.1.1 推理优化技术演进', id: '1411-推理优化技术演进' },
          updated: '2026-10-01',
          sourceUrl: 'https://github.com/o/r/blob/HEAD/content/01-summary.mdx#L9-L13',
        },
      ],
    });
    const metas = [...document.querySelectorAll('.heading-wrapper > .section-meta')];
    expect(metas.map((m) => m.parentElement!.querySelector('h2, h3')!.id)).toEqual([
      '141-技术发展总结',
      '1411-推理优化技术演进',
    ]);
    expect(metas.map((m) => m.querySelector('time')!.getAttribute('datetime'))).toEqual([
      '2026-11-25',
      '2026-10-01',
    ]);
    const links = metas.map((m) => m.querySelector('a.section-source')!);
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://github.com/o/r/blob/HEAD/content/01-summary.mdx#L5-L13',
      'https://github.com/o/r/blob/HEAD/content/01-summary.mdx#L9-L13',
    ]);
    // The accessible name starts with the words shown and names the section.
    expect(links.map((a) => a.textContent)).toEqual([
      '在源文件中查看本节：14.1 技术发展总结',
      '在源文件中查看本节：14.1.1 推理优化技术演进',
    ]);
    expect(links[0].querySelector('.sr-only')!.textContent).toBe('：14.1 技术发展总结');
    for (const m of metas) {
      expect(m.hasAttribute('data-added')).toBe(true);
      expect(m.getAttribute('data-pagefind-ignore')).toBe('all');
    }
    // The headings' own text is untouched.
    expect(document.querySelector('h2')!.textContent).toBe('14.1 技术发展总结');
    expect(document.querySelector('h1')!.nextElementSibling!.textContent).toBe('引言。');
  });

  it('shows only what is known: a date without a repository, a link without history, nothing for a section with neither', async () => {
    const document = await render({
      sections: [
        {
          heading: { depth: 2, text: '14.1 技术发展总结', id: '141-技术发展总结' },
          updated: '2026-11-25',
        },
        {
          heading: { depth: 3, text: '14.1.1 推理优化技术演进', id: '1411-推理优化技术演进' },
          sourceUrl: 'https://example.org/src#L9',
        },
        { heading: { depth: 2, text: '参考文献', id: '参考文献' } },
      ],
    });
    const metaOf = (id: string) =>
      document.getElementById(id)!.parentElement!.querySelector('.section-meta');
    expect(metaOf('141-技术发展总结')!.querySelector('a')).toBeNull();
    expect(metaOf('141-技术发展总结')!.textContent).toBe('更新于 2026-11-25');
    expect(metaOf('1411-推理优化技术演进')!.querySelector('time')).toBeNull();
    expect(metaOf('参考文献')).toBeNull();
    expect(document.querySelector('.chapter-updated')).toBeNull();
  });
});
