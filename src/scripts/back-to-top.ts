/**
 * Back-to-top appears once the reader is a screen down. Where the engine has scroll-driven
 * animations, the stylesheet does that alone (ReadingAids.astro). Where it has not (Firefox), the
 * link stays hidden, and this shows it: the top of the page is watched through a window stretched
 * one screen upwards, which it leaves once the reader has scrolled past that screen.
 */
export function showBackToTopAfterAScreen(link: HTMLElement, top: HTMLElement) {
  if (CSS.supports('animation-timeline: scroll()')) return;
  new IntersectionObserver(([entry]) => link.toggleAttribute('data-shown', !entry.isIntersecting), {
    rootMargin: '100% 0px 0px 0px',
  }).observe(top);
}
