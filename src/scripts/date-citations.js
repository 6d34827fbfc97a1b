// Runs inline right after the citation panel, while the page is still being read in (its first
// paint waits for the end of the page), so the dated citations are in place before anything is
// drawn: swapped in later, they changed the page's height under a reader at its end.
// The citations are built without an access date, each followed by a <template> of itself with an
// empty slot for one (and so is the note beside them); today's date goes into a copy of the
// template, which takes the place of what was there.
(function () {
  var today = new Date();
  var iso = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
    .map(function (n) {
      return String(n).padStart(2, '0');
    })
    .join('-');
  var english = new Intl.DateTimeFormat('en-US', {
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }).format(today);
  document.querySelectorAll('[data-dated]').forEach(function (target) {
    var template = target.nextElementSibling;
    if (!(template instanceof HTMLTemplateElement)) return;
    var dated = template.content.cloneNode(true);
    dated.querySelectorAll('[data-accessed]').forEach(function (slot) {
      slot.textContent = slot.dataset.accessed === 'en' ? english : iso;
    });
    target.replaceChildren(dated);
  });
})();
