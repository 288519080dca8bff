import type { OutgoingEmail } from '../pledges/ports.js';
import { escapeHtml } from '../shared/escape-html.js';
import { textDirection, type Language } from '../shared/languages.js';
import { campaignTagOf, hashtagsToAppend, tagLink } from './compose-post.js';
import { PLATFORM_RULES } from './platform-rules.js';
import { PLATFORMS, type MessageVariant, type SocialMessage } from './social.js';

/**
 * The email a pledger who asked for updates gets at a coordinated message's moment: the message
 * in their language, the campaign link, and the unsubscribe link (also sent as List-Unsubscribe).
 *
 * Which wording: messages are written per platform, and an email has no length limit, so it
 * takes the variant of the platform that allows the longest post (Facebook, then LinkedIn,
 * Mastodon, Threads, Bluesky, X): the fullest wording the managers wrote. In the pledger's
 * language, else in English (the rule posts follow, functions/domain/social/lend-preview.ts);
 * a message with neither is not emailed (the delivery fails and the report says why).
 */

/** Platforms by the length of post they allow, longest first: the order an email picks a variant in. */
export const EMAIL_VARIANT_ORDER = [...PLATFORMS].sort((a, b) => PLATFORM_RULES[b].limit - PLATFORM_RULES[a].limit);

/** The variant an email in `language` is written from, or undefined when there is none in it or English. */
export function emailVariant(message: Pick<SocialMessage, 'variants'>, language: Language): MessageVariant | undefined {
  for (const candidate of [language, 'en'] as const) {
    for (const platform of EMAIL_VARIANT_ORDER) {
      const variant = message.variants.find((v) => v.language === candidate && v.platform === platform && v.text.trim() !== '');
      if (variant) return variant;
    }
  }
  return undefined;
}

interface UpdateCopy {
  subject: (year: string) => string;
  greeting: string;
  intro: string;
  action: string;
  why: string;
  unsubscribe: string;
}

const COPY: Record<Language, UpdateCopy> = {
  en: {
    subject: (year) => `Blue Heart: our message for World Day ${year}`,
    greeting: 'Hello,',
    intro: 'You took the Blue Heart pledge and asked to hear from the campaign. Today we are speaking out together, and this is our message:',
    action: 'Read more and share',
    why: 'You receive this email because you pledged and asked for updates.',
    unsubscribe: 'Stop emails',
  },
  fr: {
    subject: (year) => `Cœur bleu : notre message pour la Journée mondiale ${year}`,
    greeting: 'Bonjour,',
    intro: 'Vous avez pris l’engagement Cœur bleu et souhaité recevoir des nouvelles de la campagne. Aujourd’hui, nous nous exprimons ensemble ; voici notre message :',
    action: 'En savoir plus et partager',
    why: 'Vous recevez cet e-mail parce que vous vous êtes engagé·e et avez demandé à être informé·e.',
    unsubscribe: 'Ne plus recevoir d’e-mails',
  },
  es: {
    subject: (year) => `Corazón Azul: nuestro mensaje para el Día Mundial ${year}`,
    greeting: 'Hola:',
    intro: 'Asumiste el compromiso del Corazón Azul y pediste noticias de la campaña. Hoy alzamos la voz juntos, y este es nuestro mensaje:',
    action: 'Más información y compartir',
    why: 'Recibes este correo porque te comprometiste y pediste recibir novedades.',
    unsubscribe: 'Dejar de recibir correos',
  },
  ar: {
    subject: (year) => `القلب الأزرق: رسالتنا في اليوم العالمي ${year}`,
    greeting: 'مرحباً،',
    intro: 'لقد تعهدت في حملة القلب الأزرق وطلبت أن تصلك أخبار الحملة. اليوم نرفع صوتنا معاً، وهذه رسالتنا:',
    action: 'اقرأ المزيد وشارك',
    why: 'تصلك هذه الرسالة لأنك تعهدت وطلبت تلقي آخر الأخبار.',
    unsubscribe: 'إيقاف الرسائل',
  },
  zh: {
    subject: (year) => `蓝心：我们在${year}年世界日的信息`,
    greeting: '您好：',
    intro: '您作出了蓝心承诺，并希望收到活动的消息。今天我们一起发声，以下是我们的信息：',
    action: '了解更多并分享',
    why: '您收到此邮件，是因为您作出了承诺并要求接收最新消息。',
    unsubscribe: '停止接收邮件',
  },
  ru: {
    subject: (year) => `«Голубое сердце»: наше обращение во Всемирный день ${year}`,
    greeting: 'Здравствуйте!',
    intro: 'Вы дали обязательство «Голубое сердце» и попросили сообщать новости кампании. Сегодня мы говорим вместе, и вот наше обращение:',
    action: 'Подробнее и поделиться',
    why: 'Вы получили это письмо, потому что дали обязательство и попросили присылать новости.',
    unsubscribe: 'Отписаться от писем',
  },
  pt: {
    subject: (year) => `Coração Azul: a nossa mensagem para o Dia Mundial ${year}`,
    greeting: 'Olá,',
    intro: 'Assumiu o compromisso Coração Azul e pediu notícias da campanha. Hoje erguemos a voz juntos, e esta é a nossa mensagem:',
    action: 'Saber mais e partilhar',
    why: 'Recebe este e-mail porque se comprometeu e pediu para receber novidades.',
    unsubscribe: 'Deixar de receber e-mails',
  },
};

