import type { OutgoingEmail } from '../pledges/ports.js';
import { escapeHtml } from '../shared/escape-html.js';
import { textDirection, type Language } from '../shared/languages.js';
import { NETWORK_NAMES } from './lend-emails.js';
import type { Platform } from './social.js';

interface ReconnectCopy {
  subject: (year: string) => string;
  greeting: string;
  /** What happened: the network refuses the access the supporter gave. */
  expired: (year: string, network: string, handle: string) => string;
  reconnect: string;
  reconnectAction: string;
  /** Doing nothing is fine; revoking deletes what is kept. */
  nothingToDo: string;
  revokeAction: string;
}

/** Each supporter is written to in the language they chose when lending (lend-emails.ts). */
const COPY: Record<Language, ReconnectCopy> = {
  en: {
    subject: (year) => `Reconnect your account for World Day ${year}`,
    greeting: 'Hello,',
    expired: (year, network, handle) =>
      `You lent your ${network} account ${handle} to the World Day against Trafficking in Persons ${year}, but ${network} no longer accepts the access you gave us: it has expired or was withdrawn. As it is, your account will not post the campaign's message.`,
    reconnect: "To lend your voice again, connect your account once more on the campaign's page:",
    reconnectAction: 'Connect again',
    nothingToDo: 'If you would rather not take part, there is nothing to do: nothing will be posted from your account. To delete what we keep about this lending, revoke it:',
    revokeAction: 'Revoke',
  },
  fr: {
    subject: (year) => `Reconnectez votre compte pour la Journée mondiale ${year}`,
    greeting: 'Bonjour,',
    expired: (year, network, handle) =>
      `Vous avez prêté votre compte ${network} ${handle} à la Journée mondiale de la lutte contre la traite d’êtres humains ${year}, mais ${network} n’accepte plus l’accès que vous nous avez donné : il a expiré ou a été retiré. En l’état, votre compte ne publiera pas le message de la campagne.`,
    reconnect: 'Pour prêter à nouveau votre voix, reconnectez votre compte sur la page de la campagne :',
    reconnectAction: 'Me reconnecter',
    nothingToDo: 'Si vous préférez ne pas participer, vous n’avez rien à faire : rien ne sera publié depuis votre compte. Pour supprimer ce que nous gardons de ce prêt, révoquez-le :',
    revokeAction: 'Révoquer',
  },
  es: {
    subject: (year) => `Vuelve a conectar tu cuenta para el Día Mundial ${year}`,
    greeting: 'Hola:',
    expired: (year, network, handle) =>
      `Prestaste tu cuenta de ${network} ${handle} al Día Mundial contra la Trata de Personas ${year}, pero ${network} ya no acepta el acceso que nos diste: caducó o fue retirado. Tal como está, tu cuenta no publicará el mensaje de la campaña.`,
    reconnect: 'Para volver a prestar tu voz, conecta de nuevo tu cuenta en la página de la campaña:',
    reconnectAction: 'Conectar de nuevo',
    nothingToDo: 'Si prefieres no participar, no tienes que hacer nada: no se publicará nada desde tu cuenta. Para borrar lo que guardamos de este préstamo, revócalo:',
    revokeAction: 'Revocar',
  },
  ar: {
    subject: (year) => `أعد ربط حسابك لليوم العالمي ${year}`,
    greeting: 'مرحباً،',
    expired: (year, network, handle) =>
      `لقد أعرت حسابك على ${network} ‏${handle} لليوم العالمي لمكافحة الاتجار بالأشخاص ${year}، لكن ${network} لم يعد يقبل صلاحية الوصول التي منحتنا إياها: فقد انتهت صلاحيتها أو سُحبت. وعلى هذا الحال، لن ينشر حسابك رسالة الحملة.`,
    reconnect: 'لتعير صوتك من جديد، أعد ربط حسابك في صفحة الحملة:',
    reconnectAction: 'إعادة الربط',
    nothingToDo: 'إذا كنت تفضّل عدم المشاركة، فلا شيء عليك فعله: لن يُنشر شيء من حسابك. ولحذف ما نحتفظ به عن هذه الإعارة، ألغِها:',
    revokeAction: 'إلغاء',
  },
  zh: {
    subject: (year) => `请为${year}年世界日重新连接您的账户`,
    greeting: '您好：',
    expired: (year, network, handle) =>
      `您已将${network}账户 ${handle} 借给${year}年世界打击贩运人口日，但${network}已不再接受您给予我们的访问权限：它已过期或已被撤回。目前，您的账户将不会发布活动消息。`,
    reconnect: '如需再次贡献您的声音，请在活动页面重新连接您的账户：',
    reconnectAction: '重新连接',
    nothingToDo: '如果您不想参加，无需做任何事：您的账户不会发布任何内容。如需删除我们保存的此次借用信息，请撤销：',
    revokeAction: '撤销',
  },
  ru: {
    subject: (year) => `Подключите аккаунт заново ко Всемирному дню ${year}`,
    greeting: 'Здравствуйте!',
    expired: (year, network, handle) =>
      `Вы предоставили свой аккаунт ${network} ${handle} для Всемирного дня борьбы с торговлей людьми ${year}, но ${network} больше не принимает доступ, который вы нам дали: срок его действия истёк или он был отозван. Сейчас ваш аккаунт не опубликует сообщение кампании.`,
    reconnect: 'Чтобы снова отдать свой голос, подключите аккаунт ещё раз на странице кампании:',
    reconnectAction: 'Подключить снова',
    nothingToDo: 'Если вы не хотите участвовать, ничего делать не нужно: с вашего аккаунта ничего не будет опубликовано. Чтобы удалить то, что мы храним об этом предоставлении, отзовите его:',
    revokeAction: 'Отозвать',
  },
  pt: {
    subject: (year) => `Volte a ligar a sua conta para o Dia Mundial ${year}`,
    greeting: 'Olá,',
    expired: (year, network, handle) =>
      `Emprestou a sua conta ${network} ${handle} ao Dia Mundial contra o Tráfico de Pessoas ${year}, mas o ${network} já não aceita o acesso que nos deu: expirou ou foi retirado. Assim, a sua conta não publicará a mensagem da campanha.`,
    reconnect: 'Para voltar a emprestar a sua voz, ligue de novo a sua conta na página da campanha:',
    reconnectAction: 'Ligar de novo',
    nothingToDo: 'Se preferir não participar, não tem de fazer nada: nada será publicado a partir da sua conta. Para apagar o que guardamos sobre este empréstimo, revogue-o:',
    revokeAction: 'Revogar',
  },
};

