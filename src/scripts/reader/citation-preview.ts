/**
 * Citation previews: hovering, focusing or tapping a citation shows its reference entry in a
 * popover placed right after the citation, so Tab moves from the citation into the reference's
 * links and on. Esc closes it and leaves focus on the citation; the citation stays a plain link.
 */
const SHOW_DELAY = 120;
const HIDE_DELAY = 300;

/**
 * `pointerType` is the kind of the pointer last pressed before this module loaded: the tap that
 * loaded it may still be under way, and its click must be read as a tap.
 */
export function startCitationPreview(first: HTMLAnchorElement, pointerType: string) {
  const popover = document.createElement('div');
  popover.id = 'citation-preview';
  popover.className = 'citation-preview';
  popover.popover = 'manual';
  popover.dataset.pagefindIgnore = 'all';
  let current: HTMLAnchorElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastPointer = pointerType;
  // Whether the tap in progress began on the citation already previewed (then it follows the link).
  let tapOnOpen = false;
  // Focus given back to a citation when its preview closes must not reopen it.
  let quiet: HTMLAnchorElement | undefined;

  const isOpen = () => popover.matches(':popover-open');
  const citationOf = (event: Event) => (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a.citation');

  function show(link: HTMLAnchorElement) {
    clearTimeout(timer);
    if (current === link && isOpen()) return;
    const entry = document.getElementById(link.hash.slice(1));
    if (!entry) return;
    hide();
    fill(popover, entry, link);
    link.after(popover);
    link.classList.add('citation-anchor');
    link.setAttribute('aria-describedby', popover.id);
    current = link;
    popover.showPopover();
  }

  function hide() {
    clearTimeout(timer);
    if (isOpen()) popover.hidePopover();
    current?.classList.remove('citation-anchor');
    current?.removeAttribute('aria-describedby');
    current = undefined;
  }

  const later = (fn: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };

  document.addEventListener('pointerdown', (event) => {
    lastPointer = event.pointerType;
    tapOnOpen = isOpen() && citationOf(event) === current;
    const inside = (event.target as Element).closest?.('.citation-preview, a.citation');
    if (!inside && isOpen()) hide();
  }, { passive: true });

  document.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch') return;
    const link = citationOf(event);
    if (link) return later(() => show(link), SHOW_DELAY);
    // The pointer may travel from the citation onto the preview (WCAG 1.4.13: hoverable).
    if ((event.target as Element).closest?.('.citation-preview')) return clearTimeout(timer);
    if (current && !popover.contains(document.activeElement) && document.activeElement !== current) later(hide, HIDE_DELAY);
  });

  document.addEventListener('focusin', (event) => {
    const link = citationOf(event);
    if (link && link === quiet) return void (quiet = undefined);
    if (link) return show(link);
    if (!popover.contains(event.target as Node)) hide();
  });

  document.addEventListener('click', (event) => {
    const link = citationOf(event);
    if (!link || event.button !== 0) return;
    if (lastPointer === 'touch' && !tapOnOpen) {
      // First tap previews; a second tap on the same citation follows the link.
      event.preventDefault();
      show(link);
      return;
    }
    hide();
  });

  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !isOpen()) return;
    const link = current;
    hide();
    if (link && popover.contains(document.activeElement)) {
      quiet = link;
      link.focus();
    }
    event.stopPropagation();
  });

  show(first);
}

/** The reference entry as the reference list shows it, without its list of back-links. */
function fill(popover: HTMLElement, entry: HTMLElement, link: HTMLAnchorElement) {
  const copy = entry.cloneNode(true) as HTMLElement;
  copy.removeAttribute('id');
  copy.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
  copy.querySelector('.backrefs')?.remove();
  // The space that separated the entry from its back-links would now end it.
  if (copy.lastChild?.nodeType === Node.TEXT_NODE) copy.lastChild.textContent = copy.lastChild.textContent!.trimEnd();
  copy.className = 'citation-preview-text';
  const more = document.createElement('a');
  more.href = link.hash;
  more.className = 'citation-preview-more';
  more.textContent = `在参考文献中查看 [${link.dataset.ref}]`;
  popover.replaceChildren(copy, more);
}
