import type { PrivacyMessages } from './messages.js';

/** Portuguese. Translated from the English; to be reviewed by a native speaker before launch. */
export const pt: PrivacyMessages = {
  privacy: {
    title: 'Aviso de privacidade',
    intro: 'Recolhemos o mínimo possível. Este aviso diz o que guardamos, porquê, durante quanto tempo, quem o trata por nós e como mantém o controlo.',
    controller:
      'A organização que gere este site de campanha decide como os seus dados são usados (é a responsável pelo tratamento). Pode escrever-lhe ou telefonar-lhe a qualquer momento sobre os seus dados, incluindo para os apagar.',
    collectHeading: 'O que recolhemos',
    collect: [
      {
        heading: 'Quando se compromete',
        items: [
          'O seu nome e endereço de e-mail.',
          'O seu país e a língua dos nossos e-mails.',
          'A sua organização, se a indicar.',
          'As suas escolhas: se aparece no mural de compromissos e se quer receber notícias da campanha.',
          'Um hash com chave do seu endereço IP e do seu endereço de e-mail, para evitar abusos e contar cada endereço uma só vez. Sem a nossa chave secreta, um hash com chave não permite recuperar o dado original.',
        ],
      },
      {
        heading: 'Quando faz um donativo',
        items: [
          'O seu nome e endereço de e-mail, tal como os escreve na página de pagamento, para o seu recibo e o seu resumo anual.',
          'O nome a mostrar na lista de doadores e uma dedicatória, só se os indicar.',
          'O montante, a moeda, a data, a campanha e o tipo de doador. Os dados do seu cartão vão só para a Stripe: nunca os vemos.',
        ],
      },
      {
        heading: 'Quando empresta a sua voz',
        items: [
          'O nome da sua conta na rede social e, no Bluesky e no Mastodon, a palavra-passe de aplicação ou o token que nos permite publicar a mensagem da campanha a partir da sua conta. É guardado cifrado.',
          'O seu endereço de e-mail, se o indicar, cifrado: para o link de revogação e, nas redes onde não podemos publicar por si, o link para partilhar a mensagem.',
          'A sua língua, o seu fuso horário e o seu número de seguidores, para publicar à hora certa e mostrar o alcance previsto.',
        ],
      },
      {
        heading: 'Quando visita o site',
        items: ['Os nossos servidores registam o seu endereço IP, o seu navegador e a página pedida, para travar ataques e abusos.'],
      },
    ],
    whyHeading: 'Porquê',
    why: [
      'Para confirmar o seu compromisso e contá-lo uma só vez; para mostrar o seu primeiro nome e o seu país no mural de compromissos, só se concordar; para lhe enviar notícias da campanha, só se as pedir.',
      'Para processar o seu donativo, enviar o seu recibo e o seu resumo anual, e manter a contabilidade que a lei exige.',
      'Para publicar uma vez a mensagem da campanha a partir da conta que emprestou, no momento com que concordou.',
      'Publicamos apenas totais, nunca compromissos ou donativos individuais.',
    ],
    retention: {
      heading: 'Durante quanto tempo guardamos',
      intro: 'Cada tipo de dado é apagado automaticamente quando o seu prazo termina. Pode pedir que apaguemos os seus dados mais cedo, exceto o que a lei contabilística nos obriga a guardar.',
      whatColumn: 'O quê',
      howLongColumn: 'Durante quanto tempo',
      rules: {
        unconfirmedPledge: { what: 'Um compromisso que não confirmou', period: '{duration} depois de se comprometer' },
        confirmationLink: { what: 'O link que confirma o seu compromisso', period: 'Válido durante {duration}' },
        confirmedPledge: { what: 'O seu nome, e-mail e organização num compromisso confirmado', period: 'Até nos pedir que os apaguemos. A contagem anónima mantém-se.' },
        erasureLink: { what: 'O link que confirma um pedido para apagar os seus dados', period: 'Válido durante {duration}' },
        abuseCounters: { what: 'Hashes com chave do seu IP e do seu e-mail, para limitar pedidos repetidos', period: '{duration}' },
        lentAccount: {
          what: 'A palavra-passe ou o token e o e-mail de uma conta que emprestou',
          period: 'Até a revogar, e no máximo {duration} depois do Dia Mundial (30 de julho) da campanha, a menos que uma das suas mensagens ainda esteja por enviar',
        },
        revokedAccount: { what: 'O nome, a língua e o fuso horário de uma conta que retirou', period: '{duration} depois de a revogar' },
        mastodonConnection: { what: 'Uma ligação ao Mastodon em curso', period: '{duration}' },
        socialDeliveries: { what: 'Para que contas e e-mails foi uma mensagem da campanha, e os links das publicações', period: '{duration} depois do envio da mensagem' },
        donorDetails: { what: 'O seu nome, e-mail, nome na lista de doadores e dedicatória num donativo', period: 'Até nos pedir que os apaguemos' },
        donationRecords: { what: 'O montante, a data, a moeda, a campanha e o número de recibo de um donativo, sem o seu nome', period: '{duration} depois do fim do exercício, como exige a lei contabilística' },
        financeRecords: { what: 'O nosso registo de auditoria financeira e as transferências bancárias', period: '{duration} depois do fim do exercício, como exige a lei contabilística' },
        erasureRecords: { what: 'O registo de que apagámos os seus dados: quando, por quem, quantos registos e um hash com chave do seu endereço (nunca o endereço)', period: '{duration}' },
        applicationLogs: { what: 'Registos da aplicação (nunca nomes, e-mails completos, palavras-passe ou dados de cartão)', period: '{duration}' },
        accessLogs: { what: 'Registos de acesso com endereços IP', period: '{duration}' },
      },
    },
    processorsHeading: 'Quem trata os seus dados por nós',
    processors: [
      'A Amazon Web Services (AWS) aloja este site e os seus dados, cifrados, e envia os nossos e-mails (Amazon SES).',
      'A Stripe processa os pagamentos. Guarda os registos de pagamento que a lei exige aos prestadores de pagamento, segundo a sua própria política de privacidade.',
      'O Bluesky, os servidores Mastodon, o X, o Facebook, o LinkedIn e o Threads recebem o que é publicado ou partilhado através deles, segundo as suas próprias políticas de privacidade.',
      'Nunca vendemos os seus dados nem os partilhamos com mais ninguém.',
    ],
    choicesHeading: 'As suas escolhas',
    choices: [
      'Deixar de receber e-mails: cada e-mail que enviamos tem um link para deixar de os receber.',
      'Retirar uma conta emprestada: o e-mail que confirmou o empréstimo tem um link de revogação. Revogar apaga de imediato a palavra-passe ou o token.',
      'Alterar ou cancelar um donativo mensal: o link de cada recibo abre a página da Stripe para isso.',
      'Apagar tudo: use o formulário abaixo. Enviamos-lhe um link por e-mail para confirmar. Depois apagamos o seu compromisso, retiramos as contas que emprestou, removemos o seu nome e e-mail dos seus donativos e terminamos o seu donativo mensal. Os montantes dos seus donativos ficam na nossa contabilidade, sem o seu nome, porque a lei contabilística o exige.',
      'Também pode pedir por correio ou por telefone: um administrador apaga então os seus dados por si e regista que o fez, sem o seu endereço.',
    ],
    trackersHeading: 'Sem rastreadores',
    trackers: 'Este site não usa análise, publicidade, cookies de rastreio nem scripts ou tipos de letra de terceiros.',
    eraseForm: {
      heading: 'Apagar os meus dados',
      intro: 'Escreva o endereço de e-mail com que se comprometeu, fez um donativo ou emprestou uma conta. Se tivermos algo dele, enviamos-lhe um link para confirmar o apagamento.',
      email: 'Endereço de e-mail',
      emailHint: 'Respondemos o mesmo quer conheçamos este endereço quer não.',
      submit: 'Enviar-me o link',
      note: 'Nada é apagado antes de carregar no botão da página que o link abre.',
    },
  },
  erasure: {
    requested: {
      title: 'Veja o seu e-mail',
      text: 'Se tivermos dados pessoais deste endereço, enviámos-lhe um e-mail com um link para confirmar o apagamento. Se não chegar nenhum e-mail, não temos nada dele.',
      expiry: 'O link é válido durante 24 horas.',
    },
    confirm: {
      title: 'Apagar os seus dados pessoais',
      text: 'Carregue no botão para apagar tudo o que temos do seu endereço de e-mail:',
      items: [
        'O seu compromisso: apagamos o seu nome, e-mail e organização. O seu compromisso continua a contar nos totais, de forma anónima.',
        'As contas que emprestou: retiramo-las e apagamos a palavra-passe ou o token e o seu e-mail.',
        'Os seus donativos: removemos deles o seu nome e e-mail e terminamos qualquer donativo mensal. Os montantes, datas e números de recibo ficam na nossa contabilidade, porque a lei contabilística o exige.',
      ],
      button: 'Apagar os meus dados',
      warning: 'Não pode ser desfeito.',
      why: 'Pedimos-lhe que carregue num botão porque os filtros de segurança do e-mail abrem os links automaticamente, e não devem apagar nada por si.',
    },
    done: {
      title: 'Os seus dados foram apagados',
      text: 'Apagámos os dados pessoais que tínhamos do seu endereço de e-mail:',
      counts: {
        pledges: 'Compromissos apagados: {count}',
        lentAccounts: 'Contas emprestadas retiradas: {count}',
        donationRecords: 'Donativos agora sem o seu nome: {count}',
        stripeCustomers: 'Perfis de pagamento apagados na Stripe: {count}',
      },
      nothing: 'Já não havia nada para apagar: já tinha sido apagado.',
      kept: 'Guardamos o registo deste apagamento, sem o seu endereço.',
    },
    linkInvalid: { title: 'Este link não funciona', text: 'O link pode estar incompleto. Copie o link inteiro do e-mail para o navegador, ou volte a pedir.' },
    linkExpired: { title: 'Este link expirou', text: 'O link é válido durante 24 horas. Volte a pedir e enviamos-lhe um novo.' },
    askAgain: 'Voltar a pedir',
  },
};
