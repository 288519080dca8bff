import type { CampaignPagesMessages } from './messages.js';

export const en: CampaignPagesMessages = {
  worldDay: {
    countdown: { one: '{count} day to World Day', other: '{count} days to World Day' },
    today: 'Today is World Day',
    addToCalendar: 'Add to calendar',
    eventSummary: 'World Day against Trafficking in Persons',
    eventDescription:
      'Every 30 July, the world stands with the victims of human trafficking. Take the Blue Heart pledge and share the campaign.',
  },
  campaigns: {
    archiveTitle: 'World Day campaigns',
    archiveIntro:
      'The World Day against Trafficking in Persons has been observed on 30 July every year since 2014. Here is each year’s campaign, with its messages and materials.',
    archiveEmpty: 'No campaign has been published yet.',
    worldDayOf: 'World Day {year}',
    observedOn: 'Observed on {date}',
    themeLabel: 'Theme',
    keyMessagesHeading: 'Key messages',
    takeActionHeading: 'Take action',
    hashtagsHeading: 'Hashtags',
    linksHeading: 'Learn more',
    partnersHeading: 'Partners',
    fallbackNote: 'Some parts are not yet translated and are shown in English.',
    previewBanner: 'Preview — not published',
    allCampaigns: 'All World Day campaigns',
    moreAboutCampaign: 'About this year’s campaign',
  },
  mediaKit: {
    title: 'Media kit',
    intro: 'Images, videos and documents for the World Day {year} campaign, free to share.',
    empty: 'The media kit for this campaign is not available yet.',
    heading: 'Files to download',
    download: 'Download',
    kinds: { image: 'Image', gif: 'Animated GIF', video: 'Video', pdf: 'PDF document' },
    fileLanguage: 'In {language}',
  },
  donate: {
    title: 'Donate',
    lead: 'Your gift goes to the UN Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children.',
    whatHeading: 'What your gift does',
    whatItems: [
      'It helps NGO partners identify victims of trafficking.',
      'It pays for legal and administrative help.',
      'It supports psychological recovery.',
      'It helps survivors rebuild their lives in society.',
    ],
    reach: 'About {count} people a year receive direct support from the fund.',
    trustFundLink: 'About the trust fund',
  },
  trustFund: {
    title: 'The UN Trust Fund for Victims of Trafficking',
    intro:
      'The UN Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children gives humanitarian, legal and financial aid to victims.',
    historyHeading: 'How it began',
    history: 'The fund was created by the UN Global Plan of Action to Combat Trafficking in Persons, adopted in 2010. UNODC manages it.',
    partnersHeading: 'Working through NGOs',
    partners:
      'The fund helps victims through NGO partners: identification, legal and administrative help, psychological recovery and social reintegration.',
    grantsHeading: 'Small Grants Facility',
    grants: 'NGOs, alone or leading a consortium, may receive up to {amount} a year for up to {years} years.',
    donorsHeading: 'Who gives',
    donors:
      'By {date}, the fund had received {amount} from {states} member states, {companies} private-sector entities and dozens of individual donors.',
    donateLink: 'Donate to the fund',
    source: 'Source: Report of the UN Secretary-General to the General Assembly, 2019.',
  },
};
