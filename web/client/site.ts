/** Every page: quick exit, the live figures and the World Day countdown where the page has them. */
import { initCountdown } from './countdown.js';
import { initLiveStats } from './live-stats.js';
import { initQuickExit } from './quick-exit.js';

initQuickExit();
initLiveStats();
initCountdown();
