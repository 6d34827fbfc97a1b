// Search benchmark (run by npm run bench, or alone with npm run bench:search after a build):
// how well search finds the chapter's terms (recall and precision on the real index, in Node),
// what search downloads, and the time from a keystroke to rendered results, cold and warm, in
// Chromium. Prints figures; never fails.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { chromium } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { searchSections } from '../src/lib/search/engine.ts';
import {
  findName,
  type Glossary,
  holdsName,
  nameKey,
  namesOf,
} from '../src/lib/search/glossary.ts';
import { termsFileSchema } from '../src/lib/schemas/terms.ts';
import { loadPagefind } from '../tests/support/pagefind-node.ts';
import { serveDist } from '../tests/support/server.ts';
import { searchTerms } from '../tests/search/terms.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, process.env.DIST_DIR ?? 'dist');
/** Generic words a reader adds to a term's name. */
const LONGER_FORM_WORDS = ['模型', '技术', ' model'];
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function dirBytes(dir: string): { raw: number; gzip: number; files: number } {
  let raw = 0;
  let gzip = 0;
  let files = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, entry);
    if (!fs.statSync(file).isFile()) continue;
    const data = fs.readFileSync(file);
    raw += data.length;
    gzip += gzipSync(data).length;
    files++;
  }
  return { raw, gzip, files };
}

