import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ContentError } from '../build/content-error.ts';
import { addAliases, pageFragments } from '../build/page-fragments.ts';
import { changedProblem, checkRecord, formatRecord, parseRecord } from '../lib/anchors.ts';

/** The record of published fragments, next to the section files. */
export const ANCHOR_RECORD = 'anchors.txt';

/**
 * Keeps the promise of every published fragment once the page is built: each id in the record
 * must still be on the page, be an alias of one that is (the alias is then added to the page),
 * or be marked removed with a reason; otherwise the build fails naming the line and the fix.
 * A recorded id that now points to something else fails too: accepting that is a change of the
 * record. With `update` (`npm run anchors`), the page's new fragments are added to the record and
 * what changed fragments point to is rewritten; no line is ever dropped.
 */
export default function anchorRecord(contentDir: string, { update = false } = {}): AstroIntegration {
  return {
    name: 'anchor-record',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const file = path.join(contentDir, ANCHOR_RECORD);
        if (!fs.existsSync(file)) {
          logger.info(`no ${ANCHOR_RECORD} in ${path.relative(process.cwd(), contentDir) || '.'}: the page's fragments are not checked`);
          return;
        }
        const page = path.join(fileURLToPath(dir), 'index.html');
        const html = fs.readFileSync(page, 'utf8');
        const record = parseRecord(fs.readFileSync(file, 'utf8'));
        const checked = checkRecord(record.lines, pageFragments(html));
        const problems = [...record.problems, ...checked.problems, ...(update ? [] : checked.changed.map(changedProblem))];
        if (problems.length > 0) throw new ContentError(problems.map((p) => ({ file, ...p })));
        fs.writeFileSync(page, addAliases(html, checked.aliases));
        if (update) {
          fs.writeFileSync(file, formatRecord(record.lines, checked.unrecorded, checked.changed));
          logger.info(`${checked.unrecorded.length} new fragment(s) recorded in ${path.relative(process.cwd(), file)}${checked.changed.length ? `, ${checked.changed.length} now pointing elsewhere updated` : ''}`);
        } else if (checked.unrecorded.length > 0) {
          logger.warn(`${checked.unrecorded.length} fragment(s) of the page are not in ${ANCHOR_RECORD} yet (${checked.unrecorded.map((f) => f.id).join(', ')}): run npm run anchors to record them`);
        }
      },
    },
  };
}
