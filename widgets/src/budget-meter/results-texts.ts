import type { Catalogue } from '../i18n/index.js';

/**
 * The texts of the meter's results mode, loaded with its code (`results.ts`): Dutch here, other
 * languages on demand (`results-texts.en.ts`, `results-texts.fr.ts`). Amounts and dates arrive
 * formatted.
 */
export interface ResultsTexts {
  /** The heading: `Uitslag van Voorbeeldstad 2027`. */
  title: (roundTitle: string) => string;
  /** Accessible name of the list of districts' results. */
  districtsLabel: string;
  /** Before publication, with the date the results phase starts. */
  publishedOn: (date: string) => string;
  /** Before publication, when the round names no date (or the date has passed). */
  notPublished: string;
  /** Published results without a district (nothing was on the ballot). */
  empty: string;
  /** The bucket of proposals for the whole city in a round with districts. */
  cityWide: string;
  /** `€ 380.000 besteed, € 20.000 over van € 400.000`. */
  spent: (spent: string, left: string, budget: string) => string;
  /** Accessible name of one district's list of funded proposals. */
  fundedIn: (district: string) => string;
  /** One funded proposal's share of its district's budget: `25 % van het budget`. */
  shareOfBudget: (percent: string) => string;
  /** A district where no proposal was funded. */
  noneFunded: string;
  notFunded: (count: number) => string;
  /** `Geteld: 1.234 stemmen` (the count arrives formatted). */
  ballotsCounted: (count: number, formatted: string) => string;
  /** Announced when the results arrive. */
  loaded: (funded: number, districts: number) => string;
}

const nl: ResultsTexts = {
  title: (roundTitle) => `Uitslag van ${roundTitle}`,
  districtsLabel: 'Uitslag per wijk',
  publishedOn: (date) => `De uitslag wordt bekendgemaakt op ${date}.`,
  notPublished: 'De uitslag is nog niet bekendgemaakt.',
  empty: 'Er stonden geen voorstellen op het stembiljet, dus er is geen uitslag.',
  cityWide: 'Hele stad',
  spent: (spent, left, budget) => `${spent} besteed, ${left} over van ${budget}`,
  fundedIn: (district) => `Gekozen voorstellen in ${district}`,
  shareOfBudget: (percent) => `${percent} van het budget`,
  noneFunded: 'In deze wijk is geen voorstel gekozen.',
  notFunded: (count) =>
    count === 1 ? '1 voorstel is niet gekozen.' : `${count} voorstellen zijn niet gekozen.`,
  ballotsCounted: (count, formatted) => `Geteld: ${formatted} ${count === 1 ? 'stem' : 'stemmen'}.`,
  loaded: (funded, districts) =>
    `Uitslag geladen: ${funded} ${funded === 1 ? 'voorstel' : 'voorstellen'} gekozen in ${districts} ${districts === 1 ? 'wijk' : 'wijken'}.`,
};

export const resultsTexts: Catalogue<ResultsTexts> = {
  nl,
  en: () => import('./results-texts.en.js').then((module) => module.en),
  fr: () => import('./results-texts.fr.js').then((module) => module.fr),
};
