/**
 * The round editor's age groups: a comma-separated text whose bands key each district's
 * residents per group, applied on every keystroke. Editing the text must not lose a figure an
 * official typed, so a band renamed in place carries its figures (16-29 → 16-2 → 16-24), and the
 * figures of a band no longer listed are kept in the editor, under the band's name, until the
 * round is saved.
 */

/** Residents per age band in one district (core's `districtDocumentSchema.ageBands`). */
export type BandFigures = Record<string, number>;
type MaybeFigures = BandFigures | null | undefined;

/** The bands written in the age groups field, in order: separated by commas or spaces. */
export function parseAgeBands(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((band) => band.trim())
    .filter(Boolean);
}

/** Where a district's figures were moved while typing: band now → band when typing began. */
export type BandOrigins = Record<string, string>;

/**
 * The bands renamed from `before` to `after`: with both lists as long, a band written
 * differently at the same place (typing changes one band at a time).
 */
function renames(before: readonly string[], after: readonly string[]): [string, string][] {
  if (before.length !== after.length) return [];
  return before.flatMap((from, index): [string, string][] => {
    const to = after[index]!;
    return from === to || after.includes(from) || before.includes(to) ? [] : [[from, to]];
  });
}

/**
 * One district's figures after one change of the age groups field, from `before` to `after`.
 * Figures stay under their band's name, and a renamed band takes its figures along (unless
 * figures are already kept under the new name: those come back instead). Nothing is dropped: a
 * band typed away leaves its figures under the name they had when typing began (`origins`, from
 * the previous change; start with none), for `unlistedBands` to report and
 * `withoutUnlistedFigures` to leave out of what is saved.
 */
export function carryFigures(
  figures: MaybeFigures,
  before: readonly string[],
  after: readonly string[],
  origins: BandOrigins = {}
): { figures: MaybeFigures; origins: BandOrigins } {
  if (!figures) return { figures, origins: {} };
  const next: BandFigures = { ...figures };
  const moved: BandOrigins = { ...origins };
  const move = (from: string, to: string) => {
    next[to] = next[from]!;
    delete next[from];
    const origin = moved[from] ?? from;
    delete moved[from];
    if (origin !== to) moved[to] = origin;
  };
  for (const [from, to] of renames(before, after)) {
    if (from in next && !(to in next)) move(from, to);
  }
  for (const band of before) {
    const origin = moved[band];
    if (!after.includes(band) && band in next && origin && !(origin in next)) move(band, origin);
  }
  for (const band of Object.keys(moved)) if (!(band in next)) delete moved[band];
  return { figures: next, origins: moved };
}

/** The bands some district still has figures for that the list no longer holds, in order met. */
export function unlistedBands(
  districts: readonly { ageBands?: MaybeFigures }[],
  bands: readonly string[]
): string[] {
  const unlisted = new Set<string>();
  for (const district of districts) {
    for (const band of Object.keys(district.ageBands ?? {})) {
      if (!bands.includes(band)) unlisted.add(band);
    }
  }
  return [...unlisted];
}

/**
 * The round as it may be saved: without figures for bands the voting settings do not list, which
 * core's round schema (and so the server) refuses.
 */
export function withoutUnlistedFigures<
  R extends { voting: { ageBands: string[] }; districts: { ageBands?: MaybeFigures }[] },
>(round: R): R {
  const bands = round.voting.ageBands;
  if (unlistedBands(round.districts, bands).length === 0) return round;
  return {
    ...round,
    districts: round.districts.map((district) =>
      district.ageBands
        ? {
            ...district,
            ageBands: Object.fromEntries(
              Object.entries(district.ageBands).filter(([band]) => bands.includes(band))
            ),
          }
        : district
    ),
  };
}
