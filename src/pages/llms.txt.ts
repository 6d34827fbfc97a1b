import type { APIRoute } from 'astro';
import chapter from 'virtual:chapter-model';
import { displayName, pageDescription, withBase } from '../lib/site.ts';

/**
 * llms.txt (llmstxt.org): a title, a one-paragraph summary, then lists of links. The chapter's own
 * Markdown comes first, since it is the exact text; the figure data follows as optional detail.
 * The facts said about the chapter are those the facts file states, and its last change.
 */
export const GET: APIRoute = ({ site }) => {
  const url = (p = '') => new URL(withBase(import.meta.env.BASE_URL, p), site).href;
  const { facts, updated } = chapter;
  const known = [
    facts.authors && `作者：${facts.authors.map(displayName).join('、')}。`,
    facts.published && `出版日期：${facts.published}。`,
    updated && `最后更新：${updated}。`,
    facts.license && `许可：${facts.license}。`,
  ].filter(Boolean);
  const lines = [
    `# ${chapter.title}`,
    '',
    `> ${pageDescription(facts, chapter.opening)}`,
    '',
    `${facts.partOf ? `《${facts.partOf}》中` : ''}「${chapter.title}」一章的网页版。正文、表格与参考文献逐字取自本章的 Markdown 原文。${known.join('')}`,
    '',
    '## 正文',
    '',
    `- [${chapter.title}（Markdown 原文）](${url(chapter.markdownFile)}): 全章原文，含目录、表格与参考文献`,
    `- [${chapter.title}（网页版）](${url()}): 同一文本的 HTML 版本，含图表、术语索引与引用格式`,
    `- [${chapter.title}（EPUB 电子书）](${url(chapter.epubFile)}): 同一文本的 EPUB 3 版本，含目录、参考文献与术语索引`,
    '',
    '## Optional',
    '',
    ...chapter.figures.map(
      (f) => `- [${f.caption}](${url(`data/${f.name}.json`)}): 图表数据（JSON；同名 .csv 为 CSV）`,
    ),
    '',
  ];
  return new Response(lines.join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
