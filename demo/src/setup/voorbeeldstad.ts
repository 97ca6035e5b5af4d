/** The demo round of the fictional municipality of Voorbeeldstad, as a round document. */

const DAY = 24 * 60 * 60 * 1000;

/** Midnight UTC, `days` from `today`. */
const dayFrom = (today: Date, days: number): string => {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return new Date(midnight + days * DAY).toISOString();
};

export const DEMO_ROUND_SLUG = 'voorbeeldstad-2027';

/**
 * Phases are placed around `today` (the day of the first start), with the ideas phase current, so
 * the demo shows a round in progress. The seed never rewrites an existing round.
 */
export function voorbeeldstadRound(today: Date = new Date()) {
  return {
    slug: DEMO_ROUND_SLUG,
    title: 'Burgerbegroting Voorbeeldstad 2027',
    description:
      'Gemeente Voorbeeldstad legt € 300.000 van de begroting voor 2027 in handen van haar ' +
      'inwoners. Iedereen van 12 jaar en ouder mag een idee indienen voor de eigen wijk. ' +
      'Ambtenaren toetsen de ideeën op haalbaarheid en kosten, daarna kiest u welke plannen ' +
      'worden uitgevoerd.',
    language: 'nl',
    currency: 'EUR',
    mode: 'decide' as const,
    budget: 300000,
    phases: [
      { kind: 'ideas' as const, start: dayFrom(today, -14), end: dayFrom(today, 28) },
      { kind: 'review' as const, start: dayFrom(today, 28), end: dayFrom(today, 49) },
      { kind: 'voting' as const, start: dayFrom(today, 49), end: dayFrom(today, 70) },
      { kind: 'results' as const, start: dayFrom(today, 70), end: dayFrom(today, 100) },
    ],
    districts: [
      { slug: 'centrum', name: 'Centrum', budget: 120000 },
      { slug: 'noord', name: 'Noord', budget: 100000 },
      { slug: 'zuid', name: 'Zuid', budget: 80000 },
    ],
    themes: [
      { slug: 'groen', name: 'Groen en natuur' },
      { slug: 'verkeer', name: 'Verkeer en veiligheid' },
      { slug: 'spelen', name: 'Spelen en sporten' },
    ],
    allowedOrigins: ['https://www.voorbeeldstad.nl'],
  };
}
