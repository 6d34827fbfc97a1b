import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { ChapterStore } from './chapter-store.ts';
import { chapterProblemsError, liveChapter } from './live-chapter.ts';

/** The module through which pages and components get the chapter model. */
export const CHAPTER_MODULE = 'virtual:chapter-model';
/** The module's id once resolved: the leading NUL keeps other plugins off it, as Vite asks. */
export const RESOLVED_CHAPTER_MODULE = '\0' + CHAPTER_MODULE;

/**
 * Hands the chapter model to pages and components as a module of plain data, so no page reads
 * or parses the section files again. In `astro dev` the content folder is watched instead of
 * being a dependency of the config: an edit is read again, and the open page follows it or
 * shows what is wrong (see live-chapter.ts), without restarting the server.
 */
export default function chapterModel(store: ChapterStore): AstroIntegration {
  return {
    name: 'chapter-model',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        // Said once, so a build from a tarball or a shallow clone explains why it shows no dates.
        if (store.model.historyMissing)
          logger.warn(
            `Dates of last change left out: ${store.model.historyMissing}; they are read from the chapter's git history.`,
          );
        const plugins = [chapterModule(store)];
        if (command === 'dev') plugins.push(liveChapter(store, RESOLVED_CHAPTER_MODULE, logger));
        updateConfig({ vite: { plugins } });
      },
    },
  };
}

/** `virtual:chapter-model`: the chapter as the store has it, or its problems, thrown to the dev overlay. */
function chapterModule(store: ChapterStore): Plugin {
  return {
    name: 'chapter-model',
    resolveId: (id) => (id === CHAPTER_MODULE ? RESOLVED_CHAPTER_MODULE : undefined),
    load(id) {
      if (id !== RESOLVED_CHAPTER_MODULE) return undefined;
      if (store.problems.length > 0)
        throw chapterProblemsError(store.problems, this.environment.config.root);
      return `export default ${JSON.stringify(store.model)};`;
    },
  };
}
