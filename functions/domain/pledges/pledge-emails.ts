import type { Language } from '../shared/languages.js';
import { textDirection } from '../shared/languages.js';
import type { OutgoingEmail } from './ports.js';
import { escapeHtml } from '../shared/escape-html.js';

interface ConfirmationCopy {
  subject: string;
  greeting: (name: string) => string;
  intro: string;
  action: string;
  expiry: string;
  ignore: string;
  unsubscribe: string;
  erase: string;
}

/** Each pledger is written to in the language they pledged in. */
const CONFIRMATION: Record<Language, ConfirmationCopy> = {
  en: {
    subject: 'Confirm your Blue Heart pledge',
    greeting: (name) => `Dear ${name},`,
    intro: 'Thank you for standing with victims of human trafficking. Please confirm your pledge so that it counts:',
    action: 'Confirm my pledge',
    expiry: 'This link works for 7 days.',
    ignore: 'If you did not pledge, ignore this email and nothing will happen.',
    unsubscribe: 'Stop emails',
    erase: 'Erase my data',
  },
  fr: {
    subject: 'Confirmez votre engagement Cœur bleu',
    greeting: (name) => `Bonjour ${name},`,
    intro: 'Merci de vous tenir aux côtés des victimes de la traite des personnes. Confirmez votre engagement pour qu’il soit compté :',
    action: 'Confirmer mon engagement',
    expiry: 'Ce lien est valable 7 jours.',
    ignore: 'Si vous ne vous êtes pas engagé·e, ignorez ce message : rien ne se passera.',
    unsubscribe: 'Ne plus recevoir d’e-mails',
    erase: 'Effacer mes données',
  },
  es: {
    subject: 'Confirma tu compromiso con el Corazón Azul',
    greeting: (name) => `Hola, ${name}:`,
    intro: 'Gracias por estar del lado de las víctimas de la trata de personas. Confirma tu compromiso para que cuente:',
    action: 'Confirmar mi compromiso',
    expiry: 'Este enlace es válido durante 7 días.',
    ignore: 'Si no te has comprometido, ignora este mensaje y no pasará nada.',
    unsubscribe: 'Dejar de recibir correos',
    erase: 'Borrar mis datos',
  },
  ar: {
    subject: 'أكِّد تعهدك في حملة القلب الأزرق',
    greeting: (name) => `عزيزي/عزيزتي ${name}،`,
    intro: 'شكراً لوقوفك إلى جانب ضحايا الاتجار بالبشر. يُرجى تأكيد تعهدك لكي يُحتسب:',
    action: 'تأكيد تعهدي',
    expiry: 'هذا الرابط صالح لمدة 7 أيام.',
    ignore: 'إذا لم تقم بالتعهد، تجاهل هذه الرسالة ولن يحدث شيء.',
    unsubscribe: 'إيقاف الرسائل',
    erase: 'محو بياناتي',
  },
  zh: {
    subject: '请确认您的蓝心承诺',
    greeting: (name) => `${name}，您好：`,
    intro: '感谢您与人口贩运受害者站在一起。请确认您的承诺，使其计入统计：',
    action: '确认我的承诺',
    expiry: '此链接7天内有效。',
    ignore: '如果您没有作出承诺，请忽略此邮件，不会产生任何影响。',
    unsubscribe: '停止接收邮件',
    erase: '删除我的数据',
  },
  ru: {
    subject: 'Подтвердите своё обязательство «Голубое сердце»',
    greeting: (name) => `Здравствуйте, ${name}!`,
    intro: 'Спасибо, что поддерживаете жертв торговли людьми. Подтвердите своё обязательство, чтобы оно было учтено:',
    action: 'Подтвердить обязательство',
    expiry: 'Ссылка действительна 7 дней.',
    ignore: 'Если вы не давали обязательства, просто проигнорируйте это письмо.',
    unsubscribe: 'Отписаться от писем',
    erase: 'Удалить мои данные',
  },
  pt: {
    subject: 'Confirme o seu compromisso Coração Azul',
    greeting: (name) => `Olá, ${name},`,
    intro: 'Obrigado por estar ao lado das vítimas do tráfico de pessoas. Confirme o seu compromisso para que ele seja contado:',
    action: 'Confirmar o meu compromisso',
    expiry: 'Este link é válido por 7 dias.',
    ignore: 'Se não se comprometeu, ignore este e-mail e nada acontecerá.',
    unsubscribe: 'Deixar de receber e-mails',
    erase: 'Apagar os meus dados',
  },
};


export interface ConfirmationEmailInput {
  to: string;
  name: string;
  language: Language;
  confirmUrl: string;
  unsubscribeUrl: string;
  eraseUrl: string;
}

export function confirmationEmail(input: ConfirmationEmailInput): OutgoingEmail {
  const copy = CONFIRMATION[input.language];
  const dir = textDirection(input.language);
  const text = [
    copy.greeting(input.name),
    '',
    copy.intro,
    input.confirmUrl,
    '',
    copy.expiry,
    copy.ignore,
    '',
    `${copy.unsubscribe}: ${input.unsubscribeUrl}`,
    `${copy.erase}: ${input.eraseUrl}`,
  ].join('\n');
  const link = (href: string, label: string) => `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  const html = `<!doctype html><html lang="${input.language}" dir="${dir}"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(copy.greeting(input.name))}</p>
<p>${escapeHtml(copy.intro)}</p>
<p><a href="${escapeHtml(input.confirmUrl)}" style="background:#0b4f9c;color:#fff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(copy.action)}</a></p>
<p>${escapeHtml(copy.expiry)} ${escapeHtml(copy.ignore)}</p>
<p style="font-size:13px;color:#555">${link(input.unsubscribeUrl, copy.unsubscribe)} · ${link(input.eraseUrl, copy.erase)}</p>
</body></html>`;
  return { to: input.to, subject: copy.subject, text, html, language: input.language, unsubscribeUrl: input.unsubscribeUrl };
}
