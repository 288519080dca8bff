import type { Mailer, RateLimiter } from '../pledges/ports.js';
import type { Clock } from '../shared/clock.js';
import type { Language } from '../shared/languages.js';
import { textDirection } from '../shared/languages.js';
import { CURRENCY_RULES, type Currency } from './currencies.js';
import type { DonorLine, LedgerRepository } from './ledger.js';
import { escapeHtml } from '../shared/escape-html.js';

export interface AnnualReceiptDeps {
  ledger: LedgerRepository;
  mailer: Mailer;
  limiter: RateLimiter;
  donorKey: (email: string) => string;
  clock: Clock;
}

/** At most this many statements per address and hour: the address is the only proof of who asks. */
const PER_HOUR = 3;

/**
 * A donor asks for one consolidated receipt for a calendar year. It goes to the address the
 * gifts were made with, so only its owner reads it; the answer is the same whether or not the
 * address gave (nobody learns who the donors are).
 */
export async function requestAnnualReceipt(deps: AnnualReceiptDeps, request: { email: string; year: number; language: Language }): Promise<void> {
  const email = request.email.trim().toLowerCase();
  const key = deps.donorKey(email);
  if ((await deps.limiter.hit(`annual-receipt:${key}`, 3_600, deps.clock.now())) > PER_HOUR) return;
  const lines = await deps.ledger.donorLines(key, request.year);
  if (lines.length === 0) return;
  await deps.mailer.send(annualStatementEmail(email, request.year, request.language, lines));
}

const COPY: Record<Language, { subject: (y: number) => string; intro: (y: number) => string; total: string; refunded: string }> = {
  en: { subject: (y) => `Your ${y} giving statement`, intro: (y) => `Thank you. These are your gifts to the UN Trust Fund for Victims of Trafficking in ${y}:`, total: 'Total', refunded: 'refunded' },
  fr: { subject: (y) => `Votre relevé de dons ${y}`, intro: (y) => `Merci. Voici vos dons au Fonds des Nations Unies pour les victimes de la traite en ${y} :`, total: 'Total', refunded: 'remboursé' },
  es: { subject: (y) => `Tu resumen de donaciones ${y}`, intro: (y) => `Gracias. Estas son tus donaciones al Fondo de las Naciones Unidas para las víctimas de la trata en ${y}:`, total: 'Total', refunded: 'reembolsado' },
  ar: { subject: (y) => `كشف تبرعاتك لعام ${y}`, intro: (y) => `شكراً لك. هذه تبرعاتك لصندوق الأمم المتحدة لضحايا الاتجار في عام ${y}:`, total: 'المجموع', refunded: 'مسترد' },
  zh: { subject: (y) => `您的${y}年捐款明细`, intro: (y) => `谢谢您。以下是您${y}年向联合国人口贩运受害者信托基金的捐款：`, total: '合计', refunded: '已退款' },
  ru: { subject: (y) => `Ваши пожертвования за ${y} год`, intro: (y) => `Спасибо. Ваши пожертвования в Фонд ООН для жертв торговли людьми за ${y} год:`, total: 'Итого', refunded: 'возврат' },
  pt: { subject: (y) => `O seu resumo de donativos de ${y}`, intro: (y) => `Obrigado. Estes são os seus donativos ao Fundo das Nações Unidas para as vítimas de tráfico em ${y}:`, total: 'Total', refunded: 'reembolsado' },
};


/** Each gift with its receipt number, then the year's total per currency, net of refunds and disputes. */
export function annualStatementEmail(to: string, year: number, language: Language, lines: DonorLine[]) {
  const copy = COPY[language];
  const money = (amount: number, currency: Currency) =>
    new Intl.NumberFormat(language, { style: 'currency', currency: currency.toUpperCase() }).format(amount / 10 ** CURRENCY_RULES[currency].decimals);
  const date = (iso: string) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
  const totals = new Map<Currency, number>();
  for (const line of lines) totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.amount);
  const rows = lines.map((line) => `${date(line.occurredAt)}  ${money(line.amount, line.currency)}  ${line.kind === 'gift' ? (line.receiptNumber ?? '') : copy.refunded}`);
  const totalRows = [...totals].map(([currency, amount]) => `${copy.total}: ${money(amount, currency)}`);
  const text = [copy.intro(year), '', ...rows, '', ...totalRows].join('\n');
  const html = `<!doctype html><html lang="${language}" dir="${textDirection(language)}"><body style="font-family:sans-serif;line-height:1.5">
<p>${escapeHtml(copy.intro(year))}</p><ul>${rows.map((row) => `<li>${escapeHtml(row)}</li>`).join('')}</ul>
${totalRows.map((row) => `<p><strong>${escapeHtml(row)}</strong></p>`).join('')}</body></html>`;
  return { to, subject: copy.subject(year), text, html, language };
}
