/*
 * The reader's place holds still while the page lays out what it had put off.
 *
 * Sections and figures below the first screen are laid out only as they come near the window
 * (content-visibility: auto), standing in at an estimated height until then; the matrix's
 * controls are built as it comes near. A reader who lands deep in the page (a shared link, the
 * TOC, search, the End key) has stand-ins above them; laid out at their real height, they would
 * move everything below, text the reader is looking at included. Scroll anchoring is meant to
 * absorb that, but WebKit has none, and Chromium and Gecko let these changes through too (a
 * screen up from the references moved the text hundreds of pixels). So the page does it itself:
 * what it puts off is laid out before the engine would, once it is above the view, and the
 * view is moved back by however far the reader's text moved, in the same task, before a frame
 * shows the jump. Measuring where the text went, rather than adding up heights, means an
 * engine that did anchor the change leaves nothing to correct. A reader a link has just sent
 * somewhere is held at the link's target instead, where the link puts it.
 */

/** Boxes that hold what changes: a point inside one says nothing about where its text went. */
const HOLDERS = 'section, article, main, body, html, figure, .figure, matrix-controls';

/** The text at the top of the reader's view: the first thing under the header, in the chapter's column. */
function textAtTopOfView(column: Element): Element | undefined {
  const top = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
  const x = column.getBoundingClientRect().left + 24;
  for (let y = top + 2; y < innerHeight * 0.6; y += 16) {
    const el = document.elementFromPoint(x, y);
    if (el && column.contains(el) && !el.matches(HOLDERS)) return el;
  }
  return undefined;
}

/**
 * Where a link (or the address) sent the reader, until they move on their own. Engines keep a
 * link's target in place while the page around it settles, but only until the page is scrolled
 * by anything else, holding the text in place included; so while it stands, what is held is the
 * target, at the place the link puts it.
 */
let sentTo: { target: Element; heldAt?: number } | undefined;

function arrive(hash: string) {
  let id = '';
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    // A malformed address names no element.
  }
  const target = id ? document.getElementById(id) : null;
  if (target !== sentTo?.target) sentTo = target ? { target } : undefined;
}

/** Makes a change that may alter the height of what is above the view, keeping the reader's text where it was. */
export function keepingPlace(change: () => void, column: Element | null = document.querySelector('article')) {
  // Scrolled since it was last put in place: by the reader, who has moved on.
  if (sentTo && sentTo.heldAt !== undefined && sentTo.heldAt !== scrollY) sentTo = undefined;
  if (sentTo) {
    change();
    sentTo.target.scrollIntoView({ block: 'start', behavior: 'instant' });
    sentTo.heldAt = scrollY;
    return;
  }
  const mark = column && scrollY > 0 ? textAtTopOfView(column) : undefined;
  const before = mark?.getBoundingClientRect().top;
  change();
  if (!mark || before === undefined) return;
  const moved = mark.getBoundingClientRect().top - before;
  if (Math.abs(moved) >= 1) scrollBy({ top: moved, behavior: 'instant' });
}

/**
 * Watches the sections (and the figures in them) that the stylesheet lays out only when near.
 * Whatever has never been laid out at this width and is above the view is laid out at once,
 * keeping the reader's place; what has been laid out keeps its real height when put off again
 * (contain-intrinsic-size: auto), so it never needs it.
 */
export function layOutBeforeItShows(sections: readonly HTMLElement[]) {
  // Only the sections' own style is asked for: asking for that of anything inside a skipped
  // section leaves Chromium answering zero for the boxes in it until it is laid out. A figure that
  // is never put off is never taken for guessed (it is always laid out), so all of them can be
  // watched.
  if (!sections.some((s) => getComputedStyle(s).contentVisibility === 'auto')) return;
  const deferred = sections.flatMap((s) => [s, ...s.querySelectorAll<HTMLElement>('.figure')]);
  let seen = new WeakSet<Element>();
  for (const el of deferred) {
    el.addEventListener('contentvisibilityautostatechange', (event) => {
      if (!(event as ContentVisibilityAutoStateChangeEvent).skipped) seen.add(el);
    });
  }
  // Put off, and never laid out: the height it stands at is a guess.
  const guessed = (el: HTMLElement) =>
    !seen.has(el) && !el.classList.contains('laid-out') && !el.firstElementChild?.checkVisibility({ contentVisibilityAuto: true });
  const settle = () => {
    // An element's inside is only measured when its section is laid out: asking for the box of
    // something a skipped section holds would make the engine lay it out just to answer.
    const above: HTMLElement[] = [];
    for (const section of sections) {
      if (section.getBoundingClientRect().top >= 0) break;
      if (guessed(section)) above.push(section);
      else
        for (const figure of section.querySelectorAll<HTMLElement>('.figure'))
          if (figure.getBoundingClientRect().top < 0 && guessed(figure)) above.push(figure);
    }
    if (above.length > 0) keepingPlace(() => above.forEach((el) => el.classList.add('laid-out')));
  };
  arrive(location.hash);
  // Loaded on demand, this may run after the engine went to the address's target: that was its scroll.
  if (sentTo && scrollY > 0) sentTo.heldAt = scrollY;
  addEventListener('hashchange', () => arrive(location.hash));
  // A link to where the address already points changes nothing, but the engine goes there again.
  // Whether it went is known only once every listener has had the click (a citation's preview
  // keeps it), so it is asked at the scroll that follows.
  let clicked: { event: MouseEvent; href: string } | undefined;
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest?.('a[href^="#"]');
    clicked = link ? { event, href: link.getAttribute('href')! } : undefined;
  });
  for (const type of ['wheel', 'touchstart', 'keydown', 'pointerdown'])
    addEventListener(type, () => (sentTo = clicked = undefined), { passive: true, capture: true });
  addEventListener(
    'scroll',
    () => {
      if (clicked && !clicked.event.defaultPrevented) arrive(clicked.href);
      clicked = undefined;
      // The first scroll after a link is the engine going there: anything after it is someone else's.
      if (sentTo && sentTo.heldAt === undefined) sentTo.heldAt = scrollY;
      settle();
    },
    { passive: true },
  );
  // At a new width every height laid out before is out of date.
  addEventListener('resize', () => {
    seen = new WeakSet();
    settle();
  });
  settle();
}
