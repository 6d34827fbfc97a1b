import type { CitableWork } from './cite.ts';

/** Facts about the chapter used in page metadata and citation formats. */
export const chapterMeta = {
  bookTitle: 'AI 推理优化技术',
  description:
    'AI 推理优化技术综述第十四章：回顾推理优化技术的演进与成熟度，分析硬件、软件与服务化生态，展望 2025—2030 年的技术趋势、风险与行动计划。',
  lang: 'zh-CN',
} as const;

/** Joins the configured base path and a path inside the site, without doubling slashes. */
export function withBase(base: string, path = ''): string {
  return (base.replace(/\/+$/, '') + '/' + path.replace(/^\/+/, '')).replace(/\/{2,}/g, '/');
}

/** The chapter as a work to cite. Its authors and date of publication are not known, so none are given. */
export function citableChapter(title: string, canonicalUrl: string): CitableWork {
  return { title, containerTitle: chapterMeta.bookTitle, authors: [], url: canonicalUrl, lang: chapterMeta.lang };
}
