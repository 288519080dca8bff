/** Every page: quick exit, and the live figures where the page has them. */
import { initLiveStats } from './live-stats.js';
import { initQuickExit } from './quick-exit.js';

initQuickExit();
initLiveStats();
