import { readerStatus, report } from '../reader/status.ts';

/**
 * Opens search from the header button or Ctrl+K / ⌘+K (no single-key shortcut: WCAG 2.1.4).
 * The dialog module, its styles and Pagefind are imported only then.
 */
class SearchLauncher extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('button[data-search-open]')!;
    const kbd = this.querySelector('.search-kbd');
    if (kbd && /Mac|iPhone|iPad/.test(navigator.platform)) kbd.textContent = '⌘ K';
    button.hidden = false;
    // Keys typed while the dialog module loads are kept and handed over, not lost.
    let typed: string | undefined;
    addEventListener(
      'keydown',
      (e) => {
        if (typed !== undefined && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
          typed += e.key;
          e.preventDefault();
        }
      },
      true,
    );
    const open = () => {
      typed ??= '';
      return import('./dialog.ts').then(
        (m) => {
          m.openSearch(button, typed);
          typed = undefined;
        },
        // Without its module there is no dialog to speak in: the page's status says it.
        () => {
          typed = undefined;
          report(readerStatus(), '搜索暂不可用：未能加载搜索，请检查网络后重试', 'error');
        },
      );
    };
    button.addEventListener('click', open);
    addEventListener('keydown', (event) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open();
      }
    });
  }
}

export function defineSearchLauncher() {
  if (!customElements.get('search-launcher'))
    customElements.define('search-launcher', SearchLauncher);
}
