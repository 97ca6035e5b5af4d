import type { Messages } from './messages.js';

// French counts 0 and 1 as singular (`0 quartier`), unlike Dutch and English.
const plural = new Intl.PluralRules('fr');
const one = (count: number) => plural.select(count) === 'one';

/**
 * French, for Brussels: formal `vous`. French typography puts a no-break space (`\u00a0`) before
 * `:` and a narrow one (`\u202f`) before `;`, `?` and `!`, so a line never starts with the sign.
 */
export const fr: Messages = {
  common: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    requestFailed: {
      network: 'Le serveur est injoignable. Veuillez vérifier votre connexion Internet.',
      notFound: 'Ce budget participatif n’existe pas (ou plus).',
      server: 'Le serveur n’a pas pu fournir les données pour le moment.',
      invalidResponse: 'Le serveur a envoyé une réponse illisible.',
      configuration: (attribute) =>
        `Ce composant est mal configuré\u00a0: l’attribut ${attribute} est absent ou incorrect.`,
      rateLimited:
        'Trop de demandes arrivent en ce moment. Veuillez réessayer dans quelques minutes.',
    },
    phases: {
      ideas: 'le dépôt des idées',
      review: 'l’examen',
      deliberation: 'la discussion',
      voting: 'le vote',
      results: 'les résultats',
      execution: 'la réalisation',
    },
    optional: '(facultatif)',
    charactersLeft: (count) =>
      one(count) ? `Encore ${count} caractère` : `Encore ${count} caractères`,
    charactersTooMany: (count) =>
      one(count) ? `${count} caractère de trop` : `${count} caractères de trop`,
    errorSummaryTitle: 'Un problème est survenu',
    errorCount: (count) =>
      one(count)
        ? `Le formulaire contient ${count} erreur.`
        : `Le formulaire contient ${count} erreurs.`,
    honeypotLabel: 'Laissez ce champ vide',
    fieldErrors: {
      required: 'Veuillez remplir ce champ.',
      minLength: (count) => `Écrivez au moins ${count} caractères.`,
      maxLength: (count) => `Écrivez au plus ${count} caractères.`,
      oneLine: 'Tenez-vous-en à une seule ligne.',
      noMarkup: 'Écrivez du texte simple, sans code HTML.',
      controlCharacters: 'Retirez les caractères de contrôle invisibles de ce texte.',
      email: 'Saisissez une adresse e-mail valide, ou laissez ce champ vide.',
      choose: 'Faites un choix.',
      amount: 'Saisissez un montant, par exemple 12 000.',
      amountNegative: 'Un montant ne peut pas être négatif.',
      amountTooBig: (max) => `Le montant ne peut pas dépasser ${max}.`,
      amountDecimals: 'Utilisez au plus deux décimales.',
      tooShort: 'Ce texte est trop court. Écrivez-en un peu plus.',
      tooLong: 'Ce texte est trop long. Raccourcissez-le.',
      invalid: 'Ce n’est pas tout à fait correct. Veuillez vérifier votre saisie.',
    },
  },
  budgetMeter: {
    regionLabel: (roundTitle) => `Budget de ${roundTitle}`,
    loading: 'Chargement du budget…',
    totalLabel: 'Budget total',
    districtsLabel: 'Budget par quartier',
    shareOfTotal: (percent) => `${percent} du total`,
    noDistricts: 'Ce budget participatif n’a pas de budget par quartier.',
    districtNotFound: (district) =>
      `Le quartier «\u00a0${district}\u00a0» ne fait pas partie de ce budget participatif.`,
    loaded: (total, count) =>
      `Budget chargé\u00a0: ${total} réparti sur ${count} ${one(count) ? 'quartier' : 'quartiers'}.`,
    loadedDistrict: (name, amount) => `Budget de ${name} chargé\u00a0: ${amount}.`,
    ballotTitle: 'Votre budget',
    spentLabel: 'Dépensé',
    leftLabel: 'Reste',
    overLabel: 'Dépassement',
    ballotWaiting:
      'Choisissez des projets dans le bulletin de vote\u202f; vous verrez ici ce que vous dépensez.',
    ballotStatus: (spent, left, budget) => `${spent} dépensés, il reste ${left} sur ${budget}.`,
    ballotStatusOver: (spent, over, budget) =>
      `${spent} dépensés, soit ${over} de plus que le budget de ${budget}.`,
    overBy: (amount) => `Attention\u00a0: vous dépassez le budget de ${amount}.`,
    nearLimit: (amount) => `Presque épuisé\u00a0: il reste ${amount}.`,
    resultsLoading: 'Chargement des résultats…',
  },
};
