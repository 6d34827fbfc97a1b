import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { addAliases, pageFragments } from '../../../src/integrations/page-fragments.ts';

const html = `<!doctype html><html><body><a href="#top" class="brand">十四、总结与展望</a><div id="top"></div>
<a class="skip" href="#chapter">跳到正文</a><main id="chapter">
<div class="heading-wrapper"><h3 id="1432-技术发展里程碑">14.3.2 技术发展里程碑</h3><a class="anchor-link" href="#1432-技术发展里程碑" aria-label="本节链接：14.3.2 技术发展里程碑"></a></div>
<p>推测解码 [<a href="#ref-5" id="cite-5-trends-1" class="citation">5</a>]</p>
<table><caption id="tbl-x">X</caption><tbody><tr id="tensorrt"><td class="col-0">推理引擎</td><th scope="row">TensorRT<a class="anchor-link row-link" href="#tensorrt" aria-label="本行链接：TensorRT"></a></th></tr></tbody></table>
<p id="ref-5" class="reference">[5] Leviathan, Y., et al. "Fast Inference from Transformers via Speculative Decoding." <span class="backrefs"><a href="#cite-5-trends-1">↩14.3.2</a></span></p>
<dl><div class="term" id="term-推测解码" data-pagefind-title="推测解码"><dt>推测解码</dt></div></dl>
<p id="note">无链接指向的 id</p></main><a href="#top"><span aria-hidden="true">↑</span> 回到顶部</a></body></html>`;

describe('the fragments of a built page', () => {
  it('are its headings, figure rows, reference entries, term index entries and the other places its links lead to, each named by what a reader sees there', () => {
    expect(pageFragments(html)).toEqual([
      { id: 'top', points: 'link: 回到顶部' },
      { id: 'chapter', points: 'link: 跳到正文' },
      { id: '1432-技术发展里程碑', points: 'heading: 14.3.2 技术发展里程碑' },
      { id: 'tensorrt', points: 'row: TensorRT' },
      { id: 'ref-5', points: 'reference: [5] Leviathan, Y., et al. "Fast Inference from T…' },
      { id: 'term-推测解码', points: 'term: 推测解码' },
    ]);
  });

  it('leave out citation markers, which number a reference’s citations and move when one is added before them', () => {
    expect(pageFragments(html).some((f) => f.id.startsWith('cite-'))).toBe(false);
  });
});

describe('aliases added to a built page', () => {
  const aliased = addAliases(html, [
    { from: '1432-技术里程碑旧', to: '1432-技术发展里程碑' },
    { from: 'tensorrt-old', to: 'tensorrt' },
  ]);
  const { document } = parseHTML(aliased);

  it('sit inside the fragment they lead to (a row’s first cell, where a table allows it), changing nothing else', () => {
    expect(document.getElementById('1432-技术里程碑旧')!.parentElement!.id).toBe(
      '1432-技术发展里程碑',
    );
    const cell = document.getElementById('tensorrt-old')!.parentElement!;
    expect([cell.tagName, cell.parentElement!.id]).toEqual(['TD', 'tensorrt']);
    expect(document.getElementById('tensorrt-old')!.getAttribute('data-anchor-for')).toBe(
      'tensorrt',
    );
    expect(
      aliased.replace(
        /<span id="[^"]*" class="anchor-alias" data-anchor-for="[^"]*"><\/span>/g,
        '',
      ),
    ).toBe(html);
  });

  it('add no text: the heading and row read as before', () => {
    expect(document.getElementById('1432-技术发展里程碑')!.textContent).toBe(
      '14.3.2 技术发展里程碑',
    );
    expect(pageFragments(aliased)).toEqual(pageFragments(html));
  });
});
