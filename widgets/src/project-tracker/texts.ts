import type { ProposalStatus } from '@begroot/core';
import type { Catalogue } from '../i18n/index.js';

/**
 * The texts of `<begroot-project-tracker>`, in its own chunk: Dutch here, other languages on
 * demand (`texts.en.ts`, `texts.fr.ts`). Amounts, percentages and dates arrive formatted.
 */
export interface ProjectTrackerTexts {
  /** The heading: `Wat er gebeurt met Voorbeeldstad 2027`. */
  title: (roundTitle: string) => string;
  loading: string;
  /** The district filter. */
  district: string;
  allDistricts: string;
  /** The heading of the funded projects. */
  fundedTitle: string;
  /** The heading of the other ideas (`show="all"`). */
  otherTitle: string;
  /** `3 projecten gekozen: € 450.000 toegekend, € 120.000 besteed.` */
  summary: (count: number, granted: string, spent: string) => string;
  /** `1 klaar, 1 in uitvoering, 1 gepland, 0 nog niet begonnen.` (only the non-zero ones). */
  statusCounts: (counts: {
    completed: number;
    in_progress: number;
    planned: number;
    funded: number;
  }) => string;
  /** No funded project (in the chosen district). */
  noneFunded: string;
  noneFundedIn: (district: string) => string;
  /** No other ideas to show. */
  noneOther: string;
  /** Ideas of the round that no official has reviewed yet (`show="all"`, all districts). */
  awaitingReview: (count: number) => string;
  /** A district the round does not have. */
  districtNotFound: (slug: string) => string;
  /** The whole city, for projects without a district. */
  cityWide: string;
  /** Each status, as a label next to a project. */
  statuses: Record<ProposalStatus, string>;
  /** `60 % klaar`. */
  progress: (percent: string) => string;
  /** `€ 12.000 besteed van € 20.000`. */
  spentOf: (spent: string, granted: string) => string;
  /** `Toegekend: € 20.000`, when nothing is known about spending. */
  granted: (amount: string) => string;
  /** Spending above the granted amount. */
  overspent: (amount: string) => string;
  /** Accessible name of a project's list of updates. */
  updatesLabel: (project: string) => string;
  /** The summary of the older updates, folded away. */
  olderUpdates: (count: number) => string;
  /** Why an idea did not go ahead, when the city gave no reason. */
  noReason: string;
  /** A merged idea: `Samengevoegd met ‘Meer bomen’.` */
  mergedInto: (title: string) => string;
  /** A merged idea whose target is not in the list. */
  mergedElsewhere: string;
  /** Announced when the list has loaded or the filter changed. */
  loaded: (funded: number, other: number | null) => string;
}

const nl: ProjectTrackerTexts = {
  title: (roundTitle) => `Wat er gebeurt met ${roundTitle}`,
  loading: 'De projecten worden geladen…',
  district: 'Wijk',
  allDistricts: 'Alle wijken',
  fundedTitle: 'Gekozen projecten',
  otherTitle: 'Andere ideeën',
  summary: (count, granted, spent) =>
    `${count} ${count === 1 ? 'project' : 'projecten'} gekozen: ${granted} toegekend, ${spent} besteed.`,
  statusCounts: (counts) =>
    [
      counts.completed ? `${counts.completed} klaar` : '',
      counts.in_progress ? `${counts.in_progress} in uitvoering` : '',
      counts.planned ? `${counts.planned} gepland` : '',
      counts.funded ? `${counts.funded} nog niet begonnen` : '',
    ]
      .filter(Boolean)
      .join(', ') + '.',
  noneFunded: 'Er zijn nog geen gekozen projecten.',
  noneFundedIn: (district) => `In ${district} zijn (nog) geen projecten gekozen.`,
  noneOther: 'Er zijn geen andere ideeën om te tonen.',
  districtNotFound: (slug) => `De wijk ‘${slug}’ hoort niet bij deze ronde.`,
  cityWide: 'Hele stad',
  statuses: {
    submitted: 'Ingediend',
    in_review: 'Wordt beoordeeld',
    admitted: 'Nog niet beslist',
    rejected: 'Afgewezen',
    merged: 'Samengevoegd',
    funded: 'Gekozen, nog niet begonnen',
    not_funded: 'Niet gekozen',
    planned: 'Gepland',
    in_progress: 'In uitvoering',
    completed: 'Klaar',
  },
  progress: (percent) => `${percent} klaar`,
  spentOf: (spent, granted) => `${spent} besteed van ${granted}`,
  granted: (amount) => `Toegekend: ${amount}`,
  overspent: (amount) => `${amount} meer uitgegeven dan toegekend.`,
  updatesLabel: (project) => `Berichten over ${project}`,
  olderUpdates: (count) => (count === 1 ? '1 eerder bericht' : `${count} eerdere berichten`),
  noReason: 'De gemeente heeft hier geen toelichting bij gegeven.',
  mergedInto: (title) => `Samengevoegd met ‘${title}’.`,
  mergedElsewhere: 'Samengevoegd met een ander voorstel.',
  awaitingReview: (count) =>
    count === 1
      ? 'Nog 1 idee wacht op beoordeling door de gemeente.'
      : `Nog ${count} ideeën wachten op beoordeling door de gemeente.`,
  loaded: (funded, other) =>
    `${funded} ${funded === 1 ? 'gekozen project' : 'gekozen projecten'}` +
    (other === null ? '.' : `, ${other} ${other === 1 ? 'ander idee' : 'andere ideeën'}.`),
};

export const projectTrackerTexts: Catalogue<ProjectTrackerTexts> = {
  nl,
  en: () => import('./texts.en.js').then((module) => module.en),
  fr: () => import('./texts.fr.js').then((module) => module.fr),
};
