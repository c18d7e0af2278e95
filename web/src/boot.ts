import { prefetch } from './api/prefetch.ts';
import { bootPlan } from './app/bootPlan.ts';
import { cockpitPageCode } from './modules/cockpit/loadCockpitPage.ts';

// The first script of the page, a few kB: while the app's code downloads and starts, the server already answers
// the requests the first screen makes and the browser fetches that screen's code (no request waterfall).
const plan = bootPlan(window.location.pathname, window.location.search);
for (const url of plan.requests) prefetch(url);
if (plan.isCockpit) cockpitPageCode.load().catch(() => undefined);
