import type { CampaignPagesMessages } from './messages.js';

export const es: CampaignPagesMessages = {
  worldDay: {
    countdown: {
      many: 'Faltan {count} de días para el Día Mundial', one: 'Falta {count} día para el Día Mundial', other: 'Faltan {count} días para el Día Mundial' },
    today: 'Hoy es el Día Mundial',
    addToCalendar: 'Añadir al calendario',
    eventSummary: 'Día Mundial contra la Trata de Personas',
    eventDescription:
      'Cada 30 de julio, el mundo se pone del lado de las víctimas de la trata de personas. Súmate al Corazón Azul y comparte la campaña.',
  },
  campaigns: {
    archiveTitle: 'Campañas del Día Mundial',
    archiveIntro:
      'El Día Mundial contra la Trata de Personas se celebra cada 30 de julio desde 2014. Aquí encontrarás la campaña de cada año, con sus mensajes y materiales.',
    archiveEmpty: 'Todavía no se ha publicado ninguna campaña.',
    worldDayOf: 'Día Mundial {year}',
    observedOn: 'Celebrado el {date}',
    themeLabel: 'Tema',
    keyMessagesHeading: 'Mensajes clave',
    takeActionHeading: 'Actúa',
    hashtagsHeading: 'Etiquetas',
    linksHeading: 'Más información',
    partnersHeading: 'Socios',
    fallbackNote: 'Algunas partes aún no están traducidas y se muestran en inglés.',
    previewBanner: 'Vista previa: no publicada',
    allCampaigns: 'Todas las campañas del Día Mundial',
    moreAboutCampaign: 'La campaña de este año',
  },
  mediaKit: {
    title: 'Material para medios',
    intro: 'Imágenes, vídeos y documentos de la campaña del Día Mundial {year}, para compartir libremente.',
    empty: 'El material para medios de esta campaña aún no está disponible.',
    heading: 'Archivos para descargar',
    download: 'Descargar',
    kinds: { image: 'Imagen', gif: 'GIF animado', video: 'Vídeo', pdf: 'Documento PDF' },
    fileLanguage: 'En {language}',
  },
  donate: {
    title: 'Donar',
    lead: 'Tu donativo va al Fondo Fiduciario de Contribuciones Voluntarias de las Naciones Unidas para las Víctimas de la Trata de Personas, Especialmente Mujeres y Niños.',
    whatHeading: 'Qué hace tu donativo',
    whatItems: [
      'Ayuda a las ONG asociadas a identificar a las víctimas de la trata.',
      'Paga asistencia jurídica y administrativa.',
      'Apoya la recuperación psicológica.',
      'Ayuda a las personas supervivientes a reintegrarse en la sociedad.',
    ],
    reach: 'Unas {count} personas al año reciben apoyo directo del Fondo.',
    trustFundLink: 'Sobre el Fondo',
  },
  trustFund: {
    title: 'El Fondo de las Naciones Unidas para las Víctimas de la Trata',
    intro:
      'El Fondo Fiduciario de Contribuciones Voluntarias de las Naciones Unidas para las Víctimas de la Trata de Personas, Especialmente Mujeres y Niños, presta asistencia humanitaria, jurídica y financiera a las víctimas.',
    historyHeading: 'Sus orígenes',
    history:
      'El Fondo se creó con el Plan de Acción Mundial de las Naciones Unidas para Combatir la Trata de Personas, aprobado en 2010. Lo administra la UNODC.',
    partnersHeading: 'Un trabajo con las ONG',
    partners:
      'El Fondo ayuda a las víctimas a través de ONG asociadas: identificación, asistencia jurídica y administrativa, recuperación psicológica y reintegración social.',
    grantsHeading: 'Mecanismo de Pequeñas Subvenciones',
    grants: 'Las ONG, solas o al frente de un consorcio, pueden recibir hasta {amount} al año durante un máximo de {years} años.',
    donorsHeading: 'Quién dona',
    donors:
      'En {date}, el Fondo había recibido {amount} de {states} Estados miembros, {companies} entidades del sector privado y decenas de donantes particulares.',
    donateLink: 'Donar al Fondo',
    source: 'Fuente: informe del Secretario General de las Naciones Unidas a la Asamblea General, 2019.',
  },
};
