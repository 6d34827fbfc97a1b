import { copyHeadingLink } from './heading-links.ts';
import { copyText, report } from './status.ts';

/**
 * One set of document-level listeners for the reader tools. Only what must answer at once lives
 * here; the citation preview loads on the first hover, focus or tap of a citation.
 */
export function startReaderActions(status: HTMLElement) {
  fillAccessDates();

  document.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target as Element | null;
    const headingLink = target?.closest<HTMLAnchorElement>('a.anchor-link');
    if (headingLink) return void copyHeadingLink(headingLink, status);
    const sectionButton = target?.closest<HTMLButtonElement>('button[data-copy-section]');
    if (sectionButton) return void copyWithReport(status, sectionMarkdown(sectionButton), `已复制“${sectionButton.dataset.copySection}”的 Markdown 原文`);
    const citeButton = target?.closest<HTMLButtonElement>('button[data-copy-cite]');
    if (citeButton) {
      const source = document.getElementById(citeButton.dataset.copyCite!);
      return void copyWithReport(status, source?.textContent ?? '', `已复制 ${citeButton.dataset.style} 格式的引用`);
    }
  });

  let loading = false;
  let ready = false;
  let lastPointer = '';
  const wake = (event: Event) => {
    const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a.citation');
    if (!link || (event.type === 'pointerover' && (event as PointerEvent).pointerType === 'touch')) return;
    // Until the preview has loaded, a tap on a citation must not jump away: the preview opens instead.
    if (event.type === 'click' && lastPointer === 'touch' && !ready) event.preventDefault();
    if (loading) return;
    loading = true;
    void import('./citation-preview.ts').then((m) => {
      m.startCitationPreview(link);
      ready = true;
      for (const type of ['pointerover', 'focusin', 'click'] as const) document.removeEventListener(type, wake, true);
    });
  };
  document.addEventListener('pointerdown', (event) => (lastPointer = event.pointerType), { capture: true, passive: true });
  for (const type of ['pointerover', 'focusin', 'click'] as const) document.addEventListener(type, wake, true);
}

async function copyWithReport(status: HTMLElement, text: string | Promise<string>, done: string) {
  const ok = await copyText(text);
  report(status, ok ? done : '复制失败：浏览器未允许写入剪贴板，请手动选择文字复制', ok ? 'ok' : 'error');
}

/** The section's exact source text: a slice of the chapter's Markdown file, by offsets fixed at build. */
async function sectionMarkdown(button: HTMLButtonElement): Promise<string> {
  const href = document.querySelector<HTMLLinkElement>('link[rel="alternate"][type="text/markdown"]')!.href;
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href}: ${response.status}`);
  const source = await response.text();
  return source.slice(Number(button.dataset.start), Number(button.dataset.end));
}

/** Citation formats are built with placeholders for the access date; today's date replaces them here. */
function fillAccessDates() {
  const today = new Date();
  const iso = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const english = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric' }).format(today);
  for (const slot of document.querySelectorAll<HTMLElement>('[data-accessed]')) {
    slot.textContent = slot.dataset.accessed === 'en' ? english : iso;
  }
}
