import { ValidationError } from '../errors';

/**
 * How far from today Tandem looks: session ids and query windows outside it are refused before any calendar
 * work, so no request can ask for decades of occurrences. Ten years back keeps any real 1:1's history; five
 * years ahead is further than anyone plans a 1:1.
 */
export const HORIZON_YEARS_BACK = 10;
export const HORIZON_YEARS_AHEAD = 5;

export function horizonOf(now: Date): { earliest: Date; latest: Date } {
  const shift = (years: number) => {
    const d = new Date(now);
    d.setUTCFullYear(d.getUTCFullYear() + years);
    return d;
  };
  return { earliest: shift(-HORIZON_YEARS_BACK), latest: shift(HORIZON_YEARS_AHEAD) };
}

export function assertWithinHorizon(at: Date, now: Date, field: string): void {
  const { earliest, latest } = horizonOf(now);
  if (!(at >= earliest && at <= latest)) {
    throw new ValidationError(
      `must be within ${HORIZON_YEARS_BACK} years before and ${HORIZON_YEARS_AHEAD} years after today`,
      field,
    );
  }
}
