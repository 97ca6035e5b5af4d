import type { RoundDocumentInput } from '@begroot/core';

/** Starting points for a new round; each one passes core's `roundDocumentSchema` as it is. */
export const TEMPLATES = ['city', 'districts', 'advisory'] as const;
export type TemplateKind = (typeof TEMPLATES)[number];

export type TemplateOptions = {
  slug: string;
  title: string;
  /** The first day of the ideas phase. */
  start: Date;
  language?: 'nl' | 'en';
};

const DAY = 86_400_000;

/** Whole UTC days, so phases start at midnight and follow on without gaps. */
function midnight(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** Consecutive phases of the given lengths in days, from `start`. */
export function consecutivePhases(
  start: Date,
  plan: ReadonlyArray<readonly [RoundDocumentInput['phases'][number]['kind'], number]>
): RoundDocumentInput['phases'] {
  let at = midnight(start);
  return plan.map(([kind, days]) => {
    const phase = {
      kind,
      start: new Date(at).toISOString(),
      end: new Date(at + days * DAY).toISOString(),
    };
    at += days * DAY;
    return phase;
  });
}

const FULL_PLAN = [
  ['ideas', 42],
  ['review', 28],
  ['deliberation', 14],
  ['voting', 21],
  ['results', 14],
  ['execution', 365],
] as const;

const ADVISORY_PLAN = [
  ['ideas', 28],
  ['review', 14],
  ['voting', 14],
  ['results', 14],
] as const;

/** Names for the template's example content, in the round's language. */
const NAMES = {
  nl: {
    districts: ['Noord', 'Oost', 'Zuid', 'West'],
    themes: ['Groen', 'Verkeer', 'Spelen en sport', 'Samenleven'],
  },
  en: {
    districts: ['North', 'East', 'South', 'West'],
    themes: ['Green', 'Traffic', 'Play and sport', 'Community'],
  },
};

const slugOf = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export function buildTemplate(kind: TemplateKind, options: TemplateOptions): RoundDocumentInput {
  const language = options.language ?? 'nl';
  const names = NAMES[language];
  const themes = names.themes.map((name) => ({ slug: slugOf(name), name }));
  const base = {
    slug: options.slug,
    title: options.title,
    language,
    currency: 'EUR',
    allowedOrigins: [],
  };
  switch (kind) {
    case 'city':
      return {
        ...base,
        mode: 'decide',
        budget: 500_000,
        phases: consecutivePhases(options.start, FULL_PLAN),
        districts: [],
        themes,
        voting: { method: 'knapsack', minSelections: 1, districtScope: 'all', revote: 'replace' },
        counting: { rule: 'mes', satisfaction: 'cost', completion: 'add1', tieBreak: 'cost-votes' },
        verification: { methods: ['code'] },
      };
    case 'districts':
      return {
        ...base,
        mode: 'decide',
        budget: 400_000,
        phases: consecutivePhases(options.start, FULL_PLAN),
        districts: names.districts.map((name) => ({ slug: slugOf(name), name, budget: 100_000 })),
        themes,
        voting: { method: 'knapsack', minSelections: 1, districtScope: 'own', revote: 'replace' },
        counting: { rule: 'mes', satisfaction: 'cost', completion: 'add1', tieBreak: 'cost-votes' },
        verification: { methods: ['code'] },
      };
    case 'advisory':
      return {
        ...base,
        mode: 'advise',
        budget: 100_000,
        phases: consecutivePhases(options.start, ADVISORY_PLAN),
        districts: [],
        themes: [],
        proposalForm: { askCost: false, optionalFields: ['summary'] },
        voting: { method: 'approval', minSelections: 1, maxSelections: 5, districtScope: 'all' },
        counting: { rule: 'greedy', satisfaction: 'cardinality', completion: 'none' },
        verification: { methods: ['email'] },
      };
  }
}

/** A slug proposed from a title: lower case, hyphens, at most 60 characters. */
export function slugFromTitle(title: string): string {
  return slugOf(title).slice(0, 60).replace(/-$/, '');
}
