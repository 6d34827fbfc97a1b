import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareChapter } from '../../../src/chapter/read-chapter.ts';
import { git } from '../../support/git.ts';

/*
 * A small chapter in a git repository made here, with commits at known dates, to show where
 * each section's date comes from: its own lines' newest commit, by committer date, as a day in
 * China Standard Time (UTC+8).
 */
const made: string[] = [];
const temp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chapter-history-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

const intro = '---\norder: 0\n---\n\n# 十四、总结与展望\n\n引言。\n';
const summary = (first: string, second: string, comment = '') =>
  `---\norder: 1${comment}\n---\n\n## 14.1 技术发展总结\n\n### 14.1.1 推理优化技术演进\n\n${first}\n\n### 14.1.2 核心技术体系\n\n${second}\n`;
const references = '---\norder: 9\n---\n\n## 参考文献\n\n[1] Example, A. "A Reference." 2025.\n';

let repo: string;
const content = () => path.join(repo, 'content');
const write = (name: string, text: string) => fs.writeFileSync(path.join(content(), name), text);
const commit = (message: string, dates: { author: string; committer: string }) => {
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', message], dates);
};

beforeAll(() => {
  repo = temp();
  git(repo, ['init', '-q', '-b', 'main']);
  fs.mkdirSync(content());
  write('00-intro.mdx', intro);
  write('01-summary.mdx', summary('演进的正文。', '体系的正文。'));
  write('05-references.mdx', references);
  // 20:00 UTC on 10 January is 04:00 on 11 January at UTC+8: the day at UTC+8 counts.
  commit('the chapter', { author: '2026-01-10T20:00:00Z', committer: '2026-01-10T20:00:00Z' });
  // Written on 1 February, committed (say, rebased) at 20:30 on 5 March in New York, which is
  // 09:30 on 6 March at UTC+8: the committer's date counts, not the author's, and not the day
  // in the committer's own zone.
  write('01-summary.mdx', summary('演进的正文。', '体系的正文，修订过。'));
  commit('revise 14.1.2', {
    author: '2026-02-01T12:00:00+08:00',
    committer: '2026-03-05T20:30:00-05:00',
  });
  // A change to the frontmatter only: how the section is set up, not its words.
  write('01-summary.mdx', summary('演进的正文。', '体系的正文，修订过。', '\n# a comment'));
  commit('frontmatter only', {
    author: '2026-04-02T12:00:00+08:00',
    committer: '2026-04-02T12:00:00+08:00',
  });
});

const datesOf = (dir: string) => {
  const model = prepareChapter(dir);
  return {
    chapter: model.updated,
    modified: model.modified,
    sections: Object.fromEntries(model.sections.map((s) => [s.heading.text, s.updated])),
    missing: model.historyMissing,
  };
};

describe('dates of last change from the git history', () => {
  it('dates each section by the newest commit among its own lines, and the chapter by the newest of all its text', () => {
    expect(datesOf(content())).toEqual({
      chapter: '2026-03-06',
      // The same commit to the second, in UTC: 20:30 at UTC−5 on 5 March.
      modified: '2026-03-06T01:30:00Z',
      sections: {
        // An h2 holds its h3s: its date is theirs when they changed last.
        '14.1 技术发展总结': '2026-03-06',
        '14.1.1 推理优化技术演进': '2026-01-11',
        '14.1.2 核心技术体系': '2026-03-06',
        参考文献: '2026-01-11',
      },
      missing: undefined,
    });
  });

  it('ignores lines not yet committed: a working-tree edit is dated once it is committed, so a build never reads the clock', () => {
    write(
      '01-summary.mdx',
      summary('演进的正文，尚未提交。', '体系的正文，修订过。', '\n# a comment'),
    );
    try {
      expect(datesOf(content()).sections['14.1.1 推理优化技术演进']).toBe('2026-01-11');
      write('02-new.mdx', '---\norder: 2\n---\n\n## 14.2 新的一节\n\n尚未提交。\n');
      const dates = datesOf(content());
      expect(dates.sections['14.2 新的一节']).toBeUndefined();
      expect(dates.chapter).toBe('2026-03-06');
    } finally {
      git(repo, ['checkout', '--', '.']);
      fs.rmSync(path.join(content(), '02-new.mdx'), { force: true });
    }
  });

  it('gives no date at all from a shallow clone, whose one commit would claim every line, and says why', () => {
    const shallow = path.join(temp(), 'clone');
    git(os.tmpdir(), ['clone', '-q', '--depth', '1', `file://${repo}`, shallow]);
    expect(datesOf(path.join(shallow, 'content'))).toEqual({
      chapter: undefined,
      modified: undefined,
      sections: {
        '14.1 技术发展总结': undefined,
        '14.1.1 推理优化技术演进': undefined,
        '14.1.2 核心技术体系': undefined,
        参考文献: undefined,
      },
      missing: 'the repository is a shallow clone',
    });
  });

  it('gives no date at all without a repository (a copy or a tarball of the files), and says why', () => {
    const copy = path.join(temp(), 'content');
    fs.cpSync(content(), copy, { recursive: true });
    const dates = datesOf(copy);
    expect(dates.chapter).toBeUndefined();
    expect(Object.values(dates.sections).every((d) => d === undefined)).toBe(true);
    expect(dates.missing).toMatch(/content is not in a git repository$/);
  });
});
