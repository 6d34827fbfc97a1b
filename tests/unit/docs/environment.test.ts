import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../../support/paths.ts';

/*
 * Every environment variable the code reads is in the table of docs/testing.md, and every row of
 * the table is read by some code: a variable nobody can find is one nobody sets on purpose.
 */

/** Where the code lives: these folders, all their files, and the two config files. */
const CODE = ['src', 'scripts', 'tests', 'astro.config.mjs', 'vitest.config.ts'];
/** Files that read unlisted variables on purpose: scanned only by the failure case below. */
const FIXTURES = 'tests/unit/docs/fixtures';
const SCRIPT = /\.(ts|mts|js|mjs|cjs|astro)$/;
const SHELL = /\.sh$/;

/**
 * Vite's own `import.meta.env` fields, set from the config rather than the environment (Vite's
 * "Env Variables and Modes"; Astro adds SITE and ASSETS_PREFIX).
 */
const VITE_FIELDS = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX']);
/** Variables bash sets itself; a script that reads one is not reading the caller's environment. */
const BASH_OWN = new Set([
  'BASH_SOURCE',
  'EUID',
  'UID',
  'PWD',
  'OLDPWD',
  'RANDOM',
  'LINENO',
  'IFS',
]);

interface Read {
  name: string;
  /** `file:line`, relative to the project root. */
  at: string;
}

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
/**
 * Reads in JavaScript and TypeScript: a member of `process.env` or `import.meta.env`, or of an
 * environment passed in as `env` (dotted, or bracketed with a string); or destructured from one.
 */
const SCRIPT_READS = new RegExp(
  String.raw`(?<via>process\.env|import\.meta\.env|\benv)\??\.(?<dotted>${NAME})|` +
    String.raw`(?:process\.env|\benv)\[\s*['"\x60](?<quoted>${NAME})['"\x60]\s*\]|` +
    String.raw`\{(?<fields>[^{}]*)\}\s*=\s*(?:process\.)?env\b`,
  'g',
);
/** A bracketed read whose name is computed: the test could not tell which variable it is. */
const COMPUTED = /(?:process\.env|\benv)\[\s*(?!['"`])/g;

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

function scriptReads(file: string, text: string): Read[] {
  const reads: Read[] = [];
  const at = (index: number) => `${file}:${lineAt(text, index)}`;
  for (const m of text.matchAll(SCRIPT_READS)) {
    const { via, dotted, quoted, fields } = m.groups!;
    if (dotted && !(via === 'import.meta.env' && VITE_FIELDS.has(dotted)))
      reads.push({ name: dotted, at: at(m.index) });
    if (quoted) reads.push({ name: quoted, at: at(m.index) });
    for (const field of fields?.split(',') ?? []) {
      const name = field.trim().split(':')[0].trim();
      if (new RegExp(`^${NAME}$`).test(name)) reads.push({ name, at: at(m.index) });
    }
  }
  for (const m of text.matchAll(COMPUTED))
    reads.push({ name: '(a computed name)', at: at(m.index) });
  return reads;
}

/** Reads in a shell script: `$NAME` or `${NAME…}` of a variable the script never sets itself. */
function shellReads(file: string, text: string): Read[] {
  const code = text.replace(/^\s*#.*$/gm, '');
  const set = new Set(
    [...code.matchAll(new RegExp(`(?:^|[\\s;(])(?:local\\s+|export\\s+)?(${NAME})\\+?=`, 'gm'))]
      .concat([...code.matchAll(new RegExp(`\\bfor\\s+(${NAME})`, 'g'))])
      .map((m) => m[1])
      // `read -r a b` sets every name it is given.
      .concat(
        [...code.matchAll(new RegExp(`\\bread(?:\\s+-\\w+)*((?:\\s+${NAME})+)`, 'g'))].flatMap(
          (m) => m[1].trim().split(/\s+/),
        ),
      ),
  );
  return [...code.matchAll(new RegExp(`\\$(?:\\{#?(${NAME})|(${NAME}))`, 'g'))]
    .map((m) => ({ name: m[1] ?? m[2], at: `${file}:${lineAt(code, m.index)}` }))
    .filter((r) => !set.has(r.name) && !BASH_OWN.has(r.name));
}

function filesUnder(rel: string): string[] {
  const full = path.join(root, rel);
  if (!fs.statSync(full).isDirectory()) return [rel];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(path.posix.join(rel, name)));
}

/** Every read of an environment variable in these files or folders (relative to the root). */
function variablesRead(places: string[], skip: string[] = []): Read[] {
  return places
    .flatMap(filesUnder)
    .filter((f) => !skip.some((s) => f === s || f.startsWith(s + '/')))
    .flatMap((file) => {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      if (SCRIPT.test(file)) return scriptReads(file, text);
      if (SHELL.test(file)) return shellReads(file, text);
      return [];
    });
}

/** The variables the table under "Environment variables" in docs/testing.md lists. */
function listedVariables(): string[] {
  const doc = fs.readFileSync(path.join(root, 'docs/testing.md'), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith('Environment variables\n'));
  if (!section) throw new Error('docs/testing.md has no "Environment variables" section');
  return [...section.matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1]);
}

/** Each read of a variable the table does not list, as `file:line: NAME`. */
function unlisted(reads: Read[], listed: string[]): string[] {
  return reads.filter((r) => !listed.includes(r.name)).map((r) => `${r.at}: ${r.name}`);
}

describe('the environment variables in docs/testing.md', () => {
  const listed = listedVariables();

  it('list every variable the code reads, in src/, scripts/, tests/ and the config files', () => {
    const reads = variablesRead(CODE, [FIXTURES]);
    // Sanity: the scan finds reads of each kind it looks for.
    expect(reads.map((r) => r.at)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/integrations\/site-config\.ts:/),
        expect.stringMatching(/^scripts\/ensure-browsers\.sh:/),
        expect.stringMatching(/^astro\.config\.mjs:/),
        expect.stringMatching(/^tests\/support\/paths\.ts:/),
      ]),
    );
    expect(unlisted(reads, listed)).toEqual([]);
  });

  it('list no variable that nothing reads', () => {
    const read = new Set(variablesRead(CODE, [FIXTURES]).map((r) => r.name));
    expect(listed.filter((name) => !read.has(name))).toEqual([]);
  });

  it('would fail on code that reads an unlisted variable, in each way code here reads one', () => {
    expect(unlisted(variablesRead([FIXTURES]), listed)).toEqual([
      'tests/unit/docs/fixtures/reads-unlisted.sh:4: UNLISTED_SHELL_DEFAULT',
      'tests/unit/docs/fixtures/reads-unlisted.sh:5: UNLISTED_SHELL_PLAIN',
      'tests/unit/docs/fixtures/reads-unlisted.ts:4: UNLISTED_DOTTED',
      'tests/unit/docs/fixtures/reads-unlisted.ts:5: UNLISTED_BRACKETED',
      'tests/unit/docs/fixtures/reads-unlisted.ts:6: UNLISTED_FROM_VITE',
      'tests/unit/docs/fixtures/reads-unlisted.ts:9: UNLISTED_PASSED',
      'tests/unit/docs/fixtures/reads-unlisted.ts:11: UNLISTED_DESTRUCTURED',
      'tests/unit/docs/fixtures/reads-unlisted.ts:11: UNLISTED_RENAMED',
      'tests/unit/docs/fixtures/reads-unlisted.ts:14: (a computed name)',
    ]);
  });
});
