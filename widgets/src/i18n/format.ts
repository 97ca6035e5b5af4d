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

/** A date in the page's language, without the time: `10 januari 2027`, `10 January 2027`. */
export function formatDate(instant: string | number | Date, locale: string): string {
  const key = `${locale}|date`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long' });
    dateFormats.set(key, format);
  }
  return format.format(new Date(instant));
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A whole number in the page's language (`1.250`, `1,250`). */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/**
 * Reads an amount as a resident types it, in the page's language: `12.000`, `12.000,50`,
 * `€ 12.000,-` (nl), `12,000.50` (en); spaces and the currency sign are ignored. Returns `null` for
 * an empty text and `NaN` for one that is not an amount (the caller says so at the field).
 */
export function parseAmount(text: string, locale: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const parts = numberFormat(locale, {}).formatToParts(12345.6);
  const group = parts.find((part) => part.type === 'group')?.value ?? ',';
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const escape = (char: string) => char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const value = trimmed.replace(/[\s\u00a0\u202f€$£]|EUR/gi, '').replace(/[,.]-{1,2}$/, '');
  // Group separators only between groups of three (`12.000`, not `12.00`), so `12000.50` typed on
  // a Dutch page is refused rather than read as 1.200.050.
  const g = /\s/.test(group) ? '' : escape(group);
  const d = escape(decimal);
  const grouped = g ? `\\d{1,3}(?:${g}\\d{3})+` : '(?!)';
  const match = new RegExp(`^(${grouped}|\\d+)(?:${d}(\\d{1,2}))?$`).exec(value);
  if (!match) return Number.NaN;
  const whole = (match[1] ?? '').split(group).join('');
  return Number(match[2] ? `${whole}.${match[2]}` : whole);
}
