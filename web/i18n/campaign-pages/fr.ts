import type { CampaignPagesMessages } from './messages.js';

export const fr: CampaignPagesMessages = {
  worldDay: {
    countdown: {
      many: 'Plus que {count} de jours avant la Journée mondiale', one: 'Plus que {count} jour avant la Journée mondiale', other: 'Plus que {count} jours avant la Journée mondiale' },
    today: 'C’est aujourd’hui la Journée mondiale',
    addToCalendar: 'Ajouter à mon agenda',
    eventSummary: 'Journée mondiale de la lutte contre la traite d’êtres humains',
    eventDescription:
      'Chaque 30 juillet, le monde se tient aux côtés des victimes de la traite des personnes. Engagez-vous pour le Cœur bleu et partagez la campagne.',
  },
  campaigns: {
    archiveTitle: 'Les campagnes de la Journée mondiale',
    archiveIntro:
      'La Journée mondiale de la lutte contre la traite d’êtres humains est célébrée chaque 30 juillet depuis 2014. Retrouvez ici la campagne de chaque année, avec ses messages et ses supports.',
    archiveEmpty: 'Aucune campagne n’a encore été publiée.',
    worldDayOf: 'Journée mondiale {year}',
    observedOn: 'Célébrée le {date}',
    themeLabel: 'Thème',
    keyMessagesHeading: 'Messages clés',
    takeActionHeading: 'Agir',
    hashtagsHeading: 'Mots-dièse',
    linksHeading: 'En savoir plus',
    partnersHeading: 'Partenaires',
    fallbackNote: 'Certaines parties ne sont pas encore traduites et s’affichent en anglais.',
    previewBanner: 'Aperçu — non publié',
    allCampaigns: 'Toutes les campagnes de la Journée mondiale',
    moreAboutCampaign: 'La campagne de cette année',
  },
  mediaKit: {
    title: 'Kit média',
    intro: 'Images, vidéos et documents de la campagne de la Journée mondiale {year}, à partager librement.',
    empty: 'Le kit média de cette campagne n’est pas encore disponible.',
    heading: 'Fichiers à télécharger',
    download: 'Télécharger',
    kinds: { image: 'Image', gif: 'GIF animé', video: 'Vidéo', pdf: 'Document PDF' },
    fileLanguage: 'En {language}',
  },
  donate: {
    title: 'Faire un don',
    lead: 'Votre don va au Fonds de contributions volontaires des Nations Unies pour les victimes de la traite des personnes, en particulier des femmes et des enfants.',
    whatHeading: 'À quoi sert votre don',
    whatItems: [
      'Il aide les ONG partenaires à identifier les victimes de la traite.',
      'Il finance une aide juridique et administrative.',
      'Il soutient le rétablissement psychologique.',
      'Il aide les survivantes et survivants à se réinsérer dans la société.',
    ],
    reach: 'Environ {count} personnes par an reçoivent une aide directe du Fonds.',
    trustFundLink: 'À propos du Fonds',
  },
  trustFund: {
    title: 'Le Fonds des Nations Unies pour les victimes de la traite',
    intro:
      'Le Fonds de contributions volontaires des Nations Unies pour les victimes de la traite des personnes, en particulier des femmes et des enfants, apporte une aide humanitaire, juridique et financière aux victimes.',
    historyHeading: 'Ses origines',
    history:
      'Le Fonds a été créé par le Plan d’action mondial des Nations Unies pour la lutte contre la traite des personnes, adopté en 2010. Il est géré par l’ONUDC.',
    partnersHeading: 'Une action menée avec les ONG',
    partners:
      'Le Fonds aide les victimes par l’intermédiaire d’ONG partenaires : identification, aide juridique et administrative, rétablissement psychologique et réinsertion sociale.',
    grantsHeading: 'Mécanisme de petites subventions',
    grants: 'Les ONG, seules ou à la tête d’un consortium, peuvent recevoir jusqu’à {amount} par an pendant {years} ans au plus.',
    donorsHeading: 'Les donateurs',
    donors:
      'En {date}, le Fonds avait reçu {amount} de {states} États membres, de {companies} entités du secteur privé et de plusieurs dizaines de donateurs individuels.',
    donateLink: 'Faire un don au Fonds',
    source: 'Source : rapport du Secrétaire général de l’ONU à l’Assemblée générale, 2019.',
  },
};
