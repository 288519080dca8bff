import type { PrivacyMessages } from './messages.js';

/** French. Translated from the English; to be reviewed by a native speaker before launch. */
export const fr: PrivacyMessages = {
  privacy: {
    title: 'Politique de confidentialité',
    intro: 'Nous collectons le moins de données possible. Cette page indique ce que nous conservons, pourquoi, combien de temps, qui le traite pour nous, et comment vous gardez la main.',
    controller:
      'L’organisation qui gère ce site de campagne décide de l’usage de vos données (elle en est responsable du traitement). Vous pouvez lui écrire ou l’appeler à tout moment au sujet de vos données, y compris pour les faire effacer.',
    collectHeading: 'Ce que nous collectons',
    collect: [
      {
        heading: 'Lorsque vous vous engagez',
        items: [
          'Votre nom et votre adresse e-mail.',
          'Votre pays et la langue de nos e-mails.',
          'Votre organisation, si vous l’indiquez.',
          'Vos choix : apparaître ou non sur le mur des engagements, recevoir ou non des nouvelles de la campagne.',
          'Une empreinte à clé (hachage) de votre adresse IP et de votre adresse e-mail, pour empêcher les abus et ne compter chaque adresse qu’une fois. Sans notre clé secrète, il est impossible de retrouver l’original à partir de cette empreinte.',
        ],
      },
      {
        heading: 'Lorsque vous faites un don',
        items: [
          'Votre nom et votre adresse e-mail, tels que vous les saisissez sur la page de paiement, pour votre reçu et votre relevé annuel.',
          'Le nom à afficher sur la liste des donateurs et une dédicace, seulement si vous les indiquez.',
          'Le montant, la devise, la date, la campagne et le type de donateur. Vos données de carte ne vont qu’à Stripe : nous ne les voyons jamais.',
        ],
      },
      {
        heading: 'Lorsque vous prêtez votre voix',
        items: [
          'Le nom de votre compte sur le réseau social et, pour Bluesky et Mastodon, le mot de passe d’application ou le jeton qui nous permet de publier le message de la campagne depuis votre compte. Il est conservé chiffré.',
          'Votre adresse e-mail si vous l’indiquez, chiffrée : pour le lien de révocation et, sur les réseaux où nous ne pouvons pas publier pour vous, le lien pour partager le message.',
          'Votre langue, votre fuseau horaire et votre nombre d’abonnés, pour publier au bon moment et afficher la portée attendue.',
        ],
      },
      {
        heading: 'Lorsque vous visitez le site',
        items: ['Nos serveurs enregistrent votre adresse IP, votre navigateur et la page demandée, pour bloquer les attaques et les abus.'],
      },
    ],
    whyHeading: 'Pourquoi',
    why: [
      'Pour confirmer votre engagement et ne le compter qu’une fois ; pour afficher votre prénom et votre pays sur le mur des engagements, seulement si vous l’acceptez ; pour vous envoyer des nouvelles de la campagne, seulement si vous le demandez.',
      'Pour traiter votre don, vous envoyer votre reçu et votre relevé annuel, et tenir la comptabilité exigée par la loi.',
      'Pour publier une fois le message de la campagne depuis le compte que vous avez prêté, au moment que vous avez accepté.',
      'Nous ne publions que des totaux, jamais d’engagements ni de dons individuels.',
    ],
    retention: {
      heading: 'Durée de conservation',
      intro: 'Chaque type de données est supprimé automatiquement à l’échéance. Vous pouvez faire effacer vos données plus tôt, sauf ce que la loi comptable nous oblige à garder.',
      whatColumn: 'Quoi',
      howLongColumn: 'Combien de temps',
      rules: {
        unconfirmedPledge: { what: 'Un engagement que vous n’avez pas confirmé', period: '{duration} après votre engagement' },
        confirmationLink: { what: 'Le lien qui confirme votre engagement', period: 'Valable {duration}' },
        confirmedPledge: { what: 'Votre nom, votre adresse e-mail et votre organisation sur un engagement confirmé', period: 'Jusqu’à ce que vous en demandiez l’effacement. Le décompte anonyme reste.' },
        erasureLink: { what: 'Le lien qui confirme une demande d’effacement de vos données', period: 'Valable {duration}' },
        abuseCounters: { what: 'Empreintes à clé de votre adresse IP et de votre adresse e-mail, pour limiter les demandes répétées', period: '{duration}' },
        lentAccount: {
          what: 'Le mot de passe ou le jeton et l’adresse e-mail d’un compte que vous avez prêté',
          period: 'Jusqu’à ce que vous le révoquiez, et au plus {duration} après la Journée mondiale (30 juillet) de la campagne, sauf si l’un de ses messages est encore prévu',
        },
        revokedAccount: { what: 'Le nom, la langue et le fuseau horaire d’un compte que vous avez repris', period: '{duration} après la révocation' },
        mastodonConnection: { what: 'Une connexion Mastodon en cours', period: '{duration}' },
        socialDeliveries: { what: 'Les comptes et adresses e-mail auxquels un message de la campagne est parti, et les liens des publications', period: '{duration} après l’envoi du message' },
        donorDetails: { what: 'Votre nom, votre adresse e-mail, votre nom sur la liste des donateurs et votre dédicace sur un don', period: 'Jusqu’à ce que vous en demandiez l’effacement' },
        donationRecords: { what: 'Le montant, la date, la devise, la campagne et le numéro de reçu d’un don, sans votre nom', period: '{duration} après la fin de l’exercice, comme l’exige la loi comptable' },
        financeRecords: { what: 'Notre journal d’audit financier et les virements bancaires', period: '{duration} après la fin de l’exercice, comme l’exige la loi comptable' },
        erasureRecords: { what: 'La trace de l’effacement de vos données : quand, par qui, combien d’enregistrements, et une empreinte à clé de votre adresse (jamais l’adresse)', period: '{duration}' },
        applicationLogs: { what: 'Journaux de l’application (jamais de noms, d’adresses e-mail complètes, de mots de passe ni de données de carte)', period: '{duration}' },
        accessLogs: { what: 'Journaux d’accès avec les adresses IP', period: '{duration}' },
      },
    },
    processorsHeading: 'Qui traite vos données pour nous',
    processors: [
      'Amazon Web Services (AWS) héberge ce site et ses données, chiffrées, et envoie nos e-mails (Amazon SES).',
      'Stripe traite les paiements. Stripe conserve les données de paiement comme la loi l’exige des prestataires de paiement, selon sa propre politique de confidentialité.',
      'Bluesky, les serveurs Mastodon, X, Facebook, LinkedIn et Threads reçoivent ce qui est publié ou partagé par leur intermédiaire, selon leurs propres politiques de confidentialité.',
      'Nous ne vendons jamais vos données et ne les partageons avec personne d’autre.',
    ],
    choicesHeading: 'Vos choix',
    choices: [
      'Ne plus recevoir d’e-mails : chaque e-mail que nous envoyons contient un lien pour ne plus en recevoir.',
      'Reprendre un compte prêté : l’e-mail qui a confirmé le prêt contient un lien de révocation. La révocation supprime aussitôt le mot de passe ou le jeton.',
      'Modifier ou arrêter un don mensuel : le lien de chaque reçu ouvre la page Stripe correspondante.',
      'Tout effacer : utilisez le formulaire ci-dessous. Nous vous envoyons un lien de confirmation par e-mail. Nous effaçons alors votre engagement, reprenons les comptes que vous avez prêtés, retirons votre nom et votre adresse e-mail de vos dons et mettons fin à votre don mensuel. Les montants de vos dons restent dans nos comptes, sans votre nom, car la loi comptable l’exige.',
      'Vous pouvez aussi faire la demande par courrier ou par téléphone : un administrateur efface alors vos données pour vous et garde la trace de l’effacement, sans votre adresse.',
    ],
    trackersHeading: 'Aucun traceur',
    trackers: 'Ce site n’utilise ni outil de mesure d’audience, ni publicité, ni cookie de suivi, ni script ou police de caractères de tiers.',
    eraseForm: {
      heading: 'Effacer mes données',
      intro: 'Saisissez l’adresse e-mail avec laquelle vous vous êtes engagé·e, avez fait un don ou prêté un compte. Si nous détenons des données pour cette adresse, nous lui envoyons un lien pour confirmer l’effacement.',
      email: 'Adresse e-mail',
      emailHint: 'Notre réponse est la même, que nous connaissions cette adresse ou non.',
      submit: 'M’envoyer le lien',
      note: 'Rien n’est effacé avant que vous appuyiez sur le bouton de la page ouverte par le lien.',
    },
  },
  erasure: {
    requested: {
      title: 'Consultez vos e-mails',
      text: 'Si nous détenons des données personnelles pour cette adresse, nous lui avons envoyé un e-mail avec un lien pour confirmer l’effacement. Si aucun e-mail n’arrive, nous ne détenons rien pour elle.',
      expiry: 'Le lien est valable 24 heures.',
    },
    confirm: {
      title: 'Effacer vos données personnelles',
      text: 'Appuyez sur le bouton pour effacer tout ce que nous détenons pour votre adresse e-mail :',
      items: [
        'Votre engagement : nous supprimons votre nom, votre adresse e-mail et votre organisation. Votre engagement reste compté dans les totaux, de façon anonyme.',
        'Les comptes que vous avez prêtés : nous les reprenons et supprimons leur mot de passe ou jeton et votre adresse e-mail.',
        'Vos dons : nous en retirons votre nom et votre adresse e-mail et mettons fin à tout don mensuel. Les montants, dates et numéros de reçu restent dans nos comptes, car la loi comptable l’exige.',
      ],
      button: 'Effacer mes données',
      warning: 'Cette action est définitive.',
      why: 'Nous vous demandons d’appuyer sur un bouton, car les logiciels de sécurité des messageries ouvrent les liens automatiquement : ils ne doivent rien effacer à votre place.',
    },
    done: {
      title: 'Vos données sont effacées',
      text: 'Nous avons effacé les données personnelles que nous détenions pour votre adresse e-mail :',
      counts: {
        pledges: 'Engagements effacés : {count}',
        lentAccounts: 'Comptes prêtés repris : {count}',
        donationRecords: 'Dons désormais sans votre nom : {count}',
        stripeCustomers: 'Profils de paiement supprimés chez Stripe : {count}',
      },
      nothing: 'Il n’y avait plus rien à effacer : c’était déjà fait.',
      kept: 'Nous gardons la trace de cet effacement, sans votre adresse.',
    },
    linkInvalid: { title: 'Ce lien ne fonctionne pas', text: 'Le lien est peut-être incomplet. Copiez le lien entier de l’e-mail dans votre navigateur, ou refaites la demande.' },
    linkExpired: { title: 'Ce lien a expiré', text: 'Le lien est valable 24 heures. Refaites la demande et nous vous en enverrons un nouveau.' },
    askAgain: 'Refaire la demande',
  },
};
