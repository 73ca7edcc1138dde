/** Fixed wording of the rights section, in French and English. */

/** Rights in the order a reader expects them. */
export const RIGHTS_ORDER = [
  'access',
  'confirmation',
  'rectification',
  'erasure',
  'restriction',
  'notification-to-recipients',
  'portability',
  'objection',
  'objection-direct-marketing',
  'automated-decision',
  'withdraw-consent',
  'complaint',
  'post-mortem',
];

/** Sentences and labels of the rights section. */
export const RIGHTS_TEXT = {
  fr: {
    title: 'Vos droits',
    intro:
      "Vous disposez des droits suivants sur vos données. Le tableau précise, pour chacun, s'il s'applique pleinement ou avec des limites, et pourquoi.",
    caption: 'Vos droits et leurs limites',
    head: ['Droit', 'Article', 'Disponible', 'Ce que ce droit vous permet'],
    yes: 'Oui',
    limited: 'Oui, avec des limites',
    no: 'Non',
    limits: 'Limites : ',
    reason: 'Motif : ',
    conditions: 'Conditions : ',
    exerciseTitle: 'Comment exercer vos droits',
    exercise: 'Pour exercer vos droits, contactez-nous :',
    channel: {
      email: 'Par e-mail : ',
      postal: 'Par courrier : ',
      'web-form': 'Par notre formulaire en ligne : ',
      phone: 'Par téléphone : ',
      'privacy-center': 'Depuis notre espace confidentialité : ',
    },
    conditionsTitle: 'Conditions de votre demande',
    response: (limit: string, stated: boolean) =>
      stated
        ? `Nous répondons à votre demande dans un délai ${limit} à compter de sa réception.`
        : `Nous répondons à votre demande dans un délai ${limit} à compter de sa réception, comme le prévoit l'article 12, paragraphe 3, du RGPD.`,
    extension: (limit: string) =>
      `Ce délai peut être prolongé ${limit} compte tenu de la complexité ou du nombre de demandes ; nous vous en informerons dans le premier mois, en précisant les raisons.`,
    free: "L'exercice de vos droits est gratuit.",
    copies: {
      free: 'Les copies supplémentaires de vos données sont également gratuites.',
      'reasonable-fee':
        'Des frais raisonnables peuvent vous être demandés pour toute copie supplémentaire de vos données.',
    },
    excessive: {
      refuse:
        'Nous pouvons refuser une demande manifestement infondée ou excessive, notamment par son caractère répétitif.',
      'reasonable-fee':
        'Nous pouvons demander des frais raisonnables pour répondre à une demande manifestement infondée ou excessive, notamment par son caractère répétitif.',
      'refuse-or-fee':
        'Nous pouvons refuser une demande manifestement infondée ou excessive, notamment par son caractère répétitif, ou demander des frais raisonnables pour y répondre.',
    },
    postMortemTitle: 'Directives post mortem',
    postMortem:
      "Vous pouvez définir des directives relatives à la conservation, à l'effacement et à la communication de vos données après votre décès (article 85 de la loi Informatique et Libertés). Vous pouvez les modifier ou les révoquer à tout moment et désigner une personne chargée de leur exécution.",
    postMortemHow: 'Pour nous transmettre vos directives :',
    noPostMortem:
      "Nous n'enregistrons pas de directives particulières relatives au sort de vos données après votre décès.",
    complaintTitle: "Réclamation auprès de l'autorité de contrôle",
    complaint: (authority: string, first: boolean) =>
      first
        ? `Si vous estimez, après nous avoir contactés, que vos droits ne sont pas respectés, vous pouvez introduire une réclamation auprès de l'autorité de contrôle : ${authority}.`
        : `Vous pouvez à tout moment introduire une réclamation auprès de l'autorité de contrôle : ${authority}.`,
    address: 'Adresse',
    website: 'Site web',
    form: 'Formulaire de plainte',
    phone: 'Téléphone',
    email: 'E-mail',
  },
  en: {
    title: 'Your rights',
    intro:
      'You have the following rights over your data. The table shows, for each one, whether it applies fully or with limits, and why.',
    caption: 'Your rights and their limits',
    head: ['Right', 'Article', 'Available', 'What this right lets you do'],
    yes: 'Yes',
    limited: 'Yes, with limits',
    no: 'No',
    limits: 'Limits: ',
    reason: 'Reason: ',
    conditions: 'Conditions: ',
    exerciseTitle: 'How to exercise your rights',
    exercise: 'To exercise your rights, contact us:',
    channel: {
      email: 'By e-mail: ',
      postal: 'By post: ',
      'web-form': 'Through our online form: ',
      phone: 'By phone: ',
      'privacy-center': 'In our privacy centre: ',
    },
    conditionsTitle: 'Conditions for your request',
    response: (limit: string, stated: boolean) =>
      stated
        ? `We answer your request within ${limit} of receiving it.`
        : `We answer your request within ${limit} of receiving it, as Article 12(3) GDPR requires.`,
    extension: (limit: string) =>
      `This period may be extended by ${limit} given the complexity or number of requests; we will tell you so within the first month, with the reasons.`,
    free: 'Exercising your rights is free of charge.',
    copies: {
      free: 'Further copies of your data are also free.',
      'reasonable-fee': 'A reasonable fee may be charged for any further copy of your data.',
    },
    excessive: {
      refuse: 'We may refuse a manifestly unfounded or excessive request, in particular a repetitive one.',
      'reasonable-fee':
        'We may charge a reasonable fee to answer a manifestly unfounded or excessive request, in particular a repetitive one.',
      'refuse-or-fee':
        'We may refuse a manifestly unfounded or excessive request, in particular a repetitive one, or charge a reasonable fee to answer it.',
    },
    postMortemTitle: 'Directions after death',
    postMortem:
      'You can give directions on the retention, erasure and disclosure of your data after your death (Article 85 of the French Data Protection Act). You can change or revoke them at any time and name a person to carry them out.',
    postMortemHow: 'To send us your directions:',
    noPostMortem: 'We do not record specific directions on what happens to your data after your death.',
    complaintTitle: 'Complaint to the supervisory authority',
    complaint: (authority: string, first: boolean) =>
      first
        ? `If, after contacting us, you consider that your rights are not respected, you can lodge a complaint with the supervisory authority: ${authority}.`
        : `You can lodge a complaint with the supervisory authority at any time: ${authority}.`,
    address: 'Address',
    website: 'Website',
    form: 'Complaint form',
    phone: 'Phone',
    email: 'E-mail',
  },
} as const;
