import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { CitationIndex } from '../../../src/lib/citations.ts';
import { renderMarkdown } from './pipeline.ts';

const index: CitationIndex = {
  references: [1, 3, 5],
  sites: [
    {
      reference: 5,
      occurrence: 1,
      id: 'cite-5-fixture-1',
      section: '14.1.2 核心技术体系',
      sectionId: '1412-核心技术体系',
    },
    {
      reference: 5,
      occurrence: 2,
      id: 'cite-5-fixture-2',
      section: '14.1.2 核心技术体系',
      sectionId: '1412-核心技术体系',
    },
    {
      reference: 5,
      occurrence: 3,
      id: 'cite-5-trends-1',
      section: '14.3.2 技术发展里程碑',
      sectionId: '1432-技术发展里程碑',
    },
  ],
};

const dom = (html: string) => parseHTML(`<body>${html}</body>`).document;

describe('remark-citations', () => {
  it('links [1,3] to both references and keeps the marker text exactly as written', async () => {
    const html = await renderMarkdown('推理时计算 范式转移 [1,3] 与推测解码 [5]。', {
      citations: index,
    });
    const doc = dom(html);
    const links = [...doc.querySelectorAll('a.citation')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['#ref-1', '#ref-3', '#ref-5']);
    expect(links.map((a) => a.id)).toEqual([
      'cite-1-fixture-1',
      'cite-3-fixture-1',
      'cite-5-fixture-1',
    ]);
    expect(doc.querySelector('p')!.textContent).toBe('推理时计算 范式转移 [1,3] 与推测解码 [5]。');
  });

  it('numbers repeated citations of one reference so every id is unique', async () => {
    const html = await renderMarkdown('甲 [5]，乙 [5]。', { citations: index });
    expect([...dom(html).querySelectorAll('a.citation')].map((a) => a.id)).toEqual([
      'cite-5-fixture-1',
      'cite-5-fixture-2',
    ]);
  });

  it('gives a reference entry its id and a back-link to every citing place, each with its own label', async () => {
    const html = await renderMarkdown(
      '[5] Leviathan, Y., et al. "Fast Inference from Transformers via Speculative Decoding." _ICML 2023_.',
      {
        citations: index,
      },
    );
    const doc = dom(html);
    const entry = doc.getElementById('ref-5')!;
    expect(entry).not.toBeNull();
    const backlinks = [...entry.querySelectorAll('a.backref')];
    expect(backlinks.map((a) => a.getAttribute('href'))).toEqual([
      '#cite-5-fixture-1',
      '#cite-5-fixture-2',
      '#cite-5-trends-1',
    ]);
    const labels = backlinks.map((a) => a.getAttribute('aria-label'));
    expect(new Set(labels).size).toBe(3);
    expect(labels[2]).toContain('14.3.2 技术发展里程碑');
    // Two citations in one section are told apart in the visible text too.
    expect(backlinks.map((a) => a.textContent)).toEqual([
      '↩\uFE0E14.1.2a',
      '↩\uFE0E14.1.2b',
      '↩\uFE0E14.3.2',
    ]);
    // The entry itself is not mistaken for a citation of [5].
    expect(entry.querySelector('a.citation')).toBeNull();
    // The back-links are kept out of the search index.
    expect(entry.querySelector('.backrefs')!.getAttribute('data-pagefind-ignore')).toBe('all');
  });

  it('leaves link text, inline code and footnote-like brackets alone', async () => {
    const html = await renderMarkdown(
      '见 [文档 [1]](https://example.org) 与 `a[1]` 与 [^x]。\n\n[^x]: 注',
      { citations: index },
    );
    expect(dom(html).querySelectorAll('a.citation').length).toBe(0);
  });

  it('fails the file, naming the marker, when a citation refers to a missing reference', async () => {
    await expect(
      renderMarkdown('见 [1,9]。', { citations: index, path: '/content/03-trends.mdx' }),
    ).rejects.toThrow(
      /Citation \[1,9\] refers to reference \[9\], which is not in the reference list/,
    );
  });
});
