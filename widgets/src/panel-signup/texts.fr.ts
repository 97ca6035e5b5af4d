import type { PanelSignupTexts } from './texts.js';

/** French (Brussels; formal vous). A no-break space before `:` and a narrow one before `;`, `?`, `!`. */
export const fr: PanelSignupTexts = {
  title: (roundTitle) => `Panel citoyen de ${roundTitle}`,
  loading: 'Chargement du panel citoyen…',
  loadedOpen: 'Vous pouvez vous inscrire au panel citoyen.',
  intro:
    'Un groupe d’habitants, tiré au sort, examine les propositions. Ainsi le panel ressemble à la ville, et pas seulement à ceux qui se font le plus entendre. Inscrivez-vous\u202f; le tirage se fait parmi tous les inscrits.',
  fields: {
    displayName: 'Votre nom',
    displayNameHint: 'Comment nous vous appelons dans nos e-mails. Non public.',
    email: 'Votre adresse e-mail',
    emailHint:
      'Non publique. Nous y envoyons votre confirmation et, si vous êtes tiré(e) au sort, l’invitation.',
    emailInvalid: 'Saisissez une adresse e-mail valide, par exemple nom@exemple.be.',
    district: 'Votre quartier',
    districtHint: 'Chaque quartier reçoit des places selon son nombre d’habitants.',
    districtPlaceholder: 'Choisissez votre quartier',
    ageBand: 'Votre âge',
    ageBandHint: 'Pour que le panel ressemble aussi à la ville par l’âge.',
    ageBandPlaceholder: 'Choisissez votre tranche d’âge',
    consent: 'Je souhaite participer et accepte d’être contacté(e) par e-mail à ce sujet',
    consentHint: 'Sans ce consentement, nous ne pouvons pas vous inviter.',
    consentRequired: 'Cochez cette case pour vous inscrire.',
  },
  privacy:
    'Que deviennent vos données\u202f? Seuls les agents qui organisent le panel voient votre nom et votre adresse e-mail, et ils ne les utilisent que pour ce panel. Le fichier public du tirage ne vous montre que par un numéro de tirage avec votre quartier (et votre tranche d’âge), jamais avec votre nom ou votre adresse.',
  submit: 'M’inscrire',
  submitting: 'Envoi de votre inscription…',
  closedMeanwhile: 'Les inscriptions viennent de fermer\u00a0: le groupe du tirage est arrêté.',
  sentTitle: 'Merci\u202f! Vous êtes inscrit(e).',
  sentSteps: [
    'Vous recevrez une confirmation par e-mail avec votre numéro de tirage, pour vérifier plus tard que vous faisiez partie du tirage.',
    'La commune clôt les inscriptions, puis annonce avant le tirage le nombre à partir duquel il est fait. Le résultat en chiffres paraîtra sur cette page.',
    'Si vous êtes tiré(e) au sort, vous recevrez une invitation par e-mail. Sinon, vous êtes sur la liste de réserve.',
  ],
  another: 'Inscrire une autre personne',
  closedTitle: 'Les inscriptions sont closes',
  closed:
    'Le groupe dans lequel le panel est tiré est arrêté\u00a0: personne ne peut plus être ajouté. Avant le tirage, la commune annonce le nombre dont il part\u202f; le résultat en chiffres paraîtra sur cette page.',
  notOpenTitle: 'Les inscriptions ne sont pas ouvertes',
  notEnabled: 'Vous ne pouvez pas (encore) vous inscrire au panel citoyen de ce cycle.',
  opensOn: (date) => `Les inscriptions au panel citoyen ouvrent le ${date}.`,
  closedOn: (date) => `Les inscriptions au panel citoyen étaient ouvertes jusqu’au ${date}.`,
  drawnTitle: 'Le panel citoyen a été tiré au sort',
  drawn: (date) =>
    `Tiré au sort le ${date}. Les chiffres sont ci-dessous\u202f; les noms ne sont jamais publiés.`,
  facts: {
    seats: 'Places',
    seed: 'Nombre du tirage',
    volunteers: 'Inscriptions',
    selected: 'Tirés au sort',
    unfilled: 'Non pourvues',
    poolSha256: 'Empreinte des inscriptions (SHA-256)',
    fileSha256: 'Empreinte du fichier du tirage (SHA-256)',
  },
  groupsCaption:
    'Par groupe\u00a0: places selon la part des habitants, inscriptions et tirés au sort',
  groupHeader: 'Groupe',
  targetHeader: 'Places',
  volunteersHeader: 'Inscriptions',
  selectedHeader: 'Tirés au sort',
  everyone: 'Tout le monde',
  drawFileLink: 'Télécharger le fichier du tirage (JSON)',
  checkTitle: 'Vérifier vous-même',
  checkSteps: [
    'Téléchargez le fichier du tirage ci-dessus. Chaque candidat y figure par un numéro de tirage\u202f; le vôtre est dans votre e-mail de confirmation.',
    'Refaites le tirage avec Node.js 20, dans une copie du code source de Begroot\u00a0:',
    'Vérifiez que l’empreinte affichée par le programme est celle ci-dessus, et que le nombre du tirage est celui annoncé à l’avance.',
  ],
  voidedTitle: 'Tirages antérieurs déclarés nuls',
  voided: (number, date, reason) => `Tirage ${number}, déclaré nul le ${date}\u00a0: ${reason}`,
};