// --- Recall and precision -------------------------------------------------------------------------
// Over the chapter's own sections (the term index only points at them). A result counts when it
// is in the list of whole matches the dialog shows first; partial matches sit behind a control.
{
  const { pagefind, sections, release } = await loadPagefind(dist);
  const { document } = parseHTML(fs.readFileSync(path.join(dist, 'index.html'), 'utf8'));
  // The term index: its section on the chapter's page, and its own page (or, in older builds, all on one page).
  const inTermIndex = new Set(
    [...document.querySelectorAll(':is(section.term-index, section.term-index-summary) [id]')].map(
      (e) => e.id,
    ),
  );
  const chapter = sections.filter((s) => !s.page && !inTermIndex.has(s.id));
  const chapterIds = new Set(chapter.map((s) => s.id));
  // The glossary the dialog expands queries with (absent from builds older than it).
  const glossaryFile = path.join(dist, 'pagefind', 'chapter-glossary.json');
  const glossary = fs.existsSync(glossaryFile)
    ? (JSON.parse(fs.readFileSync(glossaryFile, 'utf8')) as Glossary)
    : undefined;
  let cards = 0;
  const search = async (q: string) => {
    const r = await searchSections(pagefind, sections, q, glossary);
    if (r.term ?? r.longer) cards++;
    const ids = (list: { id: string }[] = []) =>
      list.map((s) => s.id).filter((id) => chapterIds.has(id));
    return {
      whole: ids(r.whole),
      // Listed after the whole matches: sections holding the term a longer query names (absent
      // from builds older than it).
      viaTerm: ids(r.longer?.sections),
      partial: ids(r.partial),
    };
  };
  const pct = (a: number, b: number) => `${b ? ((a / b) * 100).toFixed(1) : '–'}% (${a}/${b})`;
  interface Tally {
    relevant: number;
    found: number;
    foundAny: number;
    returned: number;
    correct: number;
  }
  const tally = (): Tally => ({ relevant: 0, found: 0, foundAny: 0, returned: 0, correct: 0 });
  const add = (t: Tally, relevant: string[], r: { whole: string[]; partial: string[] }) => {
    t.relevant += relevant.length;
    t.found += relevant.filter((id) => r.whole.includes(id)).length;
    t.foundAny += relevant.filter((id) => r.whole.includes(id) || r.partial.includes(id)).length;
    t.returned += r.whole.length;
    t.correct += r.whole.filter((id) => relevant.includes(id)).length;
  };
  const print = (label: string, t: Tally) =>
    console.log(
      `${label}: recall ${pct(t.found, t.relevant)}, with partial matches ${pct(t.foundAny, t.relevant)}; precision ${pct(t.correct, t.returned)}`,
    );

  const terms = termsFileSchema.parse(
    parseYaml(fs.readFileSync(path.join(root, 'content/terms.yaml'), 'utf8')),
  );
  const textOf = (id: string) => {
    const s = chapter.find((c) => c.id === id)!;
    return `${s.title}\n${s.text}`;
  };
  /** The chapter's sections that hold any name of a term, read as the term index reads them. */
  const holdingTerm = (term: (typeof terms)[number]) =>
    chapter
      .filter((s) =>
        namesOf(term).some((n) => holdsName(`${s.title}\n${s.text}`, n, term.excludes)),
      )
      .map((s) => s.id);
  /** Terms whose name a query holds as a whole word, together with other words. */
  const containedTerms = (query: string) =>
    terms.filter(
      (t) =>
        !namesOf(t).some((n) => nameKey(n) === nameKey(query)) &&
        namesOf(t).some((n) => holdsName(query, n, t.excludes)),
    );

  // Same language: the query as written, against the sections that hold it. A query that names
  // a term also finds the sections holding the term's other names; those are counted apart.
  const same = tally();
  const sameListed = tally();
  let viaOtherName = 0;
  const longerInSame: string[] = [];
  for (const query of searchTerms) {
    const r = await search(query);
    const literal = chapter
      .filter((s) => findName(`${s.title}\n${s.text}`, query).length > 0)
      .map((s) => s.id);
    add(same, literal, r);
    // A query holding a term's name with other words ("GPU 优化") may list the term's sections
    // after its whole matches: those count as right when they hold a name of that term.
    const contained = containedTerms(query);
    if (contained.length) longerInSame.push(query);
    const named = terms.filter((t) => namesOf(t).some((n) => nameKey(n) === nameKey(query)));
    const ofTerms = [...named, ...contained].flatMap(holdingTerm);
    add(sameListed, [...new Set([...literal, ...ofTerms])], {
      whole: [...r.whole, ...r.viaTerm],
      partial: r.partial,
    });
    for (const t of named)
      viaOtherName += r.whole.filter(
        (id) =>
          findName(textOf(id), query).length === 0 &&
          namesOf(t).some((n) => holdsName(textOf(id), n, t.excludes)),
      ).length;
  }
  print(`same-language terms (${searchTerms.length}, tests/search/terms.ts)`, same);
  console.log(
    `  whole matches that hold another name of the term the query names instead: ${viaOtherName}; precision counting them ${pct(same.correct + viaOtherName, same.returned)}`,
  );
  console.log(
    `  with the sections listed after the whole matches through a term the query holds with other words (${longerInSame.length} queries: ${longerInSame.join(', ')}): recall ${pct(sameListed.found, sameListed.relevant)}; precision ${pct(sameListed.correct, sameListed.returned)}, counting a section that holds a name of the term the query names or holds as right`,
  );

  // Every name of every glossary term as a query, against the sections that hold any of the
  // term's names; and the part only another name can find (the query itself is not there).
  // Names are read as the term index reads them: whole words, excludes honoured.

  const all = tally();
  const cross = tally();
  let queries = 0;
  cards = 0;
  for (const term of terms) {
    const names = namesOf(term);
    const holding = (name: string) =>
      new Set(
        chapter
          .filter((s) => holdsName(`${s.title}\n${s.text}`, name, term.excludes))
          .map((s) => s.id),
      );
    const byName = new Map(names.map((n) => [n, holding(n)]));
    const relevant = chapter
      .filter((s) => names.some((n) => byName.get(n)!.has(s.id)))
      .map((s) => s.id);
    for (const name of names) {
      queries++;
      const r = await search(name);
      add(all, relevant, r);
      const onlyOthers = relevant.filter((id) => !byName.get(name)!.has(id));
      cross.relevant += onlyOthers.length;
      cross.found += onlyOthers.filter((id) => r.whole.includes(id)).length;
      cross.foundAny += onlyOthers.filter(
        (id) => r.whole.includes(id) || r.partial.includes(id),
      ).length;
    }
  }
  print(
    `glossary, every name of ${terms.length} terms (${queries} queries, content/terms.yaml)`,
    all,
  );
  console.log(
    `  sections only another name of the term finds: recall ${pct(cross.found, cross.relevant)}, with partial matches ${pct(cross.foundAny, cross.relevant)}`,
  );
  console.log(
    `  term card shown for ${cards} of ${queries} queries${glossary ? '' : ' (this build has no glossary for search)'}`,
  );

  // Longer forms: every name of every term followed by a generic word, as readers type them
  // ("推测解码技术", "MoE模型", "vLLM model"), against the sections that hold the whole query or
  // any name of the term. A result counts when it is listed before the partial matches.
  const longer = tally();
  let longerQueries = 0;
  cards = 0;
  for (const term of terms) {
    const ofTerm = holdingTerm(term);
    for (const name of namesOf(term))
      for (const word of LONGER_FORM_WORDS) {
        const query = `${name}${word}`;
        longerQueries++;
        const r = await search(query);
        const literal = chapter.filter((s) => findName(textOf(s.id), query).length > 0);
        add(longer, [...new Set([...literal.map((s) => s.id), ...ofTerm])], {
          whole: [...r.whole, ...r.viaTerm],
          partial: r.partial,
        });
      }
  }
  print(
    `longer forms: every name + ${LONGER_FORM_WORDS.map((w) => `"${w.trim()}"`).join(', ')} (${longerQueries} queries)`,
    longer,
  );
  console.log(`  term card shown for ${cards} of ${longerQueries} queries`);
  await release();
}

