import type { BallotStepsTexts } from './steps-texts.js';

const one = (count: number) => new Intl.PluralRules('fr').select(count) === 'one';

/** French (Brussels). */
export const fr: BallotStepsTexts = {
  back: 'Revenir à votre choix',
  codeLabel: 'Code de vote',
  codeHint: 'Le code figure dans la lettre que vous avez reçue.',
  verify: 'Vérifier le code',
  verifying: 'Vérification du code…',
  verifyFailed: 'Ce code est incorrect ou a déjà été utilisé.',
  openVerify: 'Pour ce budget participatif, vous n’avez pas à prouver votre identité.',
  emailTitle: 'Pas de lettre\u202f? Votez avec votre adresse e-mail',
  emailLabel: 'Votre adresse e-mail',
  emailHint:
    'Nous vous envoyons un code pour voter. Votre adresse n’est pas conservée avec votre vote.',
  sendEmail: 'M’envoyer un code',
  emailSent: (email) => `Nous avons envoyé un code à ${email}. Veuillez le saisir ci-dessous.`,
  otpLabel: 'Code reçu par e-mail',
  selectionKept: 'Votre choix est conservé, même si vous fermez la page.',
  districtChanged: (name) =>
    `Votre code correspond au quartier ${name}. Veuillez vérifier votre choix pour ce quartier.`,
  reviewTotal: (amount) => `Total\u00a0: ${amount}`,
  cast: 'Voter',
  casting: 'Envoi de votre vote…',
  doneTitle: 'Merci\u202f! Votre vote a été enregistré.',
  receipt: 'Votre code de reçu',
  receiptHint:
    'Conservez ce code\u00a0: il vous permet de modifier votre vote tant que le vote est ouvert.',
  nextVoter: 'Électeur suivant',
  ageBand:
    'Votre âge (facultatif\u00a0; compté à part de votre vote, pour que la ville voie qui participe)',
  ageBandSkip: 'Je préfère ne pas répondre',
  pointsCount: (count) => (one(count) ? `${count} point` : `${count} points`),
  receiptMismatch:
    'Le code de reçu conservé sur cet appareil ne correspond pas à votre code\u00a0: quelqu’un d’autre a peut-être déjà voté ici. Votre vote n’a pas encore été enregistré. Votez comme nouvel électeur\u00a0; un vote antérieur de votre part reste alors inchangé.',
  castAsNew: 'Voter comme nouvel électeur',
  alreadyCast:
    'Ce code a déjà servi à voter. Un vote ne peut être modifié qu’avec son code de reçu.',
  unknownProposal:
    'L’un des projets choisis ne figure plus sur le bulletin. Revenez à votre choix et vérifiez-le.',
  alreadyVoted: 'Quelqu’un a déjà voté dans ce tour sur cet appareil.',
  receiptLabel: 'Code de reçu\u00a0:',
  changeHint:
    'C’était vous\u202f? Vous pouvez alors modifier votre vote\u00a0: votre nouveau choix remplace le précédent. Vous n’avez pas encore voté\u202f? Choisissez simplement ci-dessous.',
  voteIsIn:
    'Ce vote est enregistré et compte\u202f; ce tour ne permet pas de le modifier. Vous n’avez pas encore voté\u202f? Choisissez simplement ci-dessous.',
  changeVote: 'Modifier votre vote',
  changing:
    'Vous modifiez votre vote\u00a0: votre nouveau choix remplace le précédent. Il vous faudra de nouveau votre code.',
  idleTitle: 'Êtes-vous toujours là\u202f?',
  idleWarning: (seconds) =>
    `Sans action de votre part, le bulletin recommence dans ${seconds} ${one(seconds) ? 'seconde' : 'secondes'} et votre choix sera perdu.`,
  idleStay: 'Je suis toujours là',
};
