/** Pages with the pledge form. */
import { initPledgeForm } from './pledge-form.js';

const form = document.querySelector<HTMLFormElement>('form[data-pledge-form]');
if (form && 'fetch' in window) initPledgeForm(form);
