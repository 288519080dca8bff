/** Every page: quick exit, the live figures, the World Day countdown and the fundraiser where the page has them. */
import { initCountdown } from './countdown.js';
import { initFundraising } from './fundraising.js';
import { initLiveStats } from './live-stats.js';
import { initQuickExit } from './quick-exit.js';

initQuickExit();
initLiveStats();
initCountdown();
initFundraising();
