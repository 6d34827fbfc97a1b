import { describe, expect, it } from 'vitest';
import { lineLink, lineLinkProblem } from '../../../src/lib/source-links.ts';

describe('links to a section’s source lines', () => {
  it('use GitHub’s form by default, on the default branch (HEAD) unless a branch is named', () => {
    expect(lineLink({ url: 'https://github.com/o/r' }, 'content/01-summary.mdx', 13, 60)).toBe(
      'https://github.com/o/r/blob/HEAD/content/01-summary.mdx#L13-L60',
    );
    expect(
      lineLink(
        { url: 'https://github.com/o/r/', branch: 'release/2026' },
        'content/01-summary.mdx',
        13,
        60,
      ),
    ).toBe('https://github.com/o/r/blob/release/2026/content/01-summary.mdx#L13-L60');
  });

  it('follow a pattern the facts give for other hosts', () => {
    const gitlab = {
      url: 'https://gitlab.com/o/r',
      branch: 'main',
      lineLink: '{url}/-/blob/{branch}/{path}#L{start}-{end}',
    };
    expect(lineLink(gitlab, 'content/02-ecosystem.mdx', 5, 9)).toBe(
      'https://gitlab.com/o/r/-/blob/main/content/02-ecosystem.mdx#L5-9',
    );
  });

  it('percent-encode a path that needs it', () => {
    expect(lineLink({ url: 'https://github.com/o/r' }, 'content/第 1 节.mdx', 1, 2)).toBe(
      'https://github.com/o/r/blob/HEAD/content/%E7%AC%AC%201%20%E8%8A%82.mdx#L1-L2',
    );
  });

  it('reject a pattern that cannot point to lines, or does not make an http(s) URL', () => {
    expect(lineLinkProblem('{url}/blob/{branch}/{path}#L{start}-L{end}')).toBeUndefined();
    expect(lineLinkProblem('{url}/blob/{file}#L{start}')).toBe(
      '{file} is not a placeholder; use {url} {branch} {path} {start} {end}',
    );
    expect(lineLinkProblem('{url}/blob/main/{path}')).toBe(
      "the link form has no {start}, so it cannot point to a section's lines",
    );
    expect(lineLinkProblem('blob/{path}#L{start}')).toBe(
      'the link form does not make an absolute http(s) URL; start it with {url} or https://',
    );
  });
});
