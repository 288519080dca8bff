/** "Lend your voice" pages: the reach figure and the form. */
import { initLendForm, initReach } from './lend-form.js';

const reach = document.querySelector<HTMLElement>('[data-lend-reach]');
if (reach && 'fetch' in window) initReach(reach);

const form = document.querySelector<HTMLFormElement>('form[data-lend-form]');
if (form && 'fetch' in window) initLendForm(form);
