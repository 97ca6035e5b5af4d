import type { ProposalFormTexts } from './texts.js';

/** French (Brussels): formal `vous`, French spacing before `:` and `;`. */
export const fr: ProposalFormTexts = {
  title: (roundTitle) => `Votre idée pour ${roundTitle}`,
  loading: 'Chargement du formulaire…',
  intro:
    'Décrivez votre idée en quelques phrases. Inutile d’établir un budget\u00a0: la commune calcule le coût.',
  fields: {
    title: 'Titre de votre idée',
    titleHint: 'Court et clair, par exemple\u00a0: Des bancs au parc Josaphat.',
    summary: 'Résumé',
    summaryHint: 'Une ou deux phrases que les autres liront en premier.',
    description: 'Description',
    descriptionHint: 'Que souhaitez-vous, où, et en quoi est-ce bon pour le quartier\u202f?',
    estimatedCost: (currency) => `Coût estimé (en ${currency})`,
    estimatedCostHint: 'Une estimation approximative suffit, par exemple 12 000.',
    district: 'Quartier',
    districtPlaceholder: 'Choisissez un quartier',
    theme: 'Thème',
    themeNone: 'Aucun thème',
    location: 'Lieu',
    locationHint: 'Une rue, une place ou un parc.',
    authorName: 'Votre nom',
    authorNameHint: 'Affiché avec votre idée. Vous pouvez le laisser vide.',
    email: 'Votre adresse e-mail',
    emailHint: 'Non publique. Uniquement pour vous informer de la suite donnée à votre idée.',
    notInDraft:
      'Votre nom et votre adresse e-mail ne sont pas conservés dans le brouillon sur cet appareil.',
  },
  submit: 'Envoyer l’idée',
  submitting: 'Envoi de votre idée…',
  draftRestored: 'Nous avons rétabli le brouillon que vous aviez commencé.',
  discardDraft: 'Vider le formulaire',
  draftDiscarded: 'Le formulaire a été vidé.',
  notOpenTitle: 'Le dépôt des idées n’a pas encore commencé',
  notOpen: (date) => `Vous pourrez déposer des idées à partir du ${date}.`,
  closedTitle: 'Le dépôt des idées est clôturé',
  closed: (date) => `Les idées pouvaient être déposées jusqu’au ${date}.`,
  noIdeasPhase: 'Ce budget participatif ne recueille pas d’idées des habitants.',
  nextPhase: (phase, start, end) => `Du ${start} au ${end}\u00a0: ${phase}.`,
  forbidden: 'Il n’est pas possible de déposer des idées pour le moment.',
  successTitle: 'Merci\u202f! Votre idée a bien été reçue.',
  successReview: (date, days) =>
    `Les services communaux examinent si votre idée est réalisable et ce qu’elle coûte. Vous recevrez une réponse dans les ${days} jours, au plus tard le ${date}.`,
  successDeliberation: (start, end) =>
    `Du ${start} au ${end}, chacun peut discuter des idées retenues après examen.`,
  successVoting: (start, end) => `Du ${start} au ${end}, les habitants votent sur les idées.`,
  successEmail:
    'Nous enverrons des nouvelles de votre idée à l’adresse e-mail que vous avez indiquée.',
  another: 'Déposer une autre idée',
};
