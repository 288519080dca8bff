import type { PrivacyMessages } from './messages.js';

/** Chinese (Simplified). Translated from the English; to be reviewed by a native speaker before launch. */
export const zh: PrivacyMessages = {
  privacy: {
    title: '隐私声明',
    intro: '我们尽可能少地收集数据。本声明说明我们保存哪些信息、用途、保存多久、由谁代我们处理，以及您如何掌控自己的数据。',
    controller: '运营本运动网站的组织决定如何使用您的数据（即数据控制者）。您可以随时写信或致电该组织询问您的数据，包括要求删除。',
    collectHeading: '我们收集哪些信息',
    collect: [
      {
        heading: '您作出承诺时',
        items: [
          '您的姓名和电子邮件地址。',
          '您的国家/地区和邮件语言。',
          '您的组织（如果您填写）。',
          '您的选择：是否显示在承诺墙上，以及是否接收运动消息。',
          '您的IP地址和电子邮件地址的密钥哈希值，用于防止滥用，并确保每个地址只计入一次。没有我们的密钥，无法从密钥哈希值还原原始信息。',
        ],
      },
      {
        heading: '您捐款时',
        items: [
          '您在付款页面填写的姓名和电子邮件地址，用于发送收据和年度明细。',
          '在捐款人名单上显示的名字和献词（仅在您填写时）。',
          '金额、币种、日期、所属运动和捐款人类别。您的银行卡信息只发送给Stripe，我们从不会看到。',
        ],
      },
      {
        heading: '您出借声音时',
        items: [
          '您在社交网络上的账户名，以及（Bluesky和Mastodon）让我们能从您的账户发布运动消息的应用密码或令牌。它以加密方式保存。',
          '您的电子邮件地址（如果您填写），加密保存：用于发送撤销链接，以及在我们无法代您发布的网络上发送分享消息的链接。',
          '您的语言、时区和关注者人数，用于在合适的时间发布并显示预计覆盖面。',
        ],
      },
      {
        heading: '您访问本网站时',
        items: ['我们的服务器会记录您的IP地址、浏览器和所请求的页面，用于阻止攻击和滥用。'],
      },
    ],
    whyHeading: '收集目的',
    why: [
      '确认您的承诺并只计入一次；仅在您同意时，在承诺墙上显示您的名字和国家/地区；仅在您要求时，向您发送运动消息。',
      '处理您的捐款，发送收据和年度明细，并按法律要求记账。',
      '在您同意的时间，从您出借的账户发布一次运动消息。',
      '我们只公布总数，从不公布个人承诺或捐款。',
    ],
    retention: {
      heading: '保存期限',
      intro: '每类数据到期后都会自动删除。您可以要求我们提前删除您的数据，但会计法要求我们保留的除外。',
      whatColumn: '内容',
      howLongColumn: '保存多久',
      rules: {
        unconfirmedPledge: { what: '您尚未确认的承诺', period: '作出承诺后{duration}' },
        confirmationLink: { what: '确认承诺的链接', period: '有效期{duration}' },
        confirmedPledge: { what: '已确认承诺中的姓名、电子邮件地址和组织', period: '直到您要求删除。匿名计数保留。' },
        erasureLink: { what: '确认删除数据请求的链接', period: '有效期{duration}' },
        abuseCounters: { what: '用于限制重复请求的IP地址和电子邮件地址密钥哈希值', period: '{duration}' },
        lentAccount: { what: '您出借账户的密码或令牌以及电子邮件地址', period: '直到您撤销为止，最长至该运动世界日（7月30日）后{duration}，除非该运动仍有消息待发送' },
        revokedAccount: { what: '您已收回账户的账户名、语言和时区', period: '撤销后{duration}' },
        mastodonConnection: { what: '进行中的Mastodon连接', period: '{duration}' },
        socialDeliveries: { what: '运动消息发送到了哪些账户和电子邮件地址，以及帖子的链接', period: '消息发出后{duration}' },
        donorDetails: { what: '捐款记录中的姓名、电子邮件地址、捐款人名单上的名字和献词', period: '直到您要求删除' },
        donationRecords: { what: '捐款的金额、日期、币种、所属运动和收据编号（不含您的姓名）', period: '财政年度结束后{duration}，按会计法要求' },
        financeRecords: { what: '我们的财务审计日志和银行转账记录', period: '财政年度结束后{duration}，按会计法要求' },
        erasureRecords: { what: '删除您数据的记录：时间、执行人、记录数量，以及您地址的密钥哈希值（从不保存地址本身）', period: '{duration}' },
        applicationLogs: { what: '应用日志（从不包含姓名、完整电子邮件地址、密码或银行卡信息）', period: '{duration}' },
        accessLogs: { what: '含IP地址的访问日志', period: '{duration}' },
      },
    },
    processorsHeading: '谁代我们处理您的数据',
    processors: [
      '亚马逊网络服务（AWS）以加密方式托管本网站及其数据，并发送我们的邮件（Amazon SES）。',
      'Stripe处理付款。Stripe依照法律对支付服务商的要求并根据其自身的隐私政策保存付款记录。',
      'Bluesky、Mastodon服务器、X、Facebook、LinkedIn和Threads接收通过它们发布或分享的内容，适用其各自的隐私政策。',
      '我们从不出售您的数据，也不与任何其他方共享。',
    ],
    choicesHeading: '您的选择',
    choices: [
      '停止接收邮件：我们发送的每封邮件都有停止接收邮件的链接。',
      '收回出借的账户：确认出借的邮件中有撤销链接。撤销后，密码或令牌会立即删除。',
      '更改或取消每月捐款：每张收据中的链接会打开相应的Stripe页面。',
      '删除全部数据：请使用下方表格。我们会通过电子邮件向您发送确认链接。之后，我们将删除您的承诺，收回您出借的账户，从您的捐款中删除您的姓名和电子邮件地址，并终止您的每月捐款。根据会计法要求，您的捐款金额将保留在我们的账目中，但不再带有您的姓名。',
      '您也可以通过邮寄或电话提出请求：管理员将代您删除数据，并保留已删除的记录（不含您的地址）。',
    ],
    trackersHeading: '没有跟踪工具',
    trackers: '本网站不使用任何分析工具、广告、跟踪Cookie或第三方脚本和字体。',
    eraseForm: {
      heading: '删除我的数据',
      intro: '请输入您作出承诺、捐款或出借账户时使用的电子邮件地址。如果我们保存了与该地址相关的任何数据，会向其发送确认删除的链接。',
      email: '电子邮件地址',
      emailHint: '无论我们是否知道此地址，答复都相同。',
      submit: '向我发送链接',
      note: '在您按下链接所打开页面上的按钮之前，不会删除任何内容。',
    },
  },
  erasure: {
    requested: {
      title: '请查看您的邮箱',
      text: '如果我们保存了该地址的个人数据，已向其发送一封邮件，内含确认删除的链接。如果没有收到邮件，说明我们没有保存该地址的任何数据。',
      expiry: '该链接24小时内有效。',
    },
    confirm: {
      title: '删除您的个人数据',
      text: '按下按钮，删除我们保存的与您电子邮件地址相关的全部数据：',
      items: [
        '您的承诺：我们将删除您的姓名、电子邮件地址和组织。您的承诺仍以匿名方式计入总数。',
        '您出借的账户：我们将收回这些账户，并删除其密码或令牌以及您的电子邮件地址。',
        '您的捐款：我们将从中删除您的姓名和电子邮件地址，并终止任何每月捐款。根据会计法要求，金额、日期和收据编号保留在我们的账目中。',
      ],
      button: '删除我的数据',
      warning: '此操作无法撤销。',
      why: '我们请您按下按钮，是因为邮件安全扫描程序会自动打开链接，它们不应替您删除任何内容。',
    },
    done: {
      title: '您的数据已删除',
      text: '我们已删除与您电子邮件地址相关的个人数据：',
      counts: {
        pledges: '已删除的承诺：{count}',
        lentAccounts: '已收回的出借账户：{count}',
        donationRecords: '已不再带有您姓名的捐款记录：{count}',
        stripeCustomers: '已在Stripe删除的付款资料：{count}',
      },
      nothing: '已没有可删除的内容：此前已经删除。',
      kept: '我们保留已执行此次删除的记录，但不含您的地址。',
    },
    linkInvalid: { title: '此链接无效', text: '链接可能不完整。请将邮件中的完整链接复制到浏览器，或重新提出请求。' },
    linkExpired: { title: '此链接已过期', text: '该链接24小时内有效。请重新提出请求，我们会向您发送新的链接。' },
    askAgain: '重新提出请求',
  },
};
