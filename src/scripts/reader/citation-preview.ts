/**
 * Citation previews: hovering, focusing or tapping a citation shows its reference entry in a
 * popover placed right after the citation (after the last of `[1,3]`), so Tab moves from the
 * citation into the references' links and on. Esc closes it and leaves focus on the citation;
 * the citation stays a plain link.
 */
import { isFirstTap } from './first-tap.ts';

const SHOW_DELAY = 120;
const HIDE_DELAY = 300;

/** The events the preview follows, all on the document. */
const PREVIEW_EVENTS = ['pointerdown', 'pointerover', 'focusin', 'click', 'keydown'] as const;

const citationOf = (event: Event) =>
  (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a.citation') ?? undefined;

/**
 * The page's one preview and everything the reader's pointer, finger, keys and focus do to it.
 * It is closed, or open for one citation (`current`), placed beside it or, where that does not
 * work out, as a sheet along the bottom edge. A mouse previews by hovering, a keyboard by
 * focusing; a finger previews with a first tap and follows the link with a second.
 */
export class CitationPreview {
  readonly popover = document.createElement('div');
  private current: HTMLAnchorElement | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The kind of pointer last pressed: a click is read as a tap when it is a finger's. */
  private pointer: string;
  /** Whether the tap under way began on the citation already previewed (then it follows the link). */
  private tapOnOpen = false;
  /** Focus given back to a citation when its preview closes must not reopen it. */
  private quiet: HTMLAnchorElement | undefined;
  /**
   * A preview outlives its citation only while the reader is in it: once the citation has
   * scrolled away, a sheet along the bottom edge would go on covering the text for nothing.
   */
  private readonly away = new IntersectionObserver((entries) => {
    if (entries.some((e) => !e.isIntersecting) && !this.holdsFocus()) this.hide();
  });

  /**
   * Starts the previews once their script has loaded. `pointer` is the kind of pointer last
   * pressed before, and `missed` what the reader did while it loaded, in order: the gesture that
   * loaded it may still be under way.
   */
  static start(pointer: string, missed: readonly Event[]): CitationPreview {
    const preview = new CitationPreview(pointer);
    for (const type of PREVIEW_EVENTS)
      document.addEventListener(type, preview, type === 'pointerdown' ? { passive: true } : {});
    for (const event of missed) preview.handleEvent(event);
    return preview;
  }

  private constructor(pointer: string) {
    this.pointer = pointer;
    Object.assign(this.popover, { id: 'citation-preview', className: 'citation-preview' });
    this.popover.popover = 'manual';
    this.popover.dataset.pagefindIgnore = 'all';
  }

  handleEvent(event: Event) {
    if (event.type === 'pointerdown') this.pointerDown(event as PointerEvent);
    else if (event.type === 'pointerover') this.pointerOver(event as PointerEvent);
    else if (event.type === 'focusin') this.focusIn(event);
    else if (event.type === 'click') this.click(event as MouseEvent);
    else if (event.type === 'keydown') this.keyDown(event as KeyboardEvent);
  }

  private isOpen = () => this.popover.matches(':popover-open');
  private holdsFocus = () => this.popover.contains(document.activeElement);

  private pointerDown(event: PointerEvent) {
    this.pointer = event.pointerType;
    this.tapOnOpen = this.isOpen() && citationOf(event) === this.current;
    const inside = (event.target as Element).closest?.('.citation-preview, a.citation');
    if (!inside && this.isOpen()) this.hide();
  }

  private pointerOver(event: PointerEvent) {
    // A finger does not hover: what it means is said by its tap.
    if (event.pointerType === 'touch') return;
    const link = citationOf(event);
    if (link) return this.later(() => this.show(link), SHOW_DELAY);
    // The pointer may travel from the citation onto the preview (WCAG 1.4.13: hoverable).
    if ((event.target as Element).closest?.('.citation-preview')) return clearTimeout(this.timer);
    if (this.current && !this.holdsFocus() && document.activeElement !== this.current)
      this.later(() => this.hide(), HIDE_DELAY);
  }

  private focusIn(event: Event) {
    const link = citationOf(event);
    if (link && link === this.quiet) return void (this.quiet = undefined);
    if (link) return this.show(link);
    if (!this.popover.contains(event.target as Node)) this.hide();
  }

  /** A click on a citation: a first tap previews; anything else follows the link. */
  private click(event: MouseEvent) {
    const link = citationOf(event);
    if (!link || event.button !== 0) return;
    if (isFirstTap(event, this.pointer, this.tapOnOpen)) {
      event.preventDefault();
      this.show(link);
    } else this.hide();
  }

  private keyDown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !this.isOpen()) return;
    const link = this.current;
    this.hide();
    if (link && this.holdsFocus()) {
      this.quiet = link;
      link.focus();
    }
    event.stopPropagation();
  }

  private later(fn: () => void, ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(fn, ms);
  }

  show(link: HTMLAnchorElement) {
    clearTimeout(this.timer);
    if (this.current === link && this.isOpen()) return;
    const group = groupOf(link);
    if (this.current && this.isOpen() && group.includes(this.current)) {
      // Moving within `[1,3]` keeps the preview of both; only its anchor follows. It is shown
      // afresh because Chromium places an open popover against a new anchor only at the next
      // frame, and a Tab into it before then scrolls the page thousands of pixels away. (Not while
      // focus is inside it: hiding would drop that focus, and the pointer is no quicker than a frame.)
      if (!this.holdsFocus()) this.popover.hidePopover();
    } else {
      const entries = group.map((l) => document.getElementById(l.hash.slice(1)));
      if (entries.some((e) => !e)) return;
      this.hide();
      fill(this.popover, group, entries as HTMLElement[]);
      group.at(-1)!.after(this.popover);
    }
    this.anchorTo(link);
    // Beside this citation first; the sheet only if that placement does not work out.
    delete this.popover.dataset.sheet;
    if (!this.isOpen()) this.popover.showPopover();
    uncover(link, this.popover);
    this.checkPlacement(link);
  }

  hide() {
    clearTimeout(this.timer);
    if (this.isOpen()) this.popover.hidePopover();
    this.release();
  }

  /**
   * Where the engine placed the preview beside its citation is known only once it has been drawn
   * (Chromium applies the page's scroll to an anchored position a frame late). If that placement
   * is off screen or under the sticky header (WebKit, after the page has scrolled, keeps a
   * placement that no longer fits), the preview becomes the sheet along the bottom edge.
   */
  private checkPlacement(link: HTMLAnchorElement) {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        if (this.current !== link || !this.isOpen() || this.popover.dataset.sheet !== undefined)
          return;
        if (!misplaced(this.popover)) return;
        this.popover.dataset.sheet = '';
        uncover(link, this.popover);
      }),
    );
  }

  private anchorTo(link: HTMLAnchorElement) {
    this.release();
    link.classList.add('citation-anchor');
    link.setAttribute('aria-describedby', this.popover.id);
    this.current = link;
    this.away.observe(link);
  }

  /** The citation the preview explains no longer is one: its anchor, description and watch go. */
  private release() {
    this.current?.classList.remove('citation-anchor');
    this.current?.removeAttribute('aria-describedby');
    this.current = undefined;
    this.away.disconnect();
  }
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
