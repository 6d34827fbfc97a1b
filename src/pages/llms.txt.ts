import fs from 'node:fs';
import path from 'node:path';
import type { APIRoute } from 'astro';
import { CHAPTER_SOURCE, figureCaptions, readSections } from '../build/chapter-sources.ts';
import { contentDirectory } from '../build/site-config.ts';
import { chapterMeta, withBase } from '../lib/site.ts';
import { figurePaths } from './data/_figure-paths.ts';

/**
 * llms.txt (llmstxt.org): a title, a one-paragraph summary, then lists of links. The chapter's own
 * Markdown comes first, since it is the exact text; the figure data follows as optional detail.
 */
export const GET: APIRoute = async ({ site }) => {
  const url = (p = '') => new URL(withBase(import.meta.env.BASE_URL, p), site).href;
  const hasSource = fs.existsSync(path.join(contentDirectory(), CHAPTER_SOURCE));
  const figures = await figurePaths();
  const captions = figureCaptions(readSections(contentDirectory()));
  const lines = [
    `# ${chapterMeta.title}`,
    '',
    `> ${chapterMeta.description}`,
    '',
    `《${chapterMeta.bookTitle}》第十四章的网页版。正文、表格与参考文献逐字取自本章的 Markdown 原文。`,
    '',
    '## 正文',
    '',
    ...(hasSource ? [`- [${chapterMeta.title}（Markdown 原文）](${url(CHAPTER_SOURCE)}): 全章原文，含目录、表格与参考文献`] : []),
    `- [${chapterMeta.title}（网页版）](${url()}): 同一文本的 HTML 版本，含图表、术语索引与引用格式`,
    '',
    '## Optional',
    '',
    ...figures.map(({ params }) => `- [${captions.get(params.figure) ?? params.figure}](${url(`data/${params.figure}.json`)}): 图表数据（JSON；同名 .csv 为 CSV）`),
    '',
  ];
  return new Response(lines.join('\n'), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