const all = dirBytes(path.join(dist, 'pagefind'));
console.log(
  `index on disk (${all.files} files, incl. Pagefind's unused UI bundles): ${kb(all.raw)} raw, ${kb(all.gzip)} gzip`,
);

const server = await serveDist(dist);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const fetched = new Map<string, number>();
page.on('response', async (r) => {
  const url = r.url();
  if (!/pagefind|dialog\./.test(url)) return;
  try {
    fetched.set(url, (await r.body()).length);
  } catch {
    /* redirects and aborted responses carry no body */
  }
});
await page.goto(server.url, { waitUntil: 'networkidle' });

/** Types a query into the open dialog and returns ms until the result count is rendered. */
const timeQuery = (query: string) =>
  page.evaluate(
    (q) =>
      new Promise<number>((resolve) => {
        const input = document.getElementById('search-input') as HTMLInputElement;
        const status = document.querySelector('.search-dialog [role="status"]')!;
        const start = performance.now();
        const observer = new MutationObserver(() => {
          if (status.textContent?.includes(`“${q}”`)) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - start));
          }
        });
        observer.observe(status, { childList: true, characterData: true, subtree: true });
        input.value = q;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );

await page.keyboard.press('Control+k');
await page.waitForSelector('#search-input');
const cold = await timeQuery('推测解码');
const terms = [
  '量化',
  'TensorRT',
  'PagedAttention',
  '联邦推理',
  'W4A16',
  'KV-Cache',
  '显存带宽',
  '1.58-bit',
  'MLPerf',
  '动态批处理',
  '存算一体',
];
const warm: number[] = [];
for (const t of terms) warm.push(await timeQuery(t));
warm.sort((a, b) => a - b);
const median = warm[Math.floor(warm.length / 2)];

let raw = 0;
for (const bytes of fetched.values()) raw += bytes;
console.log(
  `fetched on first search (${fetched.size} files: dialog, Pagefind JS, WASM, index, section texts, glossary): ${kb(raw)} (uncompressed bodies)`,
);
console.log(
  `keystroke → rendered results, cold (first query, loads the engine): ${cold.toFixed(0)} ms`,
);
console.log(
  `keystroke → rendered results, warm (median of ${warm.length} queries): ${median.toFixed(0)} ms (min ${warm[0].toFixed(0)}, max ${warm.at(-1)!.toFixed(0)})`,
);
console.log('(both include the 120 ms input debounce that waits for the reader to stop typing)');

await browser.close();
await server.close();
