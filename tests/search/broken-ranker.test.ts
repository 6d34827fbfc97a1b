import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PagefindApi } from '../../src/lib/search/engine.ts';
import type { Glossary } from '../../src/lib/search/glossary.ts';
import type { SectionText } from '../../src/lib/search/sections.ts';
import { distDir } from '../support/paths.ts';
import { loadPagefind } from '../support/pagefind-node.ts';
import { auditSearch, engineOf, type EngineSearch, pageSections, searchBreaches } from './audit.ts';
import { caseSensitiveRanker, engineTrustingRanker } from './fixtures/broken-rankers.ts';

/** The audit tests/search/recall.test.ts passes the real ranker through, failing rankers that are wrong. */
describe('the search audit, given a broken ranker', () => {
  let pagefind: PagefindApi;
  let sections: SectionText[];
  let release: () => Promise<void> = async () => {};
  let engine: EngineSearch;
  const truth = pageSections();
  const glossary = JSON.parse(
    fs.readFileSync(path.join(distDir, 'pagefind', 'chapter-glossary.json'), 'utf8'),
  ) as Glossary;

  beforeAll(async () => {
    ({ pagefind, sections, release } = await loadPagefind(distDir));
    engine = engineOf(pagefind);
  });
  afterAll(async () => {
    await release();
  });

  it('fails a ranker whose matcher minds case, naming the queries typed in lower case and the sections they missed', async () => {
    const audit = await auditSearch(
      (query) => caseSensitiveRanker(pagefind, sections, query, glossary),
      engine,
      truth,
    );
    const breaches = searchBreaches(audit);
    expect(breaches).toEqual([expect.stringMatching(/^missed sections that hold the query/)]);
    expect(breaches[0]).toContain('tensorrt: ');
    expect(breaches[0]).toContain('pagedattention: 1422-软件技术栈生态, 参考文献');
    // The queries as the chapter writes them still pass: only the audit's own truth sees the fault.
    expect(breaches[0]).not.toMatch(/(^|; )TensorRT: /);
  });

  it('fails a ranker that shows every section Pagefind returned as a whole match, naming the sections that hold only part of the query', async () => {
    const audit = await auditSearch(
      (query) => engineTrustingRanker(pagefind, sections, query, glossary),
      engine,
      truth,
    );
    const breaches = searchBreaches(audit);
    expect(breaches).toEqual([
      expect.stringMatching(/^whole matches that hold neither the query nor a name: /),
    ]);
    expect(breaches[0]).toMatch(/(: |; )服务治理: /);
  });
});
