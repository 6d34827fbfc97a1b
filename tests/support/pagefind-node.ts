import fs from 'node:fs';
import path from 'node:path';
import { loadPagefindBundle } from '../../src/integrations/pagefind-node.ts';
import type { PagefindApi } from '../../src/lib/search/engine.ts';
import type { SectionText } from '../../src/lib/search/sections.ts';

/** The real Pagefind JS API over the real built index, running in Node, with the sections' texts written beside it. */
export async function loadPagefind(distDir: string): Promise<{ pagefind: PagefindApi; sections: SectionText[]; release: () => Promise<void> }> {
  const bundle = path.join(distDir, 'pagefind');
  const { pagefind, release } = await loadPagefindBundle(bundle);
  const sections = JSON.parse(fs.readFileSync(path.join(bundle, 'chapter-sections.json'), 'utf8')) as SectionText[];
  return { pagefind, sections, release };
}
