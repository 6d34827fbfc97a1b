// Runs inline in <head>, before the first paint, so a stored theme never flashes the other one.
(function () {
  try {
    var stored = localStorage.getItem('theme');
    if (stored === 'light' || stored === 'dark') document.documentElement.dataset.theme = stored;
  } catch (e) {}
})();
