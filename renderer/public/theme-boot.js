// Paints the chosen theme before the first frame, so a light start never flashes dark. It runs as a
// blocking classic script from the app's own origin (the CSP allows no inline script), before the
// stylesheet applies. It mirrors renderer/src/theme/applied-theme.ts and the preferences store
// (test/unit/theme/theme-boot.test.ts runs both against the same cases); ThemeController takes over
// once React runs.
/* global document, matchMedia */
(function () {
  var preference = 'system';
  try {
    var stored = JSON.parse(localStorage.getItem('configdeck.preferences') || '{}');
    if (stored && (stored.theme === 'light' || stored.theme === 'dark')) preference = stored.theme;
  } catch {
    // A damaged entry reads as the default, as in preferences-store.ts.
  }
  var systemLight = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: light)').matches;
  var theme = preference === 'system' ? (systemLight ? 'light' : 'dark') : preference;
  document.documentElement.setAttribute('data-theme', theme);
})();
