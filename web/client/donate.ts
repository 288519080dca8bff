/** The donate page. */
import { initDonateForm } from './donate-form.js';

const form = document.querySelector<HTMLFormElement>('form[data-donate-form]');
if (form && 'fetch' in window && 'crypto' in window) initDonateForm(form);
