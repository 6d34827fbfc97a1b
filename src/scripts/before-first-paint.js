// Runs inline in <head>, before the first paint.
(function () {
  // The first paint waits until the whole page has been read in (the reader status is the last
  // thing on every page): the chapter is then laid out once, whole, before anything is drawn, so
  // a link into it lands at once and no layout of the rest is left over for after the reader can
  // act. This is the HTML standard's `<link rel="expect" blocking="render">`, written from here so
  // that the markup stays valid for checkers that do not know it yet; engines without it ignore it.
  var expect = document.createElement('link');
  expect.rel = 'expect';
  expect.href = '#reader-status';
  expect.setAttribute('blocking', 'render');
  document.head.appendChild(expect);
  // A stored theme, so it never flashes the other one.
  try {
    var stored = localStorage.getItem('theme');
    if (stored === 'light' || stored === 'dark') document.documentElement.dataset.theme = stored;
  } catch (e) {}
})();
