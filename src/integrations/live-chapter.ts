import path from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import type { DevEnvironment, EnvironmentModuleNode, ErrorPayload, Plugin } from 'vite';
import { isRunnableDevEnvironment } from 'vite';
import { ContentError, type ContentProblem } from '../lib/content-error.ts';
import { isSourceFile } from '../chapter/sources.ts';
import type { ChapterStore } from './chapter-store.ts';

type Place = NonNullable<ErrorPayload['err']['loc']>;

/**
 * The error the dev overlay shows for the chapter's problems: every one in its message, and the
 * first one's place, so Astro's overlay shows the lines around it. Astro reads a place outside
 * the project as relative to it, so a content folder elsewhere (CONTENT_DIR) gets none.
 */
export function chapterProblemsError(
  problems: readonly ContentProblem[],
  root: string,
): ContentError & { loc?: Place } {
  const error = new ContentError([...problems]);
  const { file, line, column = 1 } = error.problems[0];
  const inside = path.resolve(file).startsWith(path.resolve(root) + path.sep);
  return inside && line ? Object.assign(error, { loc: { file, line, column } }) : error;
}

/**
 * The dev server's side of the chapter: watches the content folder, reads again what an author
 * changed, makes every module that used the chapter compile again (the section files, the model's
 * module and through it every page and derived form) and then reloads the open page, or shows the
 * chapter's problems over it until they are fixed. Nothing of content/ is a dependency of the
 * config, so nothing restarts.
 */
export function liveChapter(
  store: ChapterStore,
  modelModule: string,
  logger: AstroIntegrationLogger,
): Plugin {
  // Only what the model reads: an editor's swap file or anchors.txt changes nothing on the page.
  const readByModel = (file: string) =>
    path.dirname(path.resolve(file)) === store.dir && isSourceFile(file);
  // Each server environment hears of a change; the chapter is read once per change.
  let readAt: number | undefined;
  return {
    name: 'chapter-model:live',
    configureServer(server) {
      // Under the project root Vite watches it already; CONTENT_DIR may point elsewhere.
      server.watcher.add(store.dir);
    },
    hotUpdate: {
      order: 'pre',
      handler({ file, timestamp, type, server }) {
        if (!readByModel(file)) return;
        // Each environment is asked in turn; the first to ask does it all, once.
        if (readAt === timestamp) return [];
        readAt = timestamp;
        reread(store, file, logger);
        for (const environment of Object.values(server.environments))
          if (environment.name !== 'client')
            recompile(environment, store.dir, modelModule, timestamp, type !== 'update');
        // Nothing of content/ is a module of the browser's: the open page is reloaded whole.
        const client = server.environments.client.hot;
        if (store.problems.length > 0)
          client.send({
            type: 'error',
            err: errorPayload(chapterProblemsError(store.problems, server.config.root)),
          });
        else client.send({ type: 'full-reload', path: '*' });
        return [];
      },
    },
  };
}

function reread(store: ChapterStore, file: string, logger: AstroIntegrationLogger) {
  const started = performance.now();
  store.reread(file);
  const took = Math.round(performance.now() - started);
  if (store.problems.length > 0) logger.error(new ContentError([...store.problems]).message);
  else logger.info(`${path.relative(store.dir, file)} read again in ${took} ms`);
}

/**
 * Marks the section files' modules and the model's module (and so every module importing them)
 * as changed, so the next request compiles and runs them again. A file added or removed changes
 * the set of section files the pages list, so then everything is compiled again.
 */
function recompile(
  environment: DevEnvironment,
  dir: string,
  modelModule: string,
  timestamp: number,
  filesChanged: boolean,
) {
  const graph = environment.moduleGraph;
  if (filesChanged) graph.invalidateAll();
  const changed = [...graph.idToModuleMap.values()].filter(
    (m) => m.id === modelModule || (m.file?.startsWith(dir + path.sep) ?? false),
  );
  const invalidated = new Set<EnvironmentModuleNode>();
  for (const mod of changed) graph.invalidateModule(mod, invalidated, timestamp, true);
  // Compiled again now, while the browser is still asked to reload, not once it asks.
  for (const mod of changed) if (mod.file) void environment.warmupRequest(mod.url);
  // The module runner keeps what it evaluated apart from the graph: forget those too.
  if (!isRunnableDevEnvironment(environment)) return;
  const evaluated = environment.runner.evaluatedModules;
  for (const mod of filesChanged ? graph.idToModuleMap.values() : invalidated) {
    const ran = mod.id ? evaluated.getModuleById(mod.id) : undefined;
    if (ran) evaluated.invalidateModule(ran);
  }
}

/** What Vite's client needs of an error to draw its overlay. */
function errorPayload(error: ContentError & { loc?: Place }): ErrorPayload['err'] {
  const { name, message, stack = '', loc } = error;
  return { name, message, stack, ...(loc ? { loc } : {}) };
}
