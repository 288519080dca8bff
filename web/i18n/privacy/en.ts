import type { PrivacyMessages } from './messages.js';

/** English: the authoritative text of the privacy notice. */
export const en: PrivacyMessages = {
  privacy: {
    title: 'Privacy notice',
    intro: 'We collect as little as we can. This notice says what we keep, why, for how long, who processes it for us, and how you stay in control.',
    controller:
      'The organisation that runs this campaign site decides how your data is used (it is the data controller). You can write to it or call it about your data at any time, including to have it erased.',
    collectHeading: 'What we collect',
    collect: [
      {
        heading: 'When you pledge',
        items: [
          'Your name and email address.',
          'Your country and the language for our emails.',
          'Your organisation, if you give one.',
          'Your choices: whether to appear on the pledge wall, and whether to receive campaign news.',
          'A keyed hash of your IP address and of your email address, to stop abuse and to count each address only once. A keyed hash cannot be turned back into the original without our secret key.',
        ],
      },
      {
        heading: 'When you give',
        items: [
          'Your name and email address, as you enter them on the payment page, for your receipt and your yearly statement.',
          'The name to show on the donor list and a dedication, only if you give them.',
          'The amount, currency, date, campaign and kind of donor. Your card details go to Stripe only: we never see them.',
        ],
      },
      {
        heading: 'When you lend your voice',
        items: [
          'Your account name on the social network and, for Bluesky and Mastodon, the app password or token that lets us post the campaign message from your account. It is stored encrypted.',
          'Your email address if you give it, encrypted: for the revoke link and, on networks where we cannot post for you, the link to share the message.',
          'Your language, time zone and number of followers, to post at the right time and show the expected reach.',
        ],
      },
      {
        heading: 'When you visit',
        items: ['Our servers log your IP address, your browser and the page you asked for, to stop attacks and abuse.'],
      },
    ],
    whyHeading: 'Why',
    why: [
      'To confirm your pledge and count it once; to show your first name and country on the pledge wall, only if you agree; to send you campaign news, only if you ask for it.',
      'To process your gift, send your receipt and yearly statement, and keep the accounts the law requires.',
      'To post the campaign message from the account you lent, once, at the moment you agreed to.',
      'We publish totals only, never individual pledges or gifts.',
    ],
    retention: {
      heading: 'How long we keep it',
      intro: 'Each kind of data is deleted automatically when its time is up. You can have your data erased sooner, except what accounting law requires us to keep.',
      whatColumn: 'What',
      howLongColumn: 'How long',
      rules: {
        unconfirmedPledge: { what: 'A pledge you have not confirmed', period: '{duration} after you pledged' },
        confirmationLink: { what: 'The link that confirms your pledge', period: 'Works for {duration}' },
        confirmedPledge: { what: 'Your name, email address and organisation on a confirmed pledge', period: 'Until you ask us to erase them. The anonymous count stays.' },
        erasureLink: { what: 'The link that confirms a request to erase your data', period: 'Works for {duration}' },
        abuseCounters: { what: 'Keyed hashes of your IP and email address, to limit repeated requests', period: '{duration}' },
        lentAccount: {
          what: 'The password or token and the email address of an account you lent',
          period: 'Until you revoke it, and at most {duration} after World Day (30 July) of the campaign, unless one of its messages is still due',
        },
        revokedAccount: { what: 'The account name, language and time zone of an account you took back', period: '{duration} after you revoked it' },
        mastodonConnection: { what: 'A Mastodon connection under way', period: '{duration}' },
        socialDeliveries: { what: 'Which accounts and email addresses a campaign message went to, and the links of the posts', period: '{duration} after the message went out' },
        donorDetails: { what: 'Your name, email address, donor-list name and dedication on a gift', period: 'Until you ask us to erase them' },
        donationRecords: { what: 'The amount, date, currency, campaign and receipt number of a gift, without your name', period: '{duration} after the end of the financial year, as accounting law requires' },
        financeRecords: { what: 'Our finance audit log and bank transfer records', period: '{duration} after the end of the financial year, as accounting law requires' },
        erasureRecords: { what: 'The record that we erased your data: when, by whom, how many records, and a keyed hash of your address (never the address)', period: '{duration}' },
        applicationLogs: { what: 'Application logs (never names, full email addresses, passwords or card details)', period: '{duration}' },
        accessLogs: { what: 'Access logs with IP addresses', period: '{duration}' },
      },
    },
    processorsHeading: 'Who processes your data for us',
    processors: [
      'Amazon Web Services (AWS) hosts this site and its data, encrypted, and sends our emails (Amazon SES).',
      'Stripe processes payments. It keeps payment records as the law requires of payment providers, under its own privacy policy.',
      'Bluesky, Mastodon servers, X, Facebook, LinkedIn and Threads receive what is posted or shared through them, under their own privacy policies.',
      'We never sell your data, and share it with no one else.',
    ],
    choicesHeading: 'Your choices',
    choices: [
      'Stop emails: every email we send has a link to stop our emails.',
      'Take back an account you lent: the email that confirmed the lending has a revoke link. Revoking deletes the password or token at once.',
      'Change or cancel a monthly gift: the link in each receipt opens Stripe’s page for it.',
      'Erase everything: use the form below. We email you a link to confirm. Then we erase your pledge, take back the accounts you lent, remove your name and email address from your gifts and end your monthly gift. The amounts of your gifts stay in our accounts, without your name, because accounting law requires it.',
      'You can also ask by post or by phone: an administrator then erases your data for you and records that it was done, without your address.',
    ],
    trackersHeading: 'No trackers',
    trackers: 'This site has no analytics, no advertising, no tracking cookies and no third-party scripts or fonts.',
    eraseForm: {
      heading: 'Erase my data',
      intro: 'Enter the email address you used to pledge, give or lend an account. If we hold anything for it, we send it a link to confirm the erasure.',
      email: 'Email address',
      emailHint: 'We answer the same whether or not we know this address.',
      submit: 'Send me the link',
      note: 'Nothing is erased until you press the button on the page the link opens.',
    },
  },
  erasure: {
    requested: {
      title: 'Check your email',
      text: 'If we hold personal data for this address, we have sent it an email with a link to confirm the erasure. If no email arrives, we hold nothing for it.',
      expiry: 'The link works for 24 hours.',
    },
    confirm: {
      title: 'Erase your personal data',
      text: 'Press the button to erase everything we hold for your email address:',
      items: [
        'Your pledge: we delete your name, email address and organisation. Your pledge still counts in the totals, anonymously.',
        'Accounts you lent: we take them back and delete their password or token and your email address.',
        'Your gifts: we delete your name and email address from them and end any monthly gift. The amounts, dates and receipt numbers stay in our accounts, because accounting law requires it.',
      ],
      button: 'Erase my data',
      warning: 'This cannot be undone.',
      why: 'We ask you to press a button because email security scanners open links automatically, and they must not erase anything for you.',
    },
    done: {
      title: 'Your data is erased',
      text: 'We have erased the personal data we held for your email address:',
      counts: {
        pledges: 'Pledges erased: {count}',
        lentAccounts: 'Lent accounts taken back: {count}',
        donationRecords: 'Gift records without your name now: {count}',
        stripeCustomers: 'Payment profiles deleted at Stripe: {count}',
      },
      nothing: 'There was nothing left to erase: it had been erased already.',
      kept: 'We keep a record that this erasure was done, without your address.',
    },
    linkInvalid: { title: 'This link does not work', text: 'The link may be incomplete. Copy the whole link from the email into your browser, or ask again.' },
    linkExpired: { title: 'This link has expired', text: 'The link works for 24 hours. Ask again and we will send you a new one.' },
    askAgain: 'Ask again',
  },
};
