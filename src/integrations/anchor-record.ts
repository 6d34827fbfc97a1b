import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { ContentError } from '../lib/content-error.ts';
import { addAliases, siteFragments } from './page-fragments.ts';
import {
  changedProblem,
  checkRecord,
  formatRecord,
  parseRecord,
  splitKey,
} from '../lib/anchors.ts';

/** The record of published fragments, next to the section files. */
export const ANCHOR_RECORD = 'anchors.txt';

/**
 * Keeps the promise of every published fragment once the site is built: each key in the record
 * (an id of the chapter's page, or `path/#id` on another page) must still be on its page, be an alias of one that is (the alias is then added to the page),
 * or be marked removed with a reason; otherwise the build fails naming the line and the fix.
 * A recorded id that now points to something else fails too: accepting that is a change of the
 * record. With `update` (`npm run anchors`), the page's new fragments are added to the record and
 * what changed fragments point to is rewritten; no line is ever dropped.
 */
export default function anchorRecord(
  contentDir: string,
  { update = false } = {},
): AstroIntegration {
  return {
    name: 'anchor-record',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const file = path.join(contentDir, ANCHOR_RECORD);
        if (!fs.existsSync(file)) {
          logger.info(
            `no ${ANCHOR_RECORD} in ${path.relative(process.cwd(), contentDir) || '.'}: the page's fragments are not checked`,
          );
          return;
        }
        const { pages, fragments } = siteFragments(fileURLToPath(dir));
        const record = parseRecord(fs.readFileSync(file, 'utf8'));
        const checked = checkRecord(record.lines, fragments);
        const problems = [
          ...record.problems,
          ...checked.problems,
          ...(update ? [] : checked.changed.map(changedProblem)),
        ];
        if (problems.length > 0) throw new ContentError(problems.map((p) => ({ file, ...p })));
        for (const p of pages) {
          const aliases = checked.aliases
            .filter((a) => splitKey(a.from).page === p.prefix)
            .map((a) => ({ from: splitKey(a.from).id, to: splitKey(a.to).id }));
          if (aliases.length > 0) fs.writeFileSync(p.file, addAliases(p, aliases));
        }
        if (update) {
          fs.writeFileSync(file, formatRecord(record.lines, checked.unrecorded, checked.changed));
          logger.info(
            `${checked.unrecorded.length} new fragment(s) recorded in ${path.relative(process.cwd(), file)}${checked.changed.length ? `, ${checked.changed.length} now pointing elsewhere updated` : ''}`,
          );
        } else if (checked.unrecorded.length > 0) {
          const named =
            checked.unrecorded
              .slice(0, 8)
              .map((f) => f.id)
              .join(', ') + (checked.unrecorded.length > 8 ? ', …' : '');
          logger.warn(
            `${checked.unrecorded.length} fragment(s) of the site are not in ${ANCHOR_RECORD} yet (${named}): run npm run anchors to record them`,
          );
        }
      },
    },
  };
}
