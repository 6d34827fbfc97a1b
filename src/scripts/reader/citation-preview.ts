/**
 * Citation previews: hovering, focusing or tapping a citation shows its reference entry in a
 * popover placed right after the citation (after the last of `[1,3]`), so Tab moves from the
 * citation into the references' links and on. Esc closes it and leaves focus on the citation;
 * the citation stays a plain link.
 */
const SHOW_DELAY = 120;
const HIDE_DELAY = 300;

/**
 * `first` is the citation that asked for the preview, if it is to be shown at once. `pointerType`
 * is the kind of the pointer last pressed before this module loaded: the tap that loaded it may
 * still be under way, and its click must be read as a tap.
 */
export function startCitationPreview(first: HTMLAnchorElement | undefined, pointerType: string) {
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
  // A preview outlives its citation only while the reader is in it: once the citation has scrolled
  // away, a sheet along the bottom edge would go on covering the text for nothing.
  const away = new IntersectionObserver((entries) => {
    if (entries.some((e) => !e.isIntersecting) && !popover.contains(document.activeElement)) hide();
  });
  const citationOf = (event: Event) =>
    (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a.citation');

  function show(link: HTMLAnchorElement) {
    clearTimeout(timer);
    if (current === link && isOpen()) return;
    const group = groupOf(link);
    if (current && isOpen() && group.includes(current)) {
      // Moving within `[1,3]` keeps the preview of both; only its anchor follows. It is shown
      // afresh because Chromium places an open popover against a new anchor only at the next
      // frame, and a Tab into it before then scrolls the page thousands of pixels away. (Not while
      // focus is inside it: hiding would drop that focus, and the pointer is no quicker than a frame.)
      if (!popover.contains(document.activeElement)) popover.hidePopover();
    } else {
      const entries = group.map((l) => document.getElementById(l.hash.slice(1)));
      if (entries.some((e) => !e)) return;
      hide();
      fill(popover, group, entries as HTMLElement[]);
      group.at(-1)!.after(popover);
    }
    anchorTo(link);
    // Beside this citation first; the sheet only if that placement does not work out.
    delete popover.dataset.sheet;
    if (!isOpen()) popover.showPopover();
    uncover(link, popover);
    checkPlacement(link);
  }

  /**
   * Where the engine placed the preview beside its citation is known only once it has been drawn
   * (Chromium applies the page's scroll to an anchored position a frame late). If that placement
   * is off screen or under the sticky header (WebKit, after the page has scrolled, keeps a
   * placement that no longer fits), the preview becomes the sheet along the bottom edge.
   */
  function checkPlacement(link: HTMLAnchorElement) {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (
          current !== link ||
          !isOpen() ||
          popover.dataset.sheet !== undefined ||
          !misplaced(popover)
        )
          return;
        popover.dataset.sheet = '';
        uncover(link, popover);
      }),
    );
  }

  /** The citation the preview explains no longer is one: its anchor, description and watch go. */
  function release() {
    current?.classList.remove('citation-anchor');
    current?.removeAttribute('aria-describedby');
    current = undefined;
    away.disconnect();
  }

  function anchorTo(link: HTMLAnchorElement) {
    release();
    link.classList.add('citation-anchor');
    link.setAttribute('aria-describedby', popover.id);
    current = link;
    away.observe(link);
  }

  function hide() {
    clearTimeout(timer);
    if (isOpen()) popover.hidePopover();
    release();
  }

  const later = (fn: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };

  document.addEventListener(
    'pointerdown',
    (event) => {
      lastPointer = event.pointerType;
      tapOnOpen = isOpen() && citationOf(event) === current;
      const inside = (event.target as Element).closest?.('.citation-preview, a.citation');
      if (!inside && isOpen()) hide();
    },
    { passive: true },
  );

  document.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch') return;
    const link = citationOf(event);
    if (link) return later(() => show(link), SHOW_DELAY);
    // The pointer may travel from the citation onto the preview (WCAG 1.4.13: hoverable).
    if ((event.target as Element).closest?.('.citation-preview')) return clearTimeout(timer);
    if (current && !popover.contains(document.activeElement) && document.activeElement !== current)
      later(hide, HIDE_DELAY);
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

  if (first) show(first);
}

/** Whether the preview sticks out of the window or lies under the page's sticky header. */
function misplaced(preview: HTMLElement): boolean {
  const at = preview.getBoundingClientRect();
  const { clientWidth, clientHeight } = document.documentElement;
  const headerBottom = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  return at.top < headerBottom || at.left < 0 || at.right > clientWidth || at.bottom > clientHeight;
}

/**
 * As a sheet along the bottom edge (phones), the preview may cover the very citation it explains:
 * the page then moves up just enough to show it above the sheet. Beside the citation it never
 * does by design; where it has no room either way the browser slides it over, and scrolling
 * then would only send the citation away from its preview.
 */
function uncover(link: HTMLElement, sheet: HTMLElement) {
  // The stylesheet decides the layout (a narrow screen, or no anchor positioning): placed beside
  // the citation it has a position area; as a sheet it has none.
  if (!['', 'none'].includes(getComputedStyle(sheet).getPropertyValue('position-area'))) return;
  const [at, over] = [link.getBoundingClientRect(), sheet.getBoundingClientRect()];
  const covered = at.bottom > over.top && at.top < over.bottom;
  if (covered && over.top > 2 * at.height)
    window.scrollBy({ top: at.bottom - over.top + at.height, behavior: 'instant' });
}

/**
 * The citations written together with this one, `[1,3]` → both links: the preview explains the
 * whole bracket. The preview itself may sit among them and is stepped over.
 */
function groupOf(link: HTMLAnchorElement): HTMLAnchorElement[] {
  const isCitation = (n: Node | null): n is HTMLAnchorElement =>
    n instanceof HTMLAnchorElement && n.classList.contains('citation');
  const skip = (n: Node | null, step: (n: Node) => Node | null) =>
    n instanceof HTMLElement && n.id === 'citation-preview' ? step(n) : n;
  const walk = (step: (n: Node) => Node | null) => {
    const found: HTMLAnchorElement[] = [];
    for (let at: Node = link; ;) {
      const comma = skip(step(at), step);
      if (!comma || comma.nodeType !== Node.TEXT_NODE || !/^\s*,\s*$/.test(comma.textContent!))
        return found;
      const next = skip(step(comma), step);
      if (!isCitation(next)) return found;
      found.push(next);
      at = next;
    }
  };
  return [...walk((n) => n.previousSibling).reverse(), link, ...walk((n) => n.nextSibling)];
}

/** Each reference entry as the reference list shows it, without its list of back-links. */
function fill(popover: HTMLElement, links: HTMLAnchorElement[], entries: HTMLElement[]) {
  popover.replaceChildren(
    ...entries.flatMap((entry, i) => {
      const copy = entry.cloneNode(true) as HTMLElement;
      copy.removeAttribute('id');
      copy.querySelectorAll('[id]').forEach((el) => el.removeAttribute('id'));
      copy.querySelector('.backrefs')?.remove();
      // The space that separated the entry from its back-links would now end it.
      if (copy.lastChild?.nodeType === Node.TEXT_NODE)
        copy.lastChild.textContent = copy.lastChild.textContent!.trimEnd();
      copy.className = 'citation-preview-text';
      const more = document.createElement('a');
      more.href = links[i].hash;
      more.className = 'citation-preview-more';
      more.textContent = `在参考文献中查看 [${links[i].dataset.ref}]`;
      return [copy, more];
    }),
  );
}
