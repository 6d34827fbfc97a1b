// @ts-check
import path from 'node:path';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { FACTS_FILE } from './src/chapter/facts.ts';
import { contentDirectory, scriptHash, siteSettings } from './src/integrations/site-config.ts';
import anchorRecord from './src/integrations/anchor-record.ts';
import chapterModel from './src/integrations/chapter-model.ts';
import { chapterStore } from './src/integrations/chapter-store.ts';
import epubBook from './src/integrations/epub-book.ts';
import { leanPreload } from './src/integrations/lean-preload.ts';
import offlineWorker from './src/integrations/offline-worker.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { chapterPlugins } from './src/plugins/index.ts';

const contentDir = contentDirectory();
// The chapter, read once: a content error stops the build here, naming the file, line and column.
// `astro dev` reads again what changes (src/integrations/live-chapter.ts); everything below asks
// the store for the chapter when it runs.
const chapter = chapterStore(contentDir);
const { site, base } = siteSettings(process.env, {
  site: chapter.model.facts.site,
  file: path.join(contentDir, FACTS_FILE),
});

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  // OUT_DIR lets a second build (the sub-path one the tests use) live beside dist/ with its own cache.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.OUT_DIR
    ? `./node_modules/.astro/${process.env.OUT_DIR.replace(/\W+/g, '_')}`
    : './node_modules/.astro/default',
  devToolbar: { enabled: false },
  // Scripts loaded on first use (search, citation previews, copying) are small chunks with no
  // shared dependencies worth preloading: no <link rel=modulepreload>, and no preload helper in the
  // page's first script (src/integrations/lean-preload.ts).
  vite: {
    build: { modulePreload: false },
    plugins: [leanPreload()],
    // The section files, wherever CONTENT_DIR puts them (the pages import them as @content/…).
    resolve: { alias: { '@content': contentDir } },
  },
  build: { format: 'directory', inlineStylesheets: 'never' },
  markdown: {
    // No code blocks in the chapter; Shiki's inline styles would not pass the CSP anyway.
    syntaxHighlight: false,
    processor: unified({
      // remark-gfm is in the chapter's chain and the built-in copy is switched off, so it runs exactly once.
      gfm: false,
      // Smart quotes would turn the chapter's "框架碎片化" into “框架碎片化”.
      smartypants: false,
      ...chapterPlugins(() => chapter.model),
      remarkRehype: {},
    }),
  },
  integrations: [
    chapterModel(chapter),
    mdx({ gfm: false, smartypants: false }),
    sitemap(),
    // Before the headers, which name its content type.
    epubBook(() => chapter.model, contentDir),
    securityHeaders(),
    // Before indexing: the aliases of renamed fragments are part of the page.
    anchorRecord(contentDir, { update: process.env.ANCHOR_RECORD === 'update' }),
    pagefindIndex(() => chapter.model),
    // Last: its precache list is every file the build wrote, Pagefind's included.
    offlineWorker(),
  ],
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: {
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: ['before-first-paint.js', 'date-citations.js'].map((file) =>
          scriptHash(new URL(`./src/scripts/${file}`, import.meta.url)),
        ),
      },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
