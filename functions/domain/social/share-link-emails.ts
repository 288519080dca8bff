import type { OutgoingEmail } from '../pledges/ports.js';
import { escapeHtml } from '../shared/escape-html.js';
import { textDirection, type Language } from '../shared/languages.js';
import { NETWORK_NAMES } from './lend-emails.js';
import type { Platform } from './social.js';

/**
 * The email a share-only supporter (X, Threads, LinkedIn, Facebook: networks that forbid posting
 * on others' behalf) gets at the message's moment instead of a post: the network's share page
 * with the post ready, the exact text, and the revoke link. In the language they lent in.
 */

interface ShareCopy {
  subject: (network: string) => string;
  greeting: string;
  /** The share page opens with the text: the supporter only posts it. */
  withText: (year: string, network: string) => string;
  /** The share page takes only the link (Facebook, LinkedIn): the supporter adds the text. */
  linkOnly: (year: string, network: string) => string;
  action: (network: string) => string;
  revokeIntro: string;
  revokeAction: string;
}

const COPY: Record<Language, ShareCopy> = {
  en: {
    subject: (network) => `It’s time: post the World Day message on ${network}`,
    greeting: 'Hello,',
    withText: (year, network) =>
      `The moment has come. You lent your voice to the World Day against Trafficking in Persons ${year}: open the link below and ${network} opens with this message ready. Check it, then post it from your account:`,
    linkOnly: (year, network) =>
      `The moment has come. You lent your voice to the World Day against Trafficking in Persons ${year}: open the link below to share the campaign on ${network}, and copy this message into your post:`,
    action: (network) => `Post on ${network}`,
    revokeIntro: 'Changed your mind? Revoke your lending and we will not write to you about it again:',
    revokeAction: 'Revoke',
  },
  fr: {
    subject: (network) => `C’est le moment : publiez le message de la Journée mondiale sur ${network}`,
    greeting: 'Bonjour,',
    withText: (year, network) =>
      `Le moment est venu. Vous avez prêté votre voix à la Journée mondiale de la lutte contre la traite d’êtres humains ${year} : ouvrez le lien ci-dessous, ${network} s’ouvre avec ce message prêt. Vérifiez-le, puis publiez-le depuis votre compte :`,
    linkOnly: (year, network) =>
      `Le moment est venu. Vous avez prêté votre voix à la Journée mondiale de la lutte contre la traite d’êtres humains ${year} : ouvrez le lien ci-dessous pour partager la campagne sur ${network}, et copiez ce message dans votre publication :`,
    action: (network) => `Publier sur ${network}`,
    revokeIntro: 'Vous avez changé d’avis ? Révoquez votre prêt et nous ne vous écrirons plus à ce sujet :',
    revokeAction: 'Révoquer',
  },
  es: {
    subject: (network) => `Ha llegado el momento: publica el mensaje del Día Mundial en ${network}`,
    greeting: 'Hola:',
    withText: (year, network) =>
      `Ha llegado el momento. Prestaste tu voz al Día Mundial contra la Trata de Personas ${year}: abre el enlace de abajo y ${network} se abrirá con este mensaje listo. Revísalo y publícalo desde tu cuenta:`,
    linkOnly: (year, network) =>
      `Ha llegado el momento. Prestaste tu voz al Día Mundial contra la Trata de Personas ${year}: abre el enlace de abajo para compartir la campaña en ${network} y copia este mensaje en tu publicación:`,
    action: (network) => `Publicar en ${network}`,
    revokeIntro: '¿Cambiaste de opinión? Revoca tu préstamo y no volveremos a escribirte sobre esto:',
    revokeAction: 'Revocar',
  },
  ar: {
    subject: (network) => `حان الوقت: انشر رسالة اليوم العالمي على ${network}`,
    greeting: 'مرحباً،',
    withText: (year, network) =>
      `لقد حانت اللحظة. لقد أعرت صوتك لليوم العالمي لمكافحة الاتجار بالأشخاص ${year}: افتح الرابط أدناه فيُفتح ${network} وفيه هذه الرسالة جاهزة. راجعها ثم انشرها من حسابك:`,
    linkOnly: (year, network) =>
      `لقد حانت اللحظة. لقد أعرت صوتك لليوم العالمي لمكافحة الاتجار بالأشخاص ${year}: افتح الرابط أدناه لمشاركة الحملة على ${network}، وانسخ هذه الرسالة في منشورك:`,
    action: (network) => `انشر على ${network}`,
    revokeIntro: 'هل غيرت رأيك؟ ألغِ الإعارة ولن نراسلك بشأنها مرة أخرى:',
    revokeAction: 'إلغاء',
  },
  zh: {
    subject: (network) => `时候到了：在${network}上发布世界日信息`,
    greeting: '您好：',
    withText: (year, network) =>
      `时刻已到。您为${year}年世界打击贩运人口日贡献了您的声音：打开下面的链接，${network}将打开并已准备好这条信息。请核对后从您的账户发布：`,
    linkOnly: (year, network) =>
      `时刻已到。您为${year}年世界打击贩运人口日贡献了您的声音：打开下面的链接在${network}上分享活动，并将这条信息复制到您的帖子中：`,
    action: (network) => `在${network}上发布`,
    revokeIntro: '改变主意了？撤销后我们将不再就此联系您：',
    revokeAction: '撤销',
  },
  ru: {
    subject: (network) => `Время пришло: опубликуйте обращение Всемирного дня в ${network}`,
    greeting: 'Здравствуйте!',
    withText: (year, network) =>
      `Момент настал. Вы отдали свой голос Всемирному дню борьбы с торговлей людьми ${year}: откройте ссылку ниже, и ${network} откроется с готовым сообщением. Проверьте его и опубликуйте со своего аккаунта:`,
    linkOnly: (year, network) =>
      `Момент настал. Вы отдали свой голос Всемирному дню борьбы с торговлей людьми ${year}: откройте ссылку ниже, чтобы поделиться кампанией в ${network}, и скопируйте это сообщение в свою публикацию:`,
    action: (network) => `Опубликовать в ${network}`,
    revokeIntro: 'Передумали? Отзовите доступ, и мы больше не будем писать вам об этом:',
    revokeAction: 'Отозвать',
  },
  pt: {
    subject: (network) => `Chegou a hora: publique a mensagem do Dia Mundial no ${network}`,
    greeting: 'Olá,',
    withText: (year, network) =>
      `Chegou o momento. Emprestou a sua voz ao Dia Mundial contra o Tráfico de Pessoas ${year}: abra o link abaixo e o ${network} abre com esta mensagem pronta. Verifique-a e publique-a a partir da sua conta:`,
    linkOnly: (year, network) =>
      `Chegou o momento. Emprestou a sua voz ao Dia Mundial contra o Tráfico de Pessoas ${year}: abra o link abaixo para partilhar a campanha no ${network} e copie esta mensagem para a sua publicação:`,
    action: (network) => `Publicar no ${network}`,
    revokeIntro: 'Mudou de ideias? Revogue o empréstimo e não voltaremos a escrever-lhe sobre isto:',
    revokeAction: 'Revogar',
  },
};

