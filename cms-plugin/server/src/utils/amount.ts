/** A `decimal` column as a number: PostgreSQL returns decimals as strings ("300000.00"). */
export const toAmount = (value: unknown): number =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : (value as number);
