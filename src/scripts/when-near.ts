/** Runs `use` once, when the element comes within a screen of the viewport (at once if it is already there). */
export function whenNear(element: Element | null, use: () => void) {
  if (!element) return;
  const near = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      near.disconnect();
      use();
    },
    { rootMargin: '100%' },
  );
  near.observe(element);
}
