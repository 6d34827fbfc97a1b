import { describe, expect, it } from 'vitest';
import { intro, matrixSection, messageOf, modelFrom, references } from './content.ts';

const sections = {
  '00-intro.mdx': intro,
  '01-summary.mdx': matrixSection(),
  '09-references.mdx': references,
};
const withFacts = (facts: string) => modelFrom(sections, undefined, { facts });
const factsError = (facts: string) => messageOf(() => withFacts(facts));

describe('the facts file', () => {
  it('holds only what is stated: every field may be left out', () => {
    expect(withFacts('').facts).toEqual({});
    expect(withFacts('# nothing is known yet\n').facts).toEqual({});
    expect(modelFrom(sections).facts).toEqual({});
  });

  it('reads every field an author can give, a year of publication written as a bare number included', () => {
    const facts = withFacts(
      [
        'description: 本章回顾推理优化技术。',
        'partOf: 推理优化综述',
        'authors:',
        '  - { family: 王, given: 小明 }',
        '  - family: Vaswani',
        '    given: Ashish',
        'published: 2026',
        'license: CC-BY-4.0',
        'keywords: [模型压缩]',
        'site: https://example.org/',
        'repository:',
        '  url: https://gitlab.com/o/r',
        '  branch: main',
        "  lineLink: '{url}/-/blob/{branch}/{path}#L{start}-{end}'",
      ].join('\n'),
    ).facts;
    expect(facts).toEqual({
      description: '本章回顾推理优化技术。',
      partOf: '推理优化综述',
      authors: [
        { family: '王', given: '小明' },
        { family: 'Vaswani', given: 'Ashish' },
      ],
      published: '2026',
      license: 'CC-BY-4.0',
      keywords: ['模型压缩'],
      site: 'https://example.org/',
      repository: {
        url: 'https://gitlab.com/o/r',
        branch: 'main',
        lineLink: '{url}/-/blob/{branch}/{path}#L{start}-{end}',
      },
    });
  });

  it('takes the page’s description from the chapter’s opening paragraph when the facts give none', () => {
    expect(withFacts('').opening).toBe('引言。');
  });
});

describe('a section links to its lines in the repository when the facts name one', () => {
  it('from its heading to its last block, in the form the facts give', () => {
    const model = withFacts('repository:\n  url: https://github.com/o/r\n');
    // The fixture's 14.1 heading is on line 13 of 01-summary.mdx; its last block, the figure, closes with </Figure> on line 24.
    expect(
      model.sections.map((s) => [s.heading.text, s.path, s.startLine, s.endLine, s.sourceUrl]),
    ).toEqual([
      [
        '14.1 技术发展总结',
        'content/01-summary.mdx',
        13,
        24,
        'https://github.com/o/r/blob/HEAD/content/01-summary.mdx#L13-L24',
      ],
      [
        '参考文献',
        'content/09-references.mdx',
        5,
        7,
        'https://github.com/o/r/blob/HEAD/content/09-references.mdx#L5-L7',
      ],
    ]);
  });

  it('and has no link without one', () => {
    expect(
      withFacts('site: https://example.org').sections.every((s) => s.sourceUrl === undefined),
    ).toBe(true);
  });
});

