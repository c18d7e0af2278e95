/** The cockpit page's code (and ECharts with it); the navigation and web/src/boot.ts share this one loader. */
export function loadCockpitPage() {
  return import('./CockpitPage.tsx');
}
