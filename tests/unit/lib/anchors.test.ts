import { describe, expect, it } from 'vitest';
import {
  changedProblem,
  checkRecord,
  closestFragment,
  formatRecord,
  parseRecord,
} from '../../../src/lib/anchors.ts';

const page = [
  { id: '1432-技术里程碑', points: 'heading: 14.3.2 技术里程碑' },
  { id: '1433-技术风险评估', points: 'heading: 14.3.3 技术风险评估' },
  { id: 'tensorrt-引擎', points: 'row: TensorRT 引擎' },
  { id: 'ref-4', points: 'reference: [4] Kwon, W., et al.' },
];

const check = (record: string) => {
  const { lines, problems } = parseRecord(record);
  expect(problems).toEqual([]);
  return checkRecord(lines, page);
};
const render = (problems: { line?: number; message: string; hint?: string }[]) =>
  problems.map((p) => `${p.line}: ${p.message}${p.hint ? `\n  ${p.hint}` : ''}`).join('\n');

describe('the anchor record', () => {
  it('reads fragments, aliases and removals, skipping comments and blank lines', () => {
    const { lines } = parseRecord(
      '# header\n\nref-4 reference: [4] Kwon\nold -> ref-4\ngone removed: merged into 14.2\n',
    );
    expect(lines).toEqual([
      { type: 'fragment', id: 'ref-4', points: 'reference: [4] Kwon', line: 3 },
      { type: 'alias', id: 'old', to: 'ref-4', line: 4 },
      { type: 'removed', id: 'gone', reason: 'merged into 14.2', line: 5 },
    ]);
  });

  it('names the line and the forms a line can take when one is malformed', () => {
    const { problems } = parseRecord('tensorrt\nold ->\nold -> a b\ngone removed:\n');
    expect(render(problems)).toMatchInlineSnapshot(`
      "1: "tensorrt" does not say what it points to
        Write "<id> <what it points to>", "<old id> -> <new id>" or "<old id> removed: <reason>".
      2: the alias of "old" must name exactly one new id after "->"
        Write "<id> <what it points to>", "<old id> -> <new id>" or "<old id> removed: <reason>".
      3: the alias of "old" must name exactly one new id after "->"
        Write "<id> <what it points to>", "<old id> -> <new id>" or "<old id> removed: <reason>".
      4: "gone" is marked removed without a reason
        Say why links to it may break, e.g. "removed: the section was merged into 14.2"."
    `);
  });

  it('fails for a fragment that is gone, naming what it pointed to, the closest new fragment and the line that keeps the link alive', () => {
    const { problems } = check(
      '1432-技术发展里程碑 heading: 14.3.2 技术发展里程碑\ntensorrt row: TensorRT\n',
    );
    expect(render(problems)).toMatchInlineSnapshot(`
      "1: "1432-技术发展里程碑" (heading: 14.3.2 技术发展里程碑) is no longer on the page; the closest new fragment is "1432-技术里程碑" (heading: 14.3.2 技术里程碑)
        Links to it would land at the top of the page. To keep them working, replace line 1 with
            1432-技术发展里程碑 -> 1432-技术里程碑
          or, if it is gone for good, with
            1432-技术发展里程碑 removed: <why links to it may break>
      2: "tensorrt" (row: TensorRT) is no longer on the page; the closest new fragment is "tensorrt-引擎" (row: TensorRT 引擎)
        Links to it would land at the top of the page. To keep them working, replace line 2 with
            tensorrt -> tensorrt-引擎
          or, if it is gone for good, with
            tensorrt removed: <why links to it may break>"
    `);
  });

  it('suggests a fragment of the same kind: a heading for a heading, a row for a row', () => {
    expect(closestFragment({ id: 'tensorrt', points: 'row: TensorRT' }, page)!.id).toBe(
      'tensorrt-引擎',
    );
    expect(
      closestFragment(
        { id: '1432-技术发展里程碑', points: 'heading: 14.3.2 技术发展里程碑' },
        page,
      )!.id,
    ).toBe('1432-技术里程碑');
  });

  it('adds an alias to the page for an old id, following a chain of renames to the fragment that exists', () => {
    const { problems, aliases } = check('a -> b\nb -> tensorrt-引擎\nold -> 1432-技术里程碑\n');
    expect(problems).toEqual([]);
    expect(aliases).toEqual([
      { from: 'a', to: 'tensorrt-引擎' },
      { from: 'b', to: 'tensorrt-引擎' },
      { from: 'old', to: '1432-技术里程碑' },
    ]);
  });

  it('accepts a fragment marked removed with its reason, and adds nothing for it', () => {
    const { problems, aliases } = check('gone removed: the section was merged into 14.2\n');
    expect([problems, aliases]).toEqual([[], []]);
  });

  it('fails for an id recorded twice, two aliases claiming one old id, an alias leading nowhere or in a circle, and an old id the page still has', () => {
    const record = [
      'ref-4 reference: [4] Kwon, W., et al.',
      'ref-4 reference: [4] Kwon',
      'old -> ref-4',
      'old -> tensorrt-引擎',
      'lost -> 1432-技术里程',
      'x -> y',
      'y -> x',
      'tensorrt-引擎 -> ref-4',
    ];
    const { problems } = check(record.join('\n'));
    expect(render(problems)).toMatchInlineSnapshot(`
      "2: "ref-4" is already recorded on line 1
        Keep one line per id.
      4: "old" is already recorded on line 3 as an alias of "ref-4"; one old id can lead to one place only
        Keep one line per id.
      5: the alias "lost -> 1432-技术里程" leads to no fragment of the page
        Point it at an id the page has, such as "1432-技术里程碑" (heading: 14.3.2 技术里程碑).
      6: the alias "x -> y" leads to no fragment of the page (its renames go round in a circle)
        Point it at an id the page has, such as "1432-技术里程碑" (heading: 14.3.2 技术里程碑).
      7: the alias "y -> x" leads to no fragment of the page (its renames go round in a circle)
        Point it at an id the page has, such as "1432-技术里程碑" (heading: 14.3.2 技术里程碑).
      8: "tensorrt-引擎" is declared an alias, but the page has a fragment with this id (row: TensorRT 引擎)
        Replace line 8 with the fragment itself: tensorrt-引擎 row: TensorRT 引擎"
    `);
  });

  it('fails for a fragment whose id now points to something else, as a renumbered reference does', () => {
    const { problems, changed } = check('ref-4 reference: [4] Leviathan, Y., et al.\n');
    expect(problems).toEqual([]);
    expect(render(changed.map(changedProblem))).toMatchInlineSnapshot(`
      "1: "ref-4" now points to reference: [4] Kwon, W., et al., not to reference: [4] Leviathan, Y., et al.
        Links to it now land on something else. If that is right, run npm run anchors to record what it points to now, and let the diff be reviewed; if not, restore what it pointed to."
    `);
  });

  it('lists the page’s fragments the record lacks, and writes the record sorted with them, never dropping a line', () => {
    const record =
      'tensorrt -> tensorrt-引擎\n1432-技术里程碑 heading: 14.3.2 技术里程碑\ngone removed: merged\n';
    const { lines } = parseRecord(record);
    const { unrecorded } = checkRecord(lines, page);
    expect(unrecorded.map((f) => f.id)).toEqual(['1433-技术风险评估', 'tensorrt-引擎', 'ref-4']);
    const written = formatRecord(lines, unrecorded);
    const body = written.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(body).toEqual([
      '1432-技术里程碑 heading: 14.3.2 技术里程碑',
      '1433-技术风险评估 heading: 14.3.3 技术风险评估',
      'gone removed: merged',
      'ref-4 reference: [4] Kwon, W., et al.',
      'tensorrt -> tensorrt-引擎',
      'tensorrt-引擎 row: TensorRT 引擎',
    ]);
    // Written again, it is unchanged: the record has one canonical form.
    expect(formatRecord(parseRecord(written).lines)).toBe(written);
  });
});
