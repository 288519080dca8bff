/** The donate page and the donate thanks page. */
import { initDonateForm } from './donate-form.js';
import { initStatementForm } from './statement-form.js';

const form = document.querySelector<HTMLFormElement>('form[data-donate-form]');
if (form && 'fetch' in window && 'crypto' in window) initDonateForm(form);

const statement = document.querySelector<HTMLFormElement>('form[data-statement-form]');
if (statement && 'fetch' in window) initStatementForm(statement);
