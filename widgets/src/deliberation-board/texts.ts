import type { Stance } from '@begroot/core';
import type { Catalogue } from '../i18n/index.js';

/**
 * The texts of this widget, in its own chunk (a page pays only for the widgets it has). Dutch is
 * here; other languages load on demand (`texts.en.ts`, `texts.fr.ts`). Functions where a text holds a number,
 * an amount or a plural; amounts and dates arrive formatted.
 */
export interface DeliberationBoardTexts {
  title: (roundTitle: string) => string;
  loading: string;
  loaded: (count: number) => string;
  orderNote: string;
  filters: string;
  district: string;
  allDistricts: string;
  theme: string;
  allThemes: string;
  empty: string;
  emptyFiltered: string;
  proposalNotFound: string;
  /** Leaves the one proposal the page's address named for the list of all. */
  showAll: string;
  moreProposals: string;
  estimatedCost: (amount: string) => string;
  officialCost: (amount: string) => string;
  /** `3 voor, 1 tegen, 2 vragen`. */
  counts: (counts: Record<Stance, number>) => string;
  showArguments: string;
  hideArguments: string;
  argumentsLoading: string;
  argumentsLoaded: (count: number) => string;
}

const nl: DeliberationBoardTexts = {
  title: (roundTitle) => `Praat mee over de ideeën voor ${roundTitle}`,
  loading: 'De ideeën worden geladen…',
  loaded: (count) => (count === 1 ? '1 idee geladen.' : `${count} ideeën geladen.`),
  orderNote: 'De volgorde is willekeurig, zodat geen idee voortrekt. Voor u blijft ze gelijk.',
  filters: 'Ideeën filteren',
  district: 'Wijk',
  allDistricts: 'Alle wijken',
  theme: 'Thema',
  allThemes: 'Alle thema’s',
  empty: 'Er zijn nog geen ideeën om over mee te praten.',
  emptyFiltered: 'Er zijn geen ideeën voor deze keuze.',
  proposalNotFound: 'Dit idee bestaat niet (meer).',
  showAll: 'Alle ideeën tonen',
  moreProposals: 'Meer ideeën tonen',
  estimatedCost: (amount) => `Geschatte kosten: ${amount}`,
  officialCost: (amount) => `Kosten volgens de gemeente: ${amount}`,
  counts: (c) =>
    `${c.for} voor, ${c.against} tegen, ${c.question} ${c.question === 1 ? 'vraag' : 'vragen'}`,
  showArguments: 'Argumenten tonen',
  hideArguments: 'Argumenten verbergen',
  argumentsLoading: 'De argumenten worden geladen…',
  argumentsLoaded: (count) => (count === 1 ? '1 bijdrage geladen.' : `${count} bijdragen geladen.`),
};

export const deliberationBoardTexts: Catalogue<DeliberationBoardTexts> = {
  nl,
  en: () => import('./texts.en.js').then((module) => module.en),
  fr: () => import('./texts.fr.js').then((module) => module.fr),
};
