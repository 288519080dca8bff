import type { OutgoingEmail } from '../pledges/ports.js';
import { escapeHtml } from '../shared/escape-html.js';
import { textDirection, type Language } from '../shared/languages.js';
import type { Platform } from './social.js';

/** Networks by the names supporters know them by. */
export const NETWORK_NAMES: Record<Platform, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  x: 'X',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  threads: 'Threads',
};

interface LendCopy {
  subject: (year: string) => string;
  greeting: string;
  /** The account posts through the network's API. */
  lentApi: (year: string, network: string, handle: string) => string;
  /** The network takes a share link: the supporter posts it themselves. */
  lentShare: (year: string, network: string) => string;
  revokeIntro: string;
  revokeAction: string;
  notYou: string;
}

/** Each supporter is written to in the language they chose for the message. */
const COPY: Record<Language, LendCopy> = {
  en: {
    subject: (year) => `You lent your voice to World Day ${year}`,
    greeting: 'Hello,',
    lentApi: (year, network, handle) =>
      `Thank you for lending your voice to the World Day against Trafficking in Persons ${year}. At the campaign's moment, your ${network} account ${handle} will post this message, once:`,
    lentShare: (year, network) =>
      `Thank you for lending your voice to the World Day against Trafficking in Persons ${year}. At the campaign's moment we will email you a link that opens ${network} with this message ready, and you post it yourself:`,
    revokeIntro: 'You can take your account back at any time, before or after the moment. Revoking deletes the access you gave us:',
    revokeAction: 'Revoke',
    notYou: 'If this was not you, open the link and revoke: nothing will be posted.',
  },
  fr: {
    subject: (year) => `Vous avez prêté votre voix à la Journée mondiale ${year}`,
    greeting: 'Bonjour,',
    lentApi: (year, network, handle) =>
      `Merci de prêter votre voix à la Journée mondiale de la lutte contre la traite d’êtres humains ${year}. Au moment de la campagne, votre compte ${network} ${handle} publiera ce message, une seule fois :`,
    lentShare: (year, network) =>
      `Merci de prêter votre voix à la Journée mondiale de la lutte contre la traite d’êtres humains ${year}. Au moment de la campagne, nous vous enverrons par e-mail un lien qui ouvre ${network} avec ce message prêt ; c’est vous qui le publiez :`,
    revokeIntro: 'Vous pouvez reprendre votre compte à tout moment, avant ou après. La révocation supprime l’accès que vous nous avez donné :',
    revokeAction: 'Révoquer',
    notYou: 'Si ce n’était pas vous, ouvrez le lien et révoquez : rien ne sera publié.',
  },
  es: {
    subject: (year) => `Prestaste tu voz al Día Mundial ${year}`,
    greeting: 'Hola:',
    lentApi: (year, network, handle) =>
      `Gracias por prestar tu voz al Día Mundial contra la Trata de Personas ${year}. En el momento de la campaña, tu cuenta de ${network} ${handle} publicará este mensaje, una sola vez:`,
    lentShare: (year, network) =>
      `Gracias por prestar tu voz al Día Mundial contra la Trata de Personas ${year}. En el momento de la campaña te enviaremos por correo un enlace que abre ${network} con este mensaje listo, y tú lo publicas:`,
    revokeIntro: 'Puedes recuperar tu cuenta cuando quieras, antes o después del momento. Al revocar se borra el acceso que nos diste:',
    revokeAction: 'Revocar',
    notYou: 'Si no fuiste tú, abre el enlace y revoca: no se publicará nada.',
  },
  ar: {
    subject: (year) => `لقد أعرت صوتك لليوم العالمي ${year}`,
    greeting: 'مرحباً،',
    lentApi: (year, network, handle) =>
      `شكراً لإعارتك صوتك لليوم العالمي لمكافحة الاتجار بالأشخاص ${year}. في لحظة الحملة، سينشر حسابك على ${network} ‏${handle} هذه الرسالة مرة واحدة:`,
    lentShare: (year, network) =>
      `شكراً لإعارتك صوتك لليوم العالمي لمكافحة الاتجار بالأشخاص ${year}. في لحظة الحملة سنرسل إليك بالبريد الإلكتروني رابطاً يفتح ${network} وفيه هذه الرسالة جاهزة، وتنشرها أنت بنفسك:`,
    revokeIntro: 'يمكنك استعادة حسابك في أي وقت، قبل اللحظة أو بعدها. الإلغاء يحذف صلاحية الوصول التي منحتنا إياها:',
    revokeAction: 'إلغاء',
    notYou: 'إذا لم تكن أنت من فعل ذلك، افتح الرابط وألغِ: لن يُنشر شيء.',
  },
  zh: {
    subject: (year) => `您已为${year}年世界日贡献您的声音`,
    greeting: '您好：',
    lentApi: (year, network, handle) =>
      `感谢您为${year}年世界打击贩运人口日贡献您的声音。在活动时刻，您的${network}账户 ${handle} 将发布以下消息，仅一次：`,
    lentShare: (year, network) =>
      `感谢您为${year}年世界打击贩运人口日贡献您的声音。在活动时刻，我们会通过电子邮件向您发送一个链接，打开${network}时消息已准备好，由您亲自发布：`,
    revokeIntro: '您可以随时收回您的账户，无论在活动时刻之前还是之后。撤销将删除您给予我们的访问权限：',
    revokeAction: '撤销',
    notYou: '如果这不是您本人操作，请打开链接并撤销：不会发布任何内容。',
  },
  ru: {
    subject: (year) => `Вы отдали свой голос Всемирному дню ${year}`,
    greeting: 'Здравствуйте!',
    lentApi: (year, network, handle) =>
      `Спасибо, что отдали свой голос Всемирному дню борьбы с торговлей людьми ${year}. В момент кампании ваш аккаунт ${network} ${handle} опубликует это сообщение один раз:`,
    lentShare: (year, network) =>
      `Спасибо, что отдали свой голос Всемирному дню борьбы с торговлей людьми ${year}. В момент кампании мы пришлём вам ссылку, которая откроет ${network} с готовым сообщением, и вы опубликуете его сами:`,
    revokeIntro: 'Вы можете забрать свой аккаунт в любой момент, до или после кампании. Отзыв удаляет доступ, который вы нам дали:',
    revokeAction: 'Отозвать',
    notYou: 'Если это были не вы, откройте ссылку и отзовите доступ: ничего не будет опубликовано.',
  },
  pt: {
    subject: (year) => `Emprestou a sua voz ao Dia Mundial ${year}`,
    greeting: 'Olá,',
    lentApi: (year, network, handle) =>
      `Obrigado por emprestar a sua voz ao Dia Mundial contra o Tráfico de Pessoas ${year}. No momento da campanha, a sua conta ${network} ${handle} publicará esta mensagem, uma única vez:`,
    lentShare: (year, network) =>
      `Obrigado por emprestar a sua voz ao Dia Mundial contra o Tráfico de Pessoas ${year}. No momento da campanha enviaremos por e-mail um link que abre o ${network} com esta mensagem pronta, e é você quem a publica:`,
    revokeIntro: 'Pode recuperar a sua conta a qualquer momento, antes ou depois. Revogar apaga o acesso que nos deu:',
    revokeAction: 'Revogar',
    notYou: 'Se não foi você, abra o link e revogue: nada será publicado.',
  },
};

