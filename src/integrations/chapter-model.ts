import fs from 'node:fs';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { ChapterModel } from '../chapter/model.ts';

/** The module through which pages and components get the chapter model. */
export const CHAPTER_MODULE = 'virtual:chapter-model';

/**
 * Hands the chapter model, read once when the config loads, to pages and components as a
 * module of plain data, so no page reads or parses the section files again. In `astro dev` an
 * edit to a content file reloads the config, which reads the chapter afresh.
 */
export default function chapterModel(model: ChapterModel, contentDir: string): AstroIntegration {
  const resolved = '\0' + CHAPTER_MODULE;
  return {
    name: 'chapter-model',
    hooks: {
      'astro:config:setup': ({ updateConfig, addWatchFile, logger }) => {
        // Said once, so a build from a tarball or a shallow clone explains why it shows no dates.
        if (model.historyMissing)
          logger.warn(
            `Dates of last change left out: ${model.historyMissing}; they are read from the chapter's git history.`,
          );
        for (const f of fs.readdirSync(contentDir)) addWatchFile(path.join(contentDir, f));
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'chapter-model',
                resolveId: (id: string) => (id === CHAPTER_MODULE ? resolved : undefined),
                load: (id: string) =>
                  id === resolved ? `export default ${JSON.stringify(model)};` : undefined,
              },
            ],
          },
        });
      },
    },
  };
}
