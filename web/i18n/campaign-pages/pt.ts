import type { CampaignPagesMessages } from './messages.js';

export const pt: CampaignPagesMessages = {
  worldDay: {
    countdown: {
      many: 'Faltam {count} de dias para o Dia Mundial', one: 'Falta {count} dia para o Dia Mundial', other: 'Faltam {count} dias para o Dia Mundial' },
    today: 'Hoje é o Dia Mundial',
    addToCalendar: 'Adicionar ao calendário',
    eventSummary: 'Dia Mundial contra o Tráfico de Pessoas',
    eventDescription:
      'Todos os anos, a 30 de julho, o mundo está ao lado das vítimas do tráfico de pessoas. Assuma o compromisso Coração Azul e partilhe a campanha.',
  },
  campaigns: {
    archiveTitle: 'Campanhas do Dia Mundial',
    archiveIntro:
      'O Dia Mundial contra o Tráfico de Pessoas é assinalado todos os anos a 30 de julho desde 2014. Aqui encontra a campanha de cada ano, com as suas mensagens e materiais.',
    archiveEmpty: 'Ainda não foi publicada nenhuma campanha.',
    worldDayOf: 'Dia Mundial {year}',
    observedOn: 'Assinalado a {date}',
    themeLabel: 'Tema',
    keyMessagesHeading: 'Mensagens principais',
    takeActionHeading: 'Aja',
    hashtagsHeading: 'Hashtags',
    linksHeading: 'Saiba mais',
    partnersHeading: 'Parceiros',
    fallbackNote: 'Algumas partes ainda não estão traduzidas e são apresentadas em inglês.',
    previewBanner: 'Pré-visualização — não publicada',
    allCampaigns: 'Todas as campanhas do Dia Mundial',
    moreAboutCampaign: 'A campanha deste ano',
  },
  mediaKit: {
    title: 'Kit de imprensa',
    intro: 'Imagens, vídeos e documentos da campanha do Dia Mundial {year}, para partilhar livremente.',
    empty: 'O kit de imprensa desta campanha ainda não está disponível.',
    heading: 'Ficheiros para transferir',
    download: 'Transferir',
    kinds: { image: 'Imagem', gif: 'GIF animado', video: 'Vídeo', pdf: 'Documento PDF' },
    fileLanguage: 'Em {language}',
  },
  donate: {
    title: 'Doar',
    lead: 'O seu donativo destina-se ao Fundo Fiduciário Voluntário das Nações Unidas para as Vítimas do Tráfico de Pessoas, Especialmente Mulheres e Crianças.',
    whatHeading: 'O que faz o seu donativo',
    whatItems: [
      'Ajuda as ONG parceiras a identificar vítimas de tráfico.',
      'Paga apoio jurídico e administrativo.',
      'Apoia a recuperação psicológica.',
      'Ajuda os sobreviventes a reintegrar-se na sociedade.',
    ],
    reach: 'Cerca de {count} pessoas por ano recebem apoio direto do Fundo.',
    trustFundLink: 'Sobre o Fundo',
  },
  trustFund: {
    title: 'O Fundo das Nações Unidas para as Vítimas do Tráfico',
    intro:
      'O Fundo Fiduciário Voluntário das Nações Unidas para as Vítimas do Tráfico de Pessoas, Especialmente Mulheres e Crianças, presta ajuda humanitária, jurídica e financeira às vítimas.',
    historyHeading: 'Como começou',
    history:
      'O Fundo foi criado pelo Plano de Ação Global das Nações Unidas contra o Tráfico de Pessoas, adotado em 2010. É gerido pelo UNODC.',
    partnersHeading: 'Um trabalho com as ONG',
    partners:
      'O Fundo ajuda as vítimas através de ONG parceiras: identificação, apoio jurídico e administrativo, recuperação psicológica e reintegração social.',
    grantsHeading: 'Mecanismo de Pequenas Subvenções',
    grants: 'As ONG, sozinhas ou à frente de um consórcio, podem receber até {amount} por ano durante um máximo de {years} anos.',
    donorsHeading: 'Quem doa',
    donors:
      'Em {date}, o Fundo tinha recebido {amount} de {states} Estados-membros, {companies} entidades do setor privado e dezenas de doadores individuais.',
    donateLink: 'Doar ao Fundo',
    source: 'Fonte: relatório do Secretário-Geral das Nações Unidas à Assembleia Geral, 2019.',
  },
};