export interface UpdateEmailInput {
  to: string;
  /** The pledger's language: the email's words, and the variant's language when there is one. */
  language: Language;
  message: Pick<SocialMessage, 'campaignYear' | 'variants'>;
  /** The campaign page in the pledger's language, for a variant without a link of its own. */
  campaignUrl: string;
  /** RFC 8058 one-click unsubscribe (POST /api/pledges/unsubscribe?token=…). */
  unsubscribeUrl: string;
}

/** The campaign link of an email: the variant's (else the campaign page), tagged as coming from email. */
function emailLink(variant: MessageVariant, input: UpdateEmailInput): string {
  const link = variant.link?.trim() || input.campaignUrl;
  return tagLink(link, { source: 'email', medium: 'email', campaign: campaignTagOf(input.message) });
}

/** The email, or undefined when the message has no wording in the pledger's language or English. */
export function updateEmail(input: UpdateEmailInput): OutgoingEmail | undefined {
  const variant = emailVariant(input.message, input.language);
  if (!variant) return undefined;
  const copy = COPY[input.language];
  const link = emailLink(variant, input);
  // A wording that spells the campaign link out carries the tagged one, as posts do.
  const plainLink = variant.link?.trim();
  const wording = plainLink ? variant.text.trim().split(plainLink).join(link) : variant.text.trim();
  const message = [wording, hashtagsToAppend(wording, variant.hashtags).join(' ')].filter(Boolean).join('\n\n');
  const text = [copy.greeting, '', copy.intro, '', message, '', `${copy.action}: ${link}`, '', copy.why, `${copy.unsubscribe}: ${input.unsubscribeUrl}`].join('\n');
  const dir = textDirection(input.language);
  const html = `<!doctype html><html lang="${input.language}" dir="${dir}"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(copy.greeting)}</p>
<p>${escapeHtml(copy.intro)}</p>
<blockquote lang="${variant.language}" dir="${textDirection(variant.language)}" style="margin:0 0 16px;padding:12px 16px;border-inline-start:4px solid #0b4f9c;background:#f2f6fb">${escapeHtml(message).replace(/\n/g, '<br>')}</blockquote>
<p><a href="${escapeHtml(link)}" style="background:#0b4f9c;color:#fff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(copy.action)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(copy.why)} <a href="${escapeHtml(input.unsubscribeUrl)}">${escapeHtml(copy.unsubscribe)}</a></p>
</body></html>`;
  return { to: input.to, subject: copy.subject(String(input.message.campaignYear)), text, html, language: input.language, unsubscribeUrl: input.unsubscribeUrl };
}
