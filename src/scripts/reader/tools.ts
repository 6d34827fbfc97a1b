/** What the reader tools do once used: find the text to copy, report the outcome. */
import { pageOutdated } from '../offline.ts';
import { report } from './status.ts';

/** A copy refused because a newer build has taken over: its Markdown is not this page's. */
class PageOutdated extends Error {}

/** The text a copy control copies: a heading's full URL, a section's Markdown source, or a citation. */
export async function textFor(target: HTMLElement): Promise<string> {
  if (target instanceof HTMLAnchorElement) return new URL(target.hash, location.href).href;
  if (target.dataset.copySection !== undefined) {
    // Offsets fixed at build into the published Markdown file, which the page names as its alternate.
    const href = document.querySelector<HTMLLinkElement>(
      'link[rel="alternate"][type="text/markdown"]',
    )!.href;
    if (pageOutdated()) throw new PageOutdated();
    const response = await fetch(href);
    if (!response.ok) throw new Error(`${href}: ${response.status}`);
    return (await response.text()).slice(Number(target.dataset.start), Number(target.dataset.end));
  }
  return document.getElementById(target.dataset.copyCite!)!.textContent!;
}

/** Tells the reader how the copy went, in words that say what was copied or what to do instead. */
export async function settle(
  written: Promise<void>,
  text: Promise<string>,
  target: HTMLElement,
  status: HTMLElement,
) {
  const succeeded = (p: Promise<unknown>) =>
    p.then(
      () => true,
      () => false,
    );
  const [ok, found] = await Promise.all([succeeded(written), succeeded(text)]);
  const outdated = await text.then(
    () => false,
    (error: unknown) => error instanceof PageOutdated,
  );
  if (target instanceof HTMLAnchorElement) {
    if (!ok) return report(status, '无法复制链接，请从地址栏复制', 'error');
    target.dataset.copied = '';
    setTimeout(() => delete target.dataset.copied, 2000);
    return report(status, '已复制本节链接');
  }
  if (outdated) return report(status, '复制失败：本章已更新，请刷新后再复制', 'error');
  if (!found)
    return report(
      status,
      `复制失败：未能取得本节的 Markdown 原文${offlineNote()}，请检查网络后重试`,
      'error',
    );
  if (!ok) return report(status, '复制失败：浏览器未允许写入剪贴板，请手动选择文字复制', 'error');
  report(
    status,
    target.dataset.copySection !== undefined
      ? `已复制“${target.dataset.copySection}”的 Markdown 原文`
      : `已复制 ${target.dataset.style} 格式的引用`,
  );
}

/** Why a fetch failed, where the browser knows: it has no network at all. (Not in the page's
 * entry, which every reader loads, so each tool that says it has its own.) */
const offlineNote = () => (navigator.onLine ? '' : '（网络已断开）');
