import { preloadable } from '../../app/preloadable.ts';

/** The cockpit page's code (and ECharts with it); the navigation and web/src/boot.ts share this one loader. */
export const cockpitPageCode = preloadable(() => import('./CockpitPage.tsx'));
