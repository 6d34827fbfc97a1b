import type { Plugin } from 'vite';

const HELPER = '\0vite/preload-helper.js';

/**
 * Vite wraps every `import()` of client code in a helper that preloads the imported chunk's own
 * imports and CSS, and ships that helper (about 0.7 KB gzip) in the page's first script even when
 * there is nothing to preload. The scripts this site loads on first use import nothing but
 * themselves, so the helper is the import itself. Should a chunk ever gain something to preload,
 * Vite writes a dependency map into the chunk that imports it, and the build stops here rather
 * than ship a page whose lazy scripts miss what they need.
 */
export function leanPreload(): Plugin {
  return {
    name: 'lean-preload-helper',
    apply: 'build',
    enforce: 'pre',
    resolveId(id) {
      return id === HELPER ? id : undefined;
    },
    load(id) {
      return id === HELPER ? 'export const __vitePreload = (load) => load();' : undefined;
    },
    generateBundle: {
      order: 'post',
      handler(_, bundle) {
        for (const chunk of Object.values(bundle))
          if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps'))
            this.error(
              `${chunk.fileName} loads a script on first use that has its own imports or CSS to preload; ` +
                'the page ships no preload helper (src/integrations/lean-preload.ts): import them statically into that script instead',
            );
      },
    },
  };
}
