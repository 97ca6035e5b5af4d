import type { PhaseKind } from '@begroot/core';
import type { Catalogue } from '../i18n/index.js';

/**
 * The texts of `<begroot-round-timeline>`, in its own chunk: Dutch here, other languages on demand
 * (`texts.en.ts`, `texts.fr.ts`). Dates and relative times (`over 3 dagen`, `morgen`) arrive
 * formatted by `Intl` in the page's language.
 */
export interface RoundTimelineTexts {
  /** The heading: `Zo verloopt Voorbeeldstad 2027`. */
  title: (roundTitle: string) => string;
  loading: string;
  /** Accessible name of the list of steps. */
  stepsLabel: string;
  /** A round without phases yet. */
  empty: string;
  /** Each phase's name as a step's heading. */
  names: Record<PhaseKind, string>;
  /** What happens in a phase, said to a resident while it is open. */
  now: Record<PhaseKind, string>;
  /** What happens in a phase, before or after it. */
  about: Record<PhaseKind, string>;
  /** The text of each phase's link (`proposal-href`, `discussion-href`…). */
  links: Record<PhaseKind, string>;
  /** The step's state, visible beside its name. */
  state: { done: string; current: string; upcoming: string };
  /** `1 maart 2027 – 21 maart 2027`. */
  dates: (start: string, end: string) => string;
  /** An upcoming step, with `Intl.RelativeTimeFormat`'s text: `Begint over 3 dagen`. */
  opensIn: (relative: string) => string;
  /** The current step: `Sluit over 5 dagen`. */
  closesIn: (relative: string) => string;
  /** A step that is over. */
  closedOn: (date: string) => string;
  /** A step an official closed before its end date. */
  closedEarlyOn: (date: string) => string;
  /** The line under the heading when a step is open: `Nu: stemmen`. */
  summaryNow: (phase: string) => string;
  /** Between steps: `Volgende stap: stemmen, begint over 3 dagen`. */
  summaryNext: (phase: string, relative: string) => string;
  /** After the last step. */
  summaryDone: string;
  /** Announced when the timeline has loaded. */
  loaded: (steps: number) => string;
}

const nl: RoundTimelineTexts = {
  title: (roundTitle) => `Zo verloopt ${roundTitle}`,
  loading: 'De planning wordt geladen…',
  stepsLabel: 'Stappen van de ronde',
  empty: 'De planning van deze ronde is nog niet bekend.',
  names: {
    ideas: 'Ideeën indienen',
    review: 'Beoordeling',
    deliberation: 'Meepraten',
    voting: 'Stemmen',
    results: 'Uitslag',
    execution: 'Uitvoering',
  },
  now: {
    ideas: 'Heeft u een idee voor uw buurt? Dien het nu in.',
    review: 'De gemeente bekijkt nu of de ideeën haalbaar zijn en wat ze kosten.',
    deliberation: 'Lees de voorstellen en geef uw argumenten voor of tegen.',
    voting: 'Kies de voorstellen die u het belangrijkst vindt.',
    results: 'De uitslag is bekend: zie welke voorstellen zijn gekozen.',
    execution: 'De gekozen voorstellen worden uitgevoerd: volg hoe het gaat.',
  },
  about: {
    ideas: 'Bewoners dienen ideeën in.',
    review: 'De gemeente bekijkt of de ideeën haalbaar zijn en wat ze kosten.',
    deliberation: 'Bewoners praten mee over de voorstellen.',
    voting: 'Bewoners kiezen de voorstellen die worden uitgevoerd.',
    results: 'De uitslag wordt bekendgemaakt.',
    execution: 'De gekozen voorstellen worden uitgevoerd.',
  },
  links: {
    ideas: 'Idee indienen',
    review: 'Ingediende ideeën bekijken',
    deliberation: 'Meepraten over de voorstellen',
    voting: 'Naar het stemformulier',
    results: 'Bekijk de uitslag',
    execution: 'Volg de uitvoering',
  },
  state: { done: 'Afgerond', current: 'Nu bezig', upcoming: 'Komt nog' },
  dates: (start, end) => `${start} – ${end}`,
  opensIn: (relative) => `Begint ${relative}`,
  closesIn: (relative) => `Sluit ${relative}`,
  closedOn: (date) => `Gesloten op ${date}`,
  closedEarlyOn: (date) => `Eerder gesloten, op ${date}`,
  summaryNow: (phase) => `Nu: ${phase}.`,
  summaryNext: (phase, relative) => `Volgende stap: ${phase}, begint ${relative}.`,
  summaryDone: 'Alle stappen van deze ronde zijn afgerond.',
  loaded: (steps) => `Planning geladen: ${steps} ${steps === 1 ? 'stap' : 'stappen'}.`,
};

export const roundTimelineTexts: Catalogue<RoundTimelineTexts> = {
  nl,
  en: () => import('./texts.en.js').then((module) => module.en),
  fr: () => import('./texts.fr.js').then((module) => module.fr),
};
