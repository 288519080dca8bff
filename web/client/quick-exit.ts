import { QUICK_EXIT_URL } from '../site/paths.js';

const DOUBLE_PRESS_MS = 1000;

/**
 * Quick exit: the link works on its own; with script it replaces this page in the history (so
 * Back does not return here), blanks the page at once, and Esc pressed twice does the same.
 */
export function initQuickExit(): void {
  const link = document.querySelector<HTMLAnchorElement>('a[data-quick-exit]');
  const target = link?.href || QUICK_EXIT_URL;
  const exit = (): void => {
    document.body.hidden = true;
    document.title = '';
    location.replace(target);
  };
  link?.addEventListener('click', (event) => {
    event.preventDefault();
    exit();
  });
  let lastEscape = 0;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.repeat) return;
    const now = Date.now();
    if (now - lastEscape < DOUBLE_PRESS_MS) exit();
    lastEscape = now;
  });
}