describe('a bad facts file fails with the file, the line and the field', () => {
  it('an unknown field, at its key, with the fields the file has', () => {
    expect(factsError('site: https://example.org\nauthor:\n  - { family: 王 }\n'))
      .toMatchInlineSnapshot(`
      "content/chapter.yaml:2:1: unknown field "author" (did you mean "authors"?)
        Hint: The fields of chapter.yaml are description, partOf, authors, published, license, keywords, site, repository (docs/authoring.md)."
    `);
    expect(factsError('licence: CC-BY-4.0\nrevised: 2026-11-25\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:1:1: unknown field "licence" (did you mean "license"?)
        Hint: The fields of chapter.yaml are description, partOf, authors, published, license, keywords, site, repository (docs/authoring.md).
      content/chapter.yaml:2:1: unknown field "revised"
        Hint: The fields of chapter.yaml are description, partOf, authors, published, license, keywords, site, repository (docs/authoring.md)."
    `);
    expect(factsError('repository:\n  url: https://github.com/o/r\n  brnach: main\n'))
      .toMatchInlineSnapshot(`
      "content/chapter.yaml:3:3: unknown field "repository.brnach" (did you mean "branch"?)
        Hint: The fields of repository are url, branch, lineLink."
    `);
    expect(factsError('authors:\n  - { family: 王, name: 王小明 }\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:2:18: unknown field "authors.0.name"
        Hint: An author has family and, optionally, given."
    `);
  });

  it('a title, which the opening heading already gives', () => {
    expect(factsError('site: https://example.org\ntitle: 总结与展望\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:2:1: field "title": the chapter's title is its opening heading, "# 十四、总结与展望" at content/00-intro.mdx:5, and is written only there
        Hint: Remove title from this file; to retitle the chapter, change that heading."
    `);
  });

  it('a malformed date, at its value', () => {
    expect(factsError('published: 2026-13-01\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:1:12: field "published": "2026-13-01" is not a calendar date in the form YYYY-MM-DD, YYYY-MM or YYYY
        Hint: Write the date of publication as YYYY-MM-DD, YYYY-MM or YYYY (2026-11-25, 2026-11, 2026); leave it out if it is not known."
    `);
    expect(factsError('published: 2026/11/25\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:1:12: field "published": "2026/11/25" is not a calendar date in the form YYYY-MM-DD, YYYY-MM or YYYY
        Hint: Write the date of publication as YYYY-MM-DD, YYYY-MM or YYYY (2026-11-25, 2026-11, 2026); leave it out if it is not known."
    `);
  });

  it('a malformed URL, a site without its scheme, and a line-link form that cannot point to lines', () => {
    expect(factsError('site: chapter14.example.org\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:1:7: field "site": "chapter14.example.org" is not an absolute http(s) URL, e.g. https://example.org
        Hint: Write where the site is served, with https://, e.g. https://example.org."
    `);
    expect(factsError('repository:\n  url: git@github.com:o/r.git\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:2:8: field "repository.url": "git@github.com:o/r.git" is not an absolute http(s) URL, e.g. https://example.org
        Hint: Write the repository's web address as url (url: https://github.com/owner/name), optionally its branch and lineLink; its fields: url, branch, lineLink."
    `);
    expect(
      factsError(
        "repository:\n  url: https://github.com/o/r\n  lineLink: '{url}/blob/main/{file}'\n",
      ),
    ).toMatchInlineSnapshot(`
      "content/chapter.yaml:3:13: field "repository.lineLink": {file} is not a placeholder; use {url} {branch} {path} {start} {end}
        Hint: Write how a link to lines of a file is formed, e.g. {url}/-/blob/{branch}/{path}#L{start}-{end}; leave it out for GitHub’s form."
    `);
  });

  it('a licence that is not an SPDX identifier, is deprecated, or is cased differently', () => {
    expect(factsError('license: CC BY 4.0\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:1:10: field "license": "CC BY 4.0" is not an SPDX licence identifier (see https://spdx.org/licenses/, e.g. CC-BY-4.0, CC-BY-NC-SA-4.0, MIT)
        Hint: Write the licence’s SPDX identifier as https://spdx.org/licenses/ lists it (CC-BY-4.0, CC-BY-NC-SA-4.0, MIT); leave it out if it is not known."
    `);
    expect(factsError('license: GPL-3.0\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:1:10: field "license": "GPL-3.0" is a deprecated SPDX licence identifier; use its current form (e.g. GPL-3.0-only or GPL-3.0-or-later for GPL-3.0)
        Hint: Write the licence’s SPDX identifier as https://spdx.org/licenses/ lists it (CC-BY-4.0, CC-BY-NC-SA-4.0, MIT); leave it out if it is not known."
    `);
    expect(factsError('license: cc-by-4.0\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:1:10: field "license": "cc-by-4.0" is not an SPDX licence identifier as written; write it CC-BY-4.0
        Hint: Write the licence’s SPDX identifier as https://spdx.org/licenses/ lists it (CC-BY-4.0, CC-BY-NC-SA-4.0, MIT); leave it out if it is not known."
    `);
  });

  it('a field of the wrong shape, and YAML that cannot be read', () => {
    expect(factsError('authors: 王小明\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:1:10: field "authors": write a list of authors, each with family (and given)
        Hint: Write a list, one author per item: - { family: 王, given: 小明 }; leave authors out if they are not known."
    `);
    expect(factsError('- site: https://example.org\n')).toMatchInlineSnapshot(`
      "content/chapter.yaml:1:1: the file must be a map of fields (field: value), one per line
        Hint: The fields of chapter.yaml are description, partOf, authors, published, license, keywords, site, repository."
    `);
    expect(factsError('site: https://example.org\nsite: https://example.com\n'))
      .toMatchInlineSnapshot(`
      "content/chapter.yaml:2:1: not valid YAML: Map keys must be unique
        Hint: Write each fact once, as field: value on a line of its own (docs/authoring.md)."
    `);
  });

  it('every problem at once, with the section files’ own, in the order an author meets them', () => {
    const message = messageOf(() =>
      modelFrom(
        {
          ...sections,
          '01-summary.mdx': matrixSection().replace('跨平台通用方案 [1]', '跨平台通用方案 [8]'),
        },
        undefined,
        {
          facts: 'license: MIT-ish\npublished: soon\n',
        },
      ),
    );
    expect(message.split('\n').filter((l) => !l.startsWith('  Hint'))).toEqual([
      expect.stringMatching(/^content\/01-summary\.mdx:22:\d+: citation \[8\]/),
      expect.stringMatching(
        /^content\/chapter\.yaml:1:10: field "license": "MIT-ish" is not an SPDX/,
      ),
      expect.stringMatching(
        /^content\/chapter\.yaml:2:12: field "published": "soon" is not a calendar date/,
      ),
    ]);
  });
});
