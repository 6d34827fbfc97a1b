import { copyText, report } from './status.ts';

/**
 * A click on a heading's copy-link still follows the link (the URL gains the fragment, the
 * heading is marked by :target) and also copies the full URL.
 */
export async function copyHeadingLink(link: HTMLAnchorElement, status: HTMLElement) {
  const url = new URL(link.hash, location.href).href;
  if (await copyText(url)) {
    link.dataset.copied = '';
    report(status, '已复制本节链接');
    setTimeout(() => delete link.dataset.copied, 2000);
  } else {
    report(status, '无法复制链接，请从地址栏复制', 'error');
  }
}
