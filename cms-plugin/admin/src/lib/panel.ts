/** The panel page's logic, without React. */

/** A stratum as people read it: `Oost · 35-64`, names from the round where it has them. */
export function stratumLabel(
  stratum: Record<string, string>,
  districtNames: ReadonlyMap<string, string>,
  everyone: string,
  none: string
): string {
  const parts = Object.entries(stratum).map(([field, value]) =>
    value === '' ? none : field === 'district' ? (districtNames.get(value) ?? value) : value
  );
  return parts.length === 0 ? everyone : parts.join(' · ');
}

/** Whether a stratum has fewer volunteers than the seats its share gives it. */
export const shortOf = (stratum: { target: number; volunteers: number }) =>
  Math.max(0, stratum.target - stratum.volunteers);

/** Reads a chosen file as text (the CSV to import). */
export const readFileText = (file: File): Promise<string> => file.text();
