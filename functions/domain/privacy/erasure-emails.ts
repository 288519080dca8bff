import type { OutgoingEmail } from '../pledges/ports.js';
import { escapeHtml } from '../shared/escape-html.js';
import { textDirection, type Language } from '../shared/languages.js';

interface ErasureEmailCopy {
  subject: string;
  intro: string;
  what: string;
  action: string;
  expiry: string;
  ignore: string;
}

/**
 * The email with the link that confirms an erasure request. It names no record (a mailbox may be
 * read by someone else): only what erasing does. Translations other than English: for review.
 */
const COPY: Record<Language, ErasureEmailCopy> = {
  en: {
    subject: 'Confirm: erase your data from Blue Heart',
    intro: 'Someone, probably you, asked us to erase the personal data we hold for this email address.',
    what: 'If you confirm, we erase your pledge details, take back any social account you lent, remove your name and address from your gifts (the amounts stay in our accounts, as the law requires) and end any monthly gift.',
    action: 'Review and erase my data',
    expiry: 'This link works for 24 hours. Erasing cannot be undone.',
    ignore: 'If you did not ask, ignore this email and nothing will happen.',
  },
  fr: {
    subject: 'Confirmez : effacer vos données de Cœur bleu',
    intro: 'Quelqu’un, probablement vous, nous a demandé d’effacer les données personnelles que nous détenons pour cette adresse e-mail.',
    what: 'Si vous confirmez, nous effaçons votre engagement, reprenons tout compte de réseau social que vous avez prêté, retirons votre nom et votre adresse de vos dons (les montants restent dans nos comptes, comme la loi l’exige) et mettons fin à tout don mensuel.',
    action: 'Vérifier et effacer mes données',
    expiry: 'Ce lien est valable 24 heures. L’effacement est définitif.',
    ignore: 'Si vous n’avez rien demandé, ignorez ce message : rien ne se passera.',
  },
  es: {
    subject: 'Confirma: borrar tus datos de Corazón Azul',
    intro: 'Alguien, probablemente tú, nos ha pedido borrar los datos personales que tenemos de esta dirección de correo.',
    what: 'Si lo confirmas, borramos los datos de tu compromiso, retiramos cualquier cuenta de red social que hayas prestado, quitamos tu nombre y tu dirección de tus donaciones (los importes se quedan en nuestra contabilidad, como exige la ley) y ponemos fin a cualquier donación mensual.',
    action: 'Revisar y borrar mis datos',
    expiry: 'Este enlace es válido durante 24 horas. El borrado no se puede deshacer.',
    ignore: 'Si no lo has pedido, ignora este mensaje y no pasará nada.',
  },
  ar: {
    subject: 'تأكيد: محو بياناتك من حملة القلب الأزرق',
    intro: 'طلب منا شخص ما، وربما أنت، محو البيانات الشخصية التي نحتفظ بها لعنوان البريد الإلكتروني هذا.',
    what: 'إذا أكدت، نمحو بيانات تعهدك، ونستعيد أي حساب على وسائل التواصل أعرته، ونزيل اسمك وعنوانك من تبرعاتك (تبقى المبالغ في حساباتنا كما يقتضي القانون)، وننهي أي تبرع شهري.',
    action: 'مراجعة بياناتي ومحوها',
    expiry: 'هذا الرابط صالح لمدة 24 ساعة. لا يمكن التراجع عن المحو.',
    ignore: 'إذا لم تطلب ذلك، تجاهل هذه الرسالة ولن يحدث شيء.',
  },
  zh: {
    subject: '请确认：从蓝心运动删除您的数据',
    intro: '有人（可能是您）请求我们删除与此电子邮件地址相关的个人数据。',
    what: '如果您确认，我们将删除您的承诺信息，收回您借出的社交账户，从您的捐款中删除您的姓名和地址（按照法律要求，金额保留在我们的账目中），并终止任何每月捐款。',
    action: '查看并删除我的数据',
    expiry: '此链接24小时内有效。删除后无法恢复。',
    ignore: '如果您没有提出请求，请忽略此邮件，不会产生任何影响。',
  },
  ru: {
    subject: 'Подтвердите удаление ваших данных из «Голубого сердца»',
    intro: 'Кто-то, вероятно вы, попросил нас удалить персональные данные, которые мы храним для этого адреса электронной почты.',
    what: 'Если вы подтвердите, мы удалим данные вашего обязательства, отзовём все предоставленные вами аккаунты в социальных сетях, уберём ваше имя и адрес из ваших пожертвований (суммы остаются в нашей отчётности, как того требует закон) и прекратим ежемесячные пожертвования.',
    action: 'Проверить и удалить мои данные',
    expiry: 'Ссылка действительна 24 часа. Удаление нельзя отменить.',
    ignore: 'Если вы ничего не запрашивали, просто проигнорируйте это письмо.',
  },
  pt: {
    subject: 'Confirme: apagar os seus dados do Coração Azul',
    intro: 'Alguém, provavelmente você, pediu-nos para apagar os dados pessoais que temos para este endereço de e-mail.',
    what: 'Se confirmar, apagamos os dados do seu compromisso, retiramos qualquer conta de rede social que tenha emprestado, removemos o seu nome e endereço dos seus donativos (os montantes ficam na nossa contabilidade, como a lei exige) e terminamos qualquer donativo mensal.',
    action: 'Rever e apagar os meus dados',
    expiry: 'Este link é válido durante 24 horas. O apagamento não pode ser desfeito.',
    ignore: 'Se não fez este pedido, ignore este e-mail e nada acontecerá.',
  },
};

export function erasureConfirmationEmail(input: { to: string; language: Language; confirmUrl: string }): OutgoingEmail {
  const copy = COPY[input.language];
  const text = [copy.intro, '', copy.what, '', `${copy.action}: ${input.confirmUrl}`, '', copy.expiry, copy.ignore].join('\n');
  const html = `<!doctype html><html lang="${input.language}" dir="${textDirection(input.language)}"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(copy.intro)}</p>
<p>${escapeHtml(copy.what)}</p>
<p><a href="${escapeHtml(input.confirmUrl)}" style="background:#0b4f9c;color:#fff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block">${escapeHtml(copy.action)}</a></p>
<p>${escapeHtml(copy.expiry)} ${escapeHtml(copy.ignore)}</p>
</body></html>`;
  return { to: input.to, subject: copy.subject, text, html, language: input.language };
}
