/** District budgets against the round's total, in cents so sums are exact. */
export type BudgetCheck = {
  /** The districts' budgets summed. */
  sum: number;
  /** Total minus sum: positive when money is left unassigned, negative when districts get more. */
  difference: number;
  /** Nothing to check where a round has no districts. */
  applies: boolean;
};

const cents = (amount: number) => Math.round((Number.isFinite(amount) ? amount : 0) * 100);

export function checkBudgets(
  total: number,
  districts: ReadonlyArray<{ budget: number }>
): BudgetCheck {
  const sum = districts.reduce((acc, district) => acc + cents(district.budget), 0);
  return {
    sum: sum / 100,
    difference: (cents(total) - sum) / 100,
    applies: districts.length > 0,
  };
}

/**
 * Splits a total evenly over `count` districts in whole currency units; the first districts take
 * the remainder, so the parts always add up to the total.
 */
export function splitEvenly(total: number, count: number): number[] {
  if (count <= 0) return [];
  const whole = Math.floor(total);
  const base = Math.floor(whole / count);
  const rest = whole - base * count;
  return Array.from({ length: count }, (_, index) => base + (index < rest ? 1 : 0));
}
