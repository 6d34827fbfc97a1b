import { describe, expect, it } from 'vitest';
import { codePieces, functionSpans, sourcePieces } from './code.ts';

/** Longer than this, a function does several things that want names of their own. */
const MAX_LINES = 60;

const tooLong = (spans: ReturnType<typeof functionSpans>) =>
  spans
    .filter((f) => f.lines > MAX_LINES)
    .map((f) => `${f.file}:${f.line}: ${f.name} is ${f.lines} lines long`);

describe('function length', () => {
  it(`no function in src/ is longer than ${MAX_LINES} lines`, () => {
    expect(tooLong(sourcePieces().flatMap(functionSpans))).toEqual([]);
  });

  it('measures every kind of function, nested ones and those in .astro files too', () => {
    const body = (n: number) => Array.from({ length: n }, (_, i) => `  const a${i} = ${i};`);
    const file = (name: string, lines: string[]) => codePieces(name, lines.join('\n'));
    const spans = [
      ...file('src/lib/a.ts', [
        'export function long() {',
        ...body(MAX_LINES - 1),
        '}',
        'export const arrow = () => {',
        ...body(MAX_LINES - 2),
        '};',
        'class C {',
        '  method() {',
        '    const inner = function () {',
        ...body(MAX_LINES),
        '    };',
        '  }',
        '}',
      ]),
      ...file('src/components/B.astro', [
        '---',
        'const x = 1;',
        '---',
        '<p>{x}</p>',
        '<script>',
        '  document.addEventListener("click", () => {',
        ...body(MAX_LINES),
        '  });',
        '</script>',
      ]),
    ].flatMap(functionSpans);
    expect(tooLong(spans)).toEqual([
      `src/lib/a.ts:1: long is ${MAX_LINES + 1} lines long`,
      `src/lib/a.ts:${2 * MAX_LINES + 3}: method is ${MAX_LINES + 4} lines long`,
      `src/lib/a.ts:${2 * MAX_LINES + 4}: inner is ${MAX_LINES + 2} lines long`,
      `src/components/B.astro:6: (callback of document.addEventListener) is ${MAX_LINES + 2} lines long`,
    ]);
    expect(spans.find((f) => f.name === 'arrow')?.lines).toBe(MAX_LINES);
  });
});