const BUTTON = 'background:#0b4f9c;color:#fff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block';

export interface ReconnectEmailInput {
  to: string;
  language: Language;
  campaignYear: number;
  platform: Platform;
  handle: string;
  /** The campaign's "Lend your voice" page in the supporter's language. */
  lendUrl: string;
  /** The page with the revoke button (a GET never revokes: mail scanners follow links). */
  revokeUrl: string;
}

/** A supporter's lent account was refused by its network: connect it again, or do nothing (or revoke). */
export function reconnectEmail(input: ReconnectEmailInput): OutgoingEmail {
  const copy = COPY[input.language];
  const year = String(input.campaignYear);
  const intro = copy.expired(year, NETWORK_NAMES[input.platform], input.handle);
  const text = [copy.greeting, '', intro, '', copy.reconnect, input.lendUrl, '', copy.nothingToDo, input.revokeUrl].join('\n');
  const html = `<!doctype html><html lang="${input.language}" dir="${textDirection(input.language)}"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(copy.greeting)}</p>
<p>${escapeHtml(intro)}</p>
<p>${escapeHtml(copy.reconnect)}</p>
<p><a href="${escapeHtml(input.lendUrl)}" style="${BUTTON}">${escapeHtml(copy.reconnectAction)}</a></p>
<p style="font-size:13px;color:#555">${escapeHtml(copy.nothingToDo)} <a href="${escapeHtml(input.revokeUrl)}">${escapeHtml(copy.revokeAction)}</a></p>
</body></html>`;
  return { to: input.to, subject: copy.subject(year), text, html, language: input.language };
}

export interface OrganisationReconnectEmailInput {
  to: string;
  platform: Platform;
  handle: string;
  /** The console, where managers connect the organisation's accounts. */
  consoleUrl: string;
}

/** The managers (in English, like the console): one of the organisation's accounts must be connected again. */
export function organisationReconnectEmail(input: OrganisationReconnectEmailInput): OutgoingEmail {
  const network = NETWORK_NAMES[input.platform];
  const subject = `Reconnect the organisation's ${network} account ${input.handle}`;
  const intro = `${network} no longer accepts the organisation's access to ${input.handle}: it has expired or was withdrawn. The account is marked expired and posts no coordinated message until a manager connects it again.`;
  const action = "Connect it again in the console's Messages area:";
  const text = ['Hello,', '', intro, '', action, input.consoleUrl].join('\n');
  const html = `<!doctype html><html lang="en" dir="ltr"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">
<p>Hello,</p>
<p>${escapeHtml(intro)}</p>
<p>${escapeHtml(action)}</p>
<p><a href="${escapeHtml(input.consoleUrl)}" style="${BUTTON}">Open the console</a></p>
</body></html>`;
  return { to: input.to, subject, text, html, language: 'en' };
}
