import type { ParticipationFigures } from '@begroot/core';

/**
 * The participation page's logic, apart from React: days without votes filled in, turnout, each
 * age band's share of voters against its share of residents, and who is missing.
 */

type Daily = ParticipationFigures['votesPerDay'][number];
type DistrictFigures = ParticipationFigures['districts'][number];

const DAY = 86_400_000;

/** A band's or district's participation this far below its share counts as missing. */
export const UNDER = 0.8;
/** … and this far above as over-represented. */
export const OVER = 1.25;

export type DayTotal = { day: string; count: number };

/**
 * Counts per day, all districts together (or one district: its slug, null for none), every day
 * from the first to the last (or to `until`) included, so a quiet day shows as zero.
 */
export function perDay(
  rows: readonly Daily[],
  options: { district?: string | null; until?: string } = {}
): DayTotal[] {
  const totals = new Map<string, number>();
  for (const row of rows) {
    if (options.district !== undefined && row.district !== options.district) continue;
    totals.set(row.day, (totals.get(row.day) ?? 0) + row.count);
  }
  const days = [...totals.keys()].sort();
  if (days.length === 0) return [];
  const last = options.until && options.until > days.at(-1)! ? options.until : days.at(-1)!;
  const series: DayTotal[] = [];
  for (
    let at = Date.parse(`${days[0]}T00:00:00Z`);
    at <= Date.parse(`${last}T00:00:00Z`);
    at += DAY
  ) {
    const day = new Date(at).toISOString().slice(0, 10);
    series.push({ day, count: totals.get(day) ?? 0 });
  }
  return series;
}

/** The running total of a series. */
export function cumulative(series: readonly DayTotal[]): DayTotal[] {
  let total = 0;
  return series.map(({ day, count }) => ({ day, count: (total += count) }));
}

/** A share from 0 to 1, or null when there is nothing to divide by. */
export const share = (part: number, whole: number | null | undefined): number | null =>
  whole ? part / whole : null;

/** The top of a chart's scale: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((step) => step * power).find((step) => step >= max)!;
}

export type BandShare = {
  band: string;
  participants: number;
  /** Share of the voters who gave a band. */
  participantShare: number | null;
  /** Share of the district's residents in the bands given figures. */
  populationShare: number | null;
  /** Voters' share divided by residents' share: 1 is fair, below UNDER is missing. */
  ratio: number | null;
  state: 'under' | 'fair' | 'over' | 'unknown';
};

/** Each age band's share of voters against its share of residents, in one district. */
export function bandShares(district: DistrictFigures): BandShare[] {
  const answered = district.ageBands.reduce((sum, band) => sum + band.participants, 0);
  const residents = district.ageBands.reduce((sum, band) => sum + (band.population ?? 0), 0);
  return district.ageBands.map(({ band, participants, population }) => {
    const participantShare = share(participants, answered);
    const populationShare = population == null ? null : share(population, residents);
    const ratio =
      participantShare === null || !populationShare ? null : participantShare / populationShare;
    return {
      band,
      participants,
      participantShare,
      populationShare,
      ratio,
      state: ratio === null ? 'unknown' : ratio < UNDER ? 'under' : ratio > OVER ? 'over' : 'fair',
    };
  });
}

/** The age bands of all districts together (populations summed where every district gives them). */
export function allDistricts(figures: ParticipationFigures): DistrictFigures {
  const bands = figures.ageBands.map((band) => {
    const rows = figures.districts.map((d) => d.ageBands.find((b) => b.band === band));
    return {
      band,
      participants: rows.reduce((sum, row) => sum + (row?.participants ?? 0), 0),
      population: rows.every((row) => row?.population != null)
        ? rows.reduce((sum, row) => sum + row!.population!, 0)
        : null,
    };
  });
  const populations = figures.districts.map((d) => d.population);
  return {
    slug: null,
    name: '',
    population: populations.every((p) => p != null)
      ? populations.reduce((sum: number, p) => sum + p!, 0)
      : null,
    ballots: figures.totals.ballots,
    proposals: figures.totals.proposals,
    ageBands: bands,
    ageBandNotGiven: figures.districts.reduce((sum, d) => sum + d.ageBandNotGiven, 0),
  };
}

export type Missing =
  | { kind: 'district'; district: string; turnout: number; average: number }
  | { kind: 'band'; district: string | null; band: string; ratio: number };

/**
 * Who is missing, most missing first: districts whose turnout is well below the round's, and age
 * bands whose share of voters is well below their share of residents (needs at least `minimum`
 * answers in the district, so a handful of early votes raises no alarm).
 */
export function whoIsMissing(figures: ParticipationFigures, minimum = 10): Missing[] {
  const missing: Array<Missing & { gap: number }> = [];
  const known = figures.districts.filter((d) => d.slug !== null && d.population);
  const population = known.reduce((sum, d) => sum + d.population!, 0);
  const average = share(
    known.reduce((sum, d) => sum + d.ballots, 0),
    population
  );
  if (average) {
    for (const district of known) {
      const turnout = district.ballots / district.population!;
      if (turnout < average * UNDER) {
        missing.push({
          kind: 'district',
          district: district.name,
          turnout,
          average,
          gap: 1 - turnout / average,
        });
      }
    }
  }
  for (const district of figures.districts) {
    const answered = district.ageBands.reduce((sum, band) => sum + band.participants, 0);
    if (answered < minimum) continue;
    for (const band of bandShares(district)) {
      if (band.state === 'under') {
        missing.push({
          kind: 'band',
          district: district.slug === null ? null : district.name,
          band: band.band,
          ratio: band.ratio!,
          gap: 1 - band.ratio!,
        });
      }
    }
  }
  return missing.sort((a, b) => b.gap - a.gap).map(({ gap: _gap, ...item }) => item as Missing);
}
