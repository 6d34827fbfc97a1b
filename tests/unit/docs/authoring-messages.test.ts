import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { Code } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError } from '../../../src/lib/content-error.ts';
import { prepareChapter } from '../../../src/chapter/read-chapter.ts';
import chapterModel from '../../../src/integrations/chapter-model.ts';
import { chapterStore } from '../../../src/integrations/chapter-store.ts';
import { checkRecord, parseRecord } from '../../../src/lib/anchors.ts';
import { git } from '../../support/git.ts';
import { contentDir, root } from '../../support/paths.ts';

/*
 * docs/authoring.md shows, for each slip an author can make, the exact message the build gives.
 * Each slip below is made on a copy of content/, the chapter is read as the build reads it, and
 * the message must be in the guide as it is printed, so the guide cannot drift from the code.
 */

const GUIDE = 'docs/authoring.md';
const guide = fs.readFileSync(path.join(root, GUIDE), 'utf8');

const blocks: Code[] = [];
visit(unified().use(remarkParse).parse(guide), 'code', (node) => void blocks.push(node));
/** The guide's examples of messages: code blocks whose lines start with a file and position, or a log level. */
const MESSAGE = /^(content\/\S+:\d+(:\d+)?: |\[WARN\] )/;
const guideExamples = blocks.filter((b) => !b.lang && MESSAGE.test(b.value)).map((b) => b.value);
/** The example facts file the guide shows, "with all of them known". */
const knownFacts = blocks.find((b) => b.lang === 'yaml' && b.value.startsWith('site:'))!.value;

const copies: string[] = [];
afterAll(() => copies.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** A copy of content/ to make a slip in; messages name its files as `content/…`, as a build in the project does. */
function contentCopy(): { dir: string; named: (message: string) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapter-slip-'));
  copies.push(dir);
  fs.cpSync(contentDir, dir, { recursive: true });
  const shown = path.relative(process.cwd(), dir) + path.sep;
  return { dir, named: (message) => message.replaceAll(shown, 'content/') };
}

/** Replaces text in a file of the copy; the text must be there exactly once. */
function edit(dir: string, file: string, from: string, to: string) {
  const full = path.join(dir, file);
  const text = fs.readFileSync(full, 'utf8');
  expect(text.split(from).length - 1, `${file} holds ${JSON.stringify(from)} once`).toBe(1);
  fs.writeFileSync(full, text.replace(from, to));
}

/** The message the build stops with once these slips are made. */
function messageAfter(...slips: ((dir: string) => void)[]): string {
  const { dir, named } = contentCopy();
  for (const slip of slips) slip(dir);
  try {
    prepareChapter(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return named((error as Error).message);
  }
  throw new Error('the chapter was read without an error');
}

/** Each slip the guide shows, made on the chapter, and the message it gives. */
const slips: [string, () => string][] = [
  [
    'a stray { at the end of a sentence',
    () =>
      messageAfter((d) =>
        edit(
          d,
          '01-summary.mdx',
          '降低计算精度来提升推理效率。\n',
          '降低计算精度来提升推理效率。 {\n',
        ),
      ),
  ],
  [
    'a maturity level the scale does not have',
    () =>
      messageAfter((d) =>
        edit(d, '01-summary.mdx', '| ONNX Runtime  | 生产阶段 ', '| ONNX Runtime  | 推广阶段 '),
      ),
  ],
  [
    'a column drawn under a header the table does not have',
    () =>
      messageAfter((d) =>
        edit(
          d,
          '01-summary.mdx',
          '      实施复杂度: level:complexity',
          '      实施难度: level:complexity',
        ),
      ),
  ],
  [
    'a figure whose name does not match its entry',
    () =>
      messageAfter((d) =>
        edit(d, '01-summary.mdx', '<Figure name="innovation">', '<Figure name="innovations">'),
      ),
  ],
  [
    'a citation of a number the reference list lacks',
    () =>
      messageAfter((d) =>
        edit(d, '01-summary.mdx', '大幅提升吞吐量 [4]。', '大幅提升吞吐量 [8]。'),
      ),
  ],
  [
    'a term the chapter never writes',
    () =>
      messageAfter((d) =>
        edit(d, 'terms.yaml', '- name: Scale-to-Zero\n', '- name: RWKV\n- name: Scale-to-Zero\n'),
      ),
  ],
  [
    'a heading that gets the id of another',
    () =>
      messageAfter((d) =>
        edit(d, '02-ecosystem.mdx', '### 14.2.1 硬件生态格局', '### 14.1.1 推理优化技术演进'),
      ),
  ],
  [
    'facts with a field misspelt, then facts with an impossible date and a licence in words',
    () =>
      [
        messageAfter((d) =>
          fs.writeFileSync(
            path.join(d, 'chapter.yaml'),
            knownFacts.replace('license: CC-BY-4.0', 'licence: CC-BY-4.0'),
          ),
        ),
        messageAfter((d) =>
          fs.writeFileSync(
            path.join(d, 'chapter.yaml'),
            'published: 2026-11-31\nlicense: CC BY 4.0\n',
          ),
        ),
      ].join('\n'),
  ],
  ['a heading retitled without an alias for its old id', retitledHeading],
  ['a build from a shallow clone', shallowCloneWarning],
];

/**
 * The build checks content/anchors.txt against the fragments of the built page; after
 * `14.3.2 技术发展里程碑` is retitled `14.3.2 技术里程碑`, the page has the recorded fragments with
 * that one heading's id and text changed.
 */
function retitledHeading(): string {
  const file = path.join(contentDir, 'anchors.txt');
  const { lines } = parseRecord(fs.readFileSync(file, 'utf8'));
  const page = lines.flatMap((l) =>
    l.type !== 'fragment'
      ? []
      : l.id === '1432-技术发展里程碑'
        ? [{ id: '1432-技术里程碑', points: 'heading: 14.3.2 技术里程碑' }]
        : [{ id: l.id, points: l.points }],
  );
  const { problems } = checkRecord(lines, page);
  return new ContentError(problems.map((p) => ({ file, ...p }))).message;
}

/** A shallow clone has no history to date the chapter by: the build says so once, as a warning. */
function shallowCloneWarning(): string {
  const { dir } = contentCopy();
  git(dir, ['init', '-q']);
  git(dir, ['add', '.']);
  git(dir, ['commit', '-qm', 'the chapter']);
  // What `git clone --depth 1` leaves: the commit it stopped at, recorded as shallow.
  fs.writeFileSync(path.join(dir, '.git', 'shallow'), git(dir, ['rev-parse', 'HEAD']));
  const integration = chapterModel(chapterStore(dir));
  const said: string[] = [];
  const logger = { warn: (m: string) => said.push(`[WARN] [${integration.name}] ${m}`) };
  const setup = integration.hooks['astro:config:setup']!;
  void setup({
    logger: logger as unknown as AstroIntegrationLogger,
    updateConfig: () => ({}),
    addWatchFile: () => undefined,
  } as unknown as Parameters<typeof setup>[0]);
  return said.join('\n');
}

describe(`the messages ${GUIDE} shows`, () => {
  it('are one for each slip below, no more', () => {
    expect(guideExamples).toHaveLength(slips.length);
  });

  it.each(slips)('%s: the guide shows the message the code gives', (_, messageOf) => {
    const message = messageOf();
    expect(guideExamples, message).toContain(message);
  });
});
