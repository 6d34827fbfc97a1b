/**
 * Copy-link anchors: a click still follows the link (the URL gains the fragment, the heading is
 * marked by :target) and also copies the full URL, reported in a polite live region.
 */
export function enhanceHeadingLinks(status: HTMLElement) {
  document.addEventListener('click', async (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.anchor-link');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const url = new URL(link.hash, location.href).href;
    try {
      await navigator.clipboard.writeText(url);
      link.dataset.copied = '';
      status.textContent = '已复制本节链接';
      setTimeout(() => delete link.dataset.copied, 2000);
    } catch {
      status.textContent = '无法复制链接，请从地址栏复制';
    }
  });
}
