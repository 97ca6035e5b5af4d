import type { Catalogue } from '../i18n/index.js';

/**
 * The texts of this widget, in its own chunk (a page pays only for the widgets it has). Dutch is
 * here; other languages load on demand (`texts.en.ts`, `texts.fr.ts`). Functions where a text holds a number,
 * an amount or a plural; amounts and dates arrive formatted.
 */
export interface VoteBallotTexts {
  title: (roundTitle: string) => string;
  loading: string;
  notOpenTitle: string;
  notOpen: (date: string) => string;
  closedTitle: string;
  closed: (date: string) => string;
  noVoting: string;
  district: string;
  districtPlaceholder: string;
  /** `Stap 1 van 3: Kiezen`. */
  step: (index: number, total: number, name: string) => string;
  steps: { choose: string; verify: string; review: string };
  /** How this round votes: `Kies 1 tot 3 voorstellen.` and the like; amounts formatted. */
  howApproval: (min: number, max: number | null) => string;
  howKnapsack: (budget: string) => string;
  howPoints: (points: number) => string;
  howRanking: (max: number | null) => string;
  cost: (amount: string) => string;
  points: string;
  rank: (rank: number) => string;
  moveUp: string;
  moveDown: string;
  spent: (spent: string, budget: string) => string;
  left: (amount: string) => string;
  chosen: (count: number) => string;
  pointsLeft: (count: number) => string;
  issues: {
    tooFew: (count: number) => string;
    tooMany: (count: number) => string;
    overBudget: string;
    underMinSpend: (percent: string) => string;
    pointsTotal: (points: number) => string;
    rankSequence: string;
    wrongDistrict: string;
    severalDistricts: string;
    other: string;
  };
  issuesTitle: string;
  next: string;
  empty: string;
  discuss: string;
  /** Knapsack over the budget: `U zit € 50.000 boven het budget.` */
  overBy: (amount: string) => string;
  /** Points: more given than there are to spread. */
  pointsOver: (count: number) => string;
}

const nl: VoteBallotTexts = {
  title: (roundTitle) => `Stem op de ideeën voor ${roundTitle}`,
  loading: 'Het stemformulier wordt geladen…',
  notOpenTitle: 'Stemmen kan nog niet',
  notOpen: (date) => `U kunt stemmen vanaf ${date}.`,
  closedTitle: 'Het stemmen is gesloten',
  closed: (date) => `Stemmen kon tot ${date}.`,
  noVoting: 'In deze ronde wordt niet gestemd.',
  district: 'Uw wijk',
  districtPlaceholder: 'Kies uw wijk',
  step: (index, total, name) => `Stap ${index} van ${total}: ${name}`,
  steps: { choose: 'Kiezen', verify: 'Controleren wie u bent', review: 'Nakijken en stemmen' },
  howApproval: (min, max) =>
    max === null
      ? `Kies minstens ${min} ${min === 1 ? 'voorstel' : 'voorstellen'}.`
      : `Kies ${min === max ? max : `${min} tot ${max}`} ${max === 1 ? 'voorstel' : 'voorstellen'}.`,
  howKnapsack: (budget) => `Kies voorstellen die samen niet meer kosten dan ${budget}.`,
  howPoints: (points) => `Verdeel ${points} punten over de voorstellen die u belangrijk vindt.`,
  howRanking: (max) =>
    `Kies ${max === null ? 'voorstellen' : `hoogstens ${max} voorstellen`} en zet ze in volgorde: de belangrijkste bovenaan.`,
  cost: (amount) => `Kosten: ${amount}`,
  points: 'Punten',
  rank: (rank) => `Plaats ${rank}`,
  moveUp: 'Hoger',
  moveDown: 'Lager',
  spent: (spent, budget) => `U besteedt ${spent} van ${budget}.`,
  left: (amount) => `Nog ${amount} over.`,
  chosen: (count) => (count === 1 ? '1 voorstel gekozen.' : `${count} voorstellen gekozen.`),
  pointsLeft: (count) =>
    count === 1 ? 'Nog 1 punt te verdelen.' : `Nog ${count} punten te verdelen.`,
  issues: {
    tooFew: (count) => `Kies minstens ${count} ${count === 1 ? 'voorstel' : 'voorstellen'}.`,
    tooMany: (count) => `Kies hoogstens ${count} ${count === 1 ? 'voorstel' : 'voorstellen'}.`,
    overBudget: 'De gekozen voorstellen kosten samen meer dan het budget.',
    underMinSpend: (percent) => `Besteed minstens ${percent} van het budget.`,
    pointsTotal: (points) => `Verdeel precies ${points} punten.`,
    rankSequence: 'Geef elk gekozen voorstel een eigen plaats: 1, 2, 3 enzovoort.',
    wrongDistrict: 'U kunt alleen stemmen op voorstellen in uw eigen wijk.',
    severalDistricts: 'Kies voorstellen uit één wijk.',
    other: 'Er klopt iets niet aan uw keuze.',
  },
  issuesTitle: 'Uw keuze is nog niet af',
  next: 'Verder',
  empty: 'Er zijn geen voorstellen om op te stemmen.',
  discuss: 'Lees en praat mee',
  overBy: (amount) => `U zit ${amount} boven het budget.`,
  pointsOver: (count) =>
    count === 1 ? 'U hebt 1 punt te veel verdeeld.' : `U hebt ${count} punten te veel verdeeld.`,
};

export const voteBallotTexts: Catalogue<VoteBallotTexts> = {
  nl,
  en: () => import('./texts.en.js').then((module) => module.en),
  fr: () => import('./texts.fr.js').then((module) => module.fr),
};
