// Pure formatting functions: the page's language in, text out. No DOM, so they are tested alone.

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/**
 * An amount of money in the major unit (euros), in the page's language: `€ 1.500.000` (nl),
 * `€1,500,000` (en). Whole amounts show no cents; others show two decimals.
 */
export function formatAmount(amount: number, currency: string, locale: string): string {
  const whole = Number.isInteger(amount);
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(amount);
}

/** A share (0–1) as a percentage: whole percents, one decimal below 10 % so small shares don't read as 0. */
export function formatPercent(share: number, locale: string): string {
  const digits = share > 0 && share < 0.1 ? 1 : 0;
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(share);
}

/** `part / whole` clamped to 0–1; 0 when the whole is 0. */
export function shareOf(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(1, part / whole);
}
