import type { PrivacyMessages } from './messages.js';

/** Spanish. Translated from the English; to be reviewed by a native speaker before launch. */
export const es: PrivacyMessages = {
  privacy: {
    title: 'Aviso de privacidad',
    intro: 'Recogemos los menos datos posibles. Este aviso explica qué guardamos, para qué, durante cuánto tiempo, quién lo trata por nosotros y cómo mantienes el control.',
    controller:
      'La organización que gestiona este sitio de campaña decide cómo se usan tus datos (es la responsable del tratamiento). Puedes escribirle o llamarla en cualquier momento sobre tus datos, también para que los borre.',
    collectHeading: 'Qué recogemos',
    collect: [
      {
        heading: 'Cuando te comprometes',
        items: [
          'Tu nombre y tu dirección de correo electrónico.',
          'Tu país y el idioma de nuestros correos.',
          'Tu organización, si la indicas.',
          'Tus elecciones: si apareces en el muro de compromisos y si quieres recibir noticias de la campaña.',
          'Un hash con clave de tu dirección IP y de tu dirección de correo, para evitar abusos y contar cada dirección una sola vez. Sin nuestra clave secreta, un hash con clave no permite recuperar el dato original.',
        ],
      },
      {
        heading: 'Cuando donas',
        items: [
          'Tu nombre y tu dirección de correo, tal como los escribes en la página de pago, para tu recibo y tu resumen anual.',
          'El nombre que se mostrará en la lista de donantes y una dedicatoria, solo si los indicas.',
          'El importe, la moneda, la fecha, la campaña y el tipo de donante. Los datos de tu tarjeta van solo a Stripe: nunca los vemos.',
        ],
      },
      {
        heading: 'Cuando prestas tu voz',
        items: [
          'El nombre de tu cuenta en la red social y, en Bluesky y Mastodon, la contraseña de aplicación o el token que nos permite publicar el mensaje de la campaña desde tu cuenta. Se guarda cifrado.',
          'Tu dirección de correo, si la indicas, cifrada: para el enlace de revocación y, en las redes donde no podemos publicar por ti, el enlace para compartir el mensaje.',
          'Tu idioma, tu zona horaria y tu número de seguidores, para publicar a la hora adecuada y mostrar el alcance previsto.',
        ],
      },
      {
        heading: 'Cuando visitas el sitio',
        items: ['Nuestros servidores registran tu dirección IP, tu navegador y la página que pides, para frenar ataques y abusos.'],
      },
    ],
    whyHeading: 'Para qué',
    why: [
      'Para confirmar tu compromiso y contarlo una sola vez; para mostrar tu nombre de pila y tu país en el muro de compromisos, solo si aceptas; para enviarte noticias de la campaña, solo si lo pides.',
      'Para tramitar tu donación, enviarte tu recibo y tu resumen anual, y llevar la contabilidad que exige la ley.',
      'Para publicar una vez el mensaje de la campaña desde la cuenta que prestaste, en el momento que aceptaste.',
      'Solo publicamos totales, nunca compromisos ni donaciones individuales.',
    ],
    retention: {
      heading: 'Cuánto tiempo lo guardamos',
      intro: 'Cada tipo de dato se borra automáticamente cuando vence su plazo. Puedes pedir que borremos tus datos antes, salvo lo que la ley contable nos obliga a conservar.',
      whatColumn: 'Qué',
      howLongColumn: 'Cuánto tiempo',
      rules: {
        unconfirmedPledge: { what: 'Un compromiso que no has confirmado', period: '{duration} después de comprometerte' },
        confirmationLink: { what: 'El enlace que confirma tu compromiso', period: 'Válido durante {duration}' },
        confirmedPledge: { what: 'Tu nombre, tu correo y tu organización en un compromiso confirmado', period: 'Hasta que pidas que los borremos. El recuento anónimo se mantiene.' },
        erasureLink: { what: 'El enlace que confirma una solicitud de borrado de tus datos', period: 'Válido durante {duration}' },
        abuseCounters: { what: 'Hashes con clave de tu IP y de tu correo, para limitar las solicitudes repetidas', period: '{duration}' },
        lentAccount: {
          what: 'La contraseña o el token y el correo de una cuenta que prestaste',
          period: 'Hasta que la revoques, y como máximo {duration} después del Día Mundial (30 de julio) de la campaña, salvo que alguno de sus mensajes siga pendiente',
        },
        revokedAccount: { what: 'El nombre, el idioma y la zona horaria de una cuenta que retiraste', period: '{duration} después de revocarla' },
        mastodonConnection: { what: 'Una conexión con Mastodon en curso', period: '{duration}' },
        socialDeliveries: { what: 'A qué cuentas y correos se envió un mensaje de la campaña, y los enlaces de las publicaciones', period: '{duration} después del envío del mensaje' },
        donorDetails: { what: 'Tu nombre, tu correo, tu nombre en la lista de donantes y tu dedicatoria en una donación', period: 'Hasta que pidas que los borremos' },
        donationRecords: { what: 'El importe, la fecha, la moneda, la campaña y el número de recibo de una donación, sin tu nombre', period: '{duration} después del cierre del ejercicio, como exige la ley contable' },
        financeRecords: { what: 'Nuestro registro de auditoría financiera y las transferencias bancarias', period: '{duration} después del cierre del ejercicio, como exige la ley contable' },
        erasureRecords: { what: 'La constancia de que borramos tus datos: cuándo, quién, cuántos registros y un hash con clave de tu dirección (nunca la dirección)', period: '{duration}' },
        applicationLogs: { what: 'Registros de la aplicación (nunca nombres, correos completos, contraseñas ni datos de tarjeta)', period: '{duration}' },
        accessLogs: { what: 'Registros de acceso con direcciones IP', period: '{duration}' },
      },
    },
    processorsHeading: 'Quién trata tus datos por nosotros',
    processors: [
      'Amazon Web Services (AWS) aloja este sitio y sus datos, cifrados, y envía nuestros correos (Amazon SES).',
      'Stripe procesa los pagos. Conserva los datos de pago que la ley exige a los proveedores de pago, según su propia política de privacidad.',
      'Bluesky, los servidores de Mastodon, X, Facebook, LinkedIn y Threads reciben lo que se publica o comparte a través de ellos, según sus propias políticas de privacidad.',
      'Nunca vendemos tus datos ni los compartimos con nadie más.',
    ],
    choicesHeading: 'Tus opciones',
    choices: [
      'Dejar de recibir correos: cada correo que enviamos tiene un enlace para no recibir más.',
      'Recuperar una cuenta prestada: el correo que confirmó el préstamo tiene un enlace de revocación. Al revocar se borra en el acto la contraseña o el token.',
      'Cambiar o cancelar una donación mensual: el enlace de cada recibo abre la página de Stripe para hacerlo.',
      'Borrarlo todo: usa el formulario de abajo. Te enviamos un enlace por correo para confirmar. Entonces borramos tu compromiso, retiramos las cuentas que prestaste, quitamos tu nombre y tu correo de tus donaciones y ponemos fin a tu donación mensual. Los importes de tus donaciones se quedan en nuestra contabilidad, sin tu nombre, porque lo exige la ley contable.',
      'También puedes pedirlo por correo postal o por teléfono: un administrador borra entonces tus datos por ti y deja constancia de que lo hizo, sin tu dirección.',
    ],
    trackersHeading: 'Sin rastreadores',
    trackers: 'Este sitio no usa analítica, publicidad, cookies de seguimiento ni scripts o fuentes de terceros.',
    eraseForm: {
      heading: 'Borrar mis datos',
      intro: 'Escribe la dirección de correo con la que te comprometiste, donaste o prestaste una cuenta. Si tenemos algo de ella, le enviamos un enlace para confirmar el borrado.',
      email: 'Correo electrónico',
      emailHint: 'Respondemos lo mismo tanto si conocemos esta dirección como si no.',
      submit: 'Enviarme el enlace',
      note: 'No se borra nada hasta que pulses el botón de la página que abre el enlace.',
    },
  },
  erasure: {
    requested: {
      title: 'Revisa tu correo',
      text: 'Si tenemos datos personales de esta dirección, le hemos enviado un correo con un enlace para confirmar el borrado. Si no llega ningún correo, no tenemos nada de ella.',
      expiry: 'El enlace es válido durante 24 horas.',
    },
    confirm: {
      title: 'Borrar tus datos personales',
      text: 'Pulsa el botón para borrar todo lo que tenemos de tu dirección de correo:',
      items: [
        'Tu compromiso: borramos tu nombre, tu correo y tu organización. Tu compromiso sigue contando en los totales, de forma anónima.',
        'Las cuentas que prestaste: las retiramos y borramos su contraseña o token y tu correo.',
        'Tus donaciones: quitamos de ellas tu nombre y tu correo y ponemos fin a cualquier donación mensual. Los importes, fechas y números de recibo se quedan en nuestra contabilidad, porque lo exige la ley contable.',
      ],
      button: 'Borrar mis datos',
      warning: 'No se puede deshacer.',
      why: 'Te pedimos que pulses un botón porque los filtros de seguridad del correo abren los enlaces automáticamente, y no deben borrar nada por ti.',
    },
    done: {
      title: 'Tus datos están borrados',
      text: 'Hemos borrado los datos personales que teníamos de tu dirección de correo:',
      counts: {
        pledges: 'Compromisos borrados: {count}',
        lentAccounts: 'Cuentas prestadas retiradas: {count}',
        donationRecords: 'Donaciones que ya no llevan tu nombre: {count}',
        stripeCustomers: 'Perfiles de pago borrados en Stripe: {count}',
      },
      nothing: 'No quedaba nada por borrar: ya estaba borrado.',
      kept: 'Guardamos constancia de este borrado, sin tu dirección.',
    },
    linkInvalid: { title: 'Este enlace no funciona', text: 'Puede que el enlace esté incompleto. Copia el enlace entero del correo en tu navegador, o vuelve a pedirlo.' },
    linkExpired: { title: 'Este enlace ha caducado', text: 'El enlace es válido durante 24 horas. Vuelve a pedirlo y te enviaremos uno nuevo.' },
    askAgain: 'Volver a pedirlo',
  },
};
