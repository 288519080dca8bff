import type { Language } from '../shared/languages.js';
import { textDirection } from '../shared/languages.js';
import type { OutgoingEmail } from '../pledges/ports.js';
import { CURRENCY_RULES } from './currencies.js';
import type { LedgerEntry } from './ledger.js';

interface ReceiptCopy {
  subject: string;
  greeting: (name: string) => string;
  thanks: string;
  fund: string;
  supports: string;
  amount: string;
  date: string;
  number: string;
  monthly: string;
  manage: string;
}

const FUND: Record<Language, string> = {
  en: 'UN Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children',
  fr: 'Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite des personnes, en particulier des femmes et des enfants',
  es: 'Fondo Fiduciario de Contribuciones Voluntarias de las Naciones Unidas para las Víctimas de la Trata de Personas, Especialmente Mujeres y Niños',
  ar: 'صندوق الأمم المتحدة الاستئماني للتبرعات لضحايا الاتجار بالأشخاص، ولا سيما النساء والأطفال',
  zh: '联合国人口贩运特别是妇女和儿童受害者自愿信托基金',
  ru: 'Целевой фонд добровольных взносов Организации Объединённых Наций для жертв торговли людьми, особенно женщин и детей',
  pt: 'Fundo Fiduciário de Contribuições Voluntárias das Nações Unidas para as Vítimas do Tráfico de Pessoas, Especialmente Mulheres e Crianças',
};

const COPY: Record<Language, Omit<ReceiptCopy, 'fund'>> = {
  en: { manage: 'Change or cancel your monthly gift', subject: 'Your gift receipt', greeting: (n) => `Dear ${n},`, thanks: 'Thank you for your gift.', supports: 'It supports direct humanitarian, legal and financial aid to victims of trafficking through NGO partners.', amount: 'Amount', date: 'Date', number: 'Receipt number', monthly: 'This is a monthly gift; you can change or cancel it at any time.' },
  fr: { manage: 'Modifier ou annuler votre don mensuel', subject: 'Reçu de votre don', greeting: (n) => `Bonjour ${n},`, thanks: 'Merci pour votre don.', supports: 'Il finance une aide humanitaire, juridique et financière directe aux victimes de la traite, par l’intermédiaire d’ONG partenaires.', amount: 'Montant', date: 'Date', number: 'Numéro de reçu', monthly: 'Ce don est mensuel ; vous pouvez le modifier ou l’annuler à tout moment.' },
  es: { manage: 'Cambiar o cancelar tu donación mensual', subject: 'Recibo de tu donación', greeting: (n) => `Hola, ${n}:`, thanks: 'Gracias por tu donación.', supports: 'Apoya la asistencia humanitaria, jurídica y financiera directa a víctimas de la trata a través de ONG asociadas.', amount: 'Importe', date: 'Fecha', number: 'Número de recibo', monthly: 'Es una donación mensual; puedes cambiarla o cancelarla cuando quieras.' },
  ar: { manage: 'تغيير تبرعك الشهري أو إلغاؤه', subject: 'إيصال تبرعك', greeting: (n) => `عزيزي/عزيزتي ${n}،`, thanks: 'شكراً لتبرعك.', supports: 'يدعم تبرعك تقديم المساعدة الإنسانية والقانونية والمالية المباشرة لضحايا الاتجار من خلال المنظمات غير الحكومية الشريكة.', amount: 'المبلغ', date: 'التاريخ', number: 'رقم الإيصال', monthly: 'هذا تبرع شهري؛ يمكنك تغييره أو إلغاؤه في أي وقت.' },
  zh: { manage: '更改或取消每月捐款', subject: '您的捐款收据', greeting: (n) => `${n}，您好：`, thanks: '感谢您的捐款。', supports: '您的捐款通过非政府组织合作伙伴，为人口贩运受害者提供直接的人道主义、法律和经济援助。', amount: '金额', date: '日期', number: '收据编号', monthly: '这是每月捐款，您可以随时更改或取消。' },
  ru: { manage: 'Изменить или отменить ежемесячное пожертвование', subject: 'Квитанция о вашем пожертвовании', greeting: (n) => `Здравствуйте, ${n}!`, thanks: 'Спасибо за ваше пожертвование.', supports: 'Оно идёт на прямую гуманитарную, юридическую и финансовую помощь жертвам торговли людьми через партнёрские НПО.', amount: 'Сумма', date: 'Дата', number: 'Номер квитанции', monthly: 'Это ежемесячное пожертвование; его можно изменить или отменить в любой момент.' },
  pt: { manage: 'Alterar ou cancelar o seu donativo mensal', subject: 'Recibo do seu donativo', greeting: (n) => `Olá, ${n},`, thanks: 'Obrigado pelo seu donativo.', supports: 'Apoia a assistência humanitária, jurídica e financeira direta às vítimas de tráfico através de ONG parceiras.', amount: 'Montante', date: 'Data', number: 'Número do recibo', monthly: 'Este é um donativo mensal; pode alterá-lo ou cancelá-lo a qualquer momento.' },
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The receipt for one gift, in the donor's language: amount, date, number, the fund, what it supports. */
export function receiptEmail(gift: LedgerEntry, manageUrl?: string): OutgoingEmail {
  const language = gift.language;
  const copy = { ...COPY[language], fund: FUND[language] };
  const decimals = CURRENCY_RULES[gift.currency].decimals;
  const amount = new Intl.NumberFormat(language, { style: 'currency', currency: gift.currency.toUpperCase() }).format(gift.amount / 10 ** decimals);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(gift.occurredAt));
  const lines: Array<[string, string]> = [
    [copy.amount, amount],
    [copy.date, date],
    [copy.number, gift.receiptNumber ?? ''],
  ];
  const text = [
    copy.greeting(gift.donor?.name ?? ''),
    '',
    copy.thanks,
    '',
    ...lines.map(([label, value]) => `${label}: ${value}`),
    '',
    copy.fund,
    copy.supports,
    ...(gift.frequency === 'monthly' ? ['', copy.monthly] : []),
    ...(manageUrl ? [`${copy.manage}: ${manageUrl}`] : []),
  ].join('\n');
  const html = `<!doctype html><html lang="${language}" dir="${textDirection(language)}"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(copy.greeting(gift.donor?.name ?? ''))}</p><p>${escapeHtml(copy.thanks)}</p>
<table>${lines.map(([label, value]) => `<tr><th style="text-align:start;padding-inline-end:1em">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>
<p><strong>${escapeHtml(copy.fund)}</strong><br>${escapeHtml(copy.supports)}</p>
${gift.frequency === 'monthly' ? `<p>${escapeHtml(copy.monthly)}</p>` : ''}
${manageUrl ? `<p><a href="${escapeHtml(manageUrl)}">${escapeHtml(copy.manage)}</a></p>` : ''}</body></html>`;
  return { to: gift.donor?.email ?? '', subject: `${copy.subject} ${gift.receiptNumber ?? ''}`.trim(), text, html, language };
}