/** Share pages that open with the text (the others take only a link). */
const SHARE_TAKES_TEXT: ReadonlySet<Platform> = new Set(['x', 'threads', 'bluesky']);

export interface ShareLinkEmailInput {
  to: string;
  language: Language;
  campaignYear: number;
  platform: Platform;
  /** The exact text of the post, as the supporter agreed to it when lending. */
  text: string;
  /** The language the text is in (English when the message has no variant in the supporter's). */
  textLanguage: Language;
  /** The network's share page, pre-filled (platform-rules.ts `shareLink`). */
  shareUrl: string;
  /** The page with the revoke button (a GET never revokes). */
  revokeUrl: string;
}

/** The share-link email of one supporter at the moment. */
export function shareLinkEmail(input: ShareLinkEmailInput): OutgoingEmail {
  const copy = COPY[input.language];
  const year = String(input.campaignYear);
  const network = NETWORK_NAMES[input.platform];
  const intro = SHARE_TAKES_TEXT.has(input.platform) ? copy.withText(year, network) : copy.linkOnly(year, network);
  const action = copy.action(network);
  const text = [copy.greeting, '', intro, '', input.text, '', `${action}: ${input.shareUrl}`, '', copy.revokeIntro, input.revokeUrl].join('\n');
  const dir = textDirection(input.language);
  const html = `<!doctype html><html lang="${input.language}" dir="${dir}"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(copy.greeting)}</p>
<p>${escapeHtml(intro)}</p>
<blockquote lang="${input.textLanguage}" dir="${textDirection(input.textLanguage)}" style="margin:0 0 16px;padding:12px 16px;border-inline-start:4px solid #0b4f9c;background:#f2f6fb">${escapeHtml(input.text).replace(/\n/g, '<br>')}</blockquote>
<p><a href="${escapeHtml(input.shareUrl)}" style="background:#0b4f9c;color:#fff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(action)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(copy.revokeIntro)} <a href="${escapeHtml(input.revokeUrl)}">${escapeHtml(copy.revokeAction)}</a></p>
</body></html>`;
  return { to: input.to, subject: copy.subject(network), text, html, language: input.language };
}
