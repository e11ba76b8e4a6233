// Sets the colour scheme before the app loads, so a dark page never flashes
// white. Same key and values as Mantine's localStorageColorSchemeManager in
// src/app/theme.ts. An external file, not an inline script, so that a strict
// Content-Security-Policy (script-src 'self') allows it.
(function () {
  var scheme = 'light';
  try {
    var stored = window.localStorage.getItem('kassa-color-scheme');
    if (stored === 'light' || stored === 'dark') {
      scheme = stored;
    } else if (window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches) {
      scheme = 'dark';
    }
  } catch (error) {
    // Storage blocked: keep light.
  }
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
})();