export interface LendingEmailInput {
  to: string;
  language: Language;
  campaignYear: number;
  platform: Platform;
  handle: string;
  shareOnly: boolean;
  /** The exact text that will be posted (or that the share link opens with). */
  text: string;
  /** The page with the revoke button (a GET never revokes: mail scanners follow links). */
  revokeUrl: string;
}

/** The confirmation a supporter gets when they lend an account: what will be posted, and the revoke link. */
export function lendingEmail(input: LendingEmailInput): OutgoingEmail {
  const copy = COPY[input.language];
  const year = String(input.campaignYear);
  const network = NETWORK_NAMES[input.platform];
  const intro = input.shareOnly ? copy.lentShare(year, network) : copy.lentApi(year, network, input.handle);
  const text = [copy.greeting, '', intro, '', input.text, '', copy.revokeIntro, input.revokeUrl, '', copy.notYou].join('\n');
  const dir = textDirection(input.language);
  const quoted = escapeHtml(input.text).replace(/\n/g, '<br>');
  const html = `<!doctype html><html lang="${input.language}" dir="${dir}"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(copy.greeting)}</p>
<p>${escapeHtml(intro)}</p>
<blockquote dir="auto" style="margin:0 0 16px;padding:12px 16px;border-inline-start:4px solid #0b4f9c;background:#f2f6fb">${quoted}</blockquote>
<p>${escapeHtml(copy.revokeIntro)}</p>
<p><a href="${escapeHtml(input.revokeUrl)}" style="background:#0b4f9c;color:#fff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(copy.revokeAction)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(copy.notYou)}</p>
</body></html>`;
  return { to: input.to, subject: copy.subject(year), text, html, language: input.language };
}
