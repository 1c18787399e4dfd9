// Rates of a survey, from integers only: a rate is kept in tenths of a percent, rounded half up, so that 知晓率 87.5%
// is 875 and a change between rounds is a difference of integers (no floating-point drift). Pure.
import { SURVEY_MEASURES, type SurveyCounts, type SurveyMeasure } from './survey-round.types';

/** count / sample in tenths of a percent, rounded half up; null for an empty sample. */
export function rateTenths(count: number, sample: number): number | null {
  if (sample <= 0) return null;
  // round(count * 1000 / sample) with integers: floor((2 * count * 1000 + sample) / (2 * sample)).
  return Math.floor((count * 2000 + sample) / (2 * sample));
}

/** Tenths as a percentage with one decimal: 875 → 87.5. */
export function tenthsToPercent(tenths: number | null): number | null {
  return tenths === null ? null : tenths / 10;
}

export type SurveyRates = Record<SurveyMeasure, number | null>;

/** The four rates of some counts, in tenths. */
export function ratesOf(counts: SurveyCounts): SurveyRates {
  return {
    aware: rateTenths(counts.aware, counts.sample),
    supporting: rateTenths(counts.supporting, counts.sample),
    participating: rateTenths(counts.participating, counts.sample),
    satisfied: rateTenths(counts.satisfied, counts.sample),
  };
}

/** The pooled counts of several communities: the street's rates are weighted by each community's sample. */
export function pooled(results: readonly SurveyCounts[]): SurveyCounts {
  const sum: SurveyCounts = { sample: 0, aware: 0, supporting: 0, participating: 0, satisfied: 0 };
  for (const r of results) {
    sum.sample += r.sample;
    for (const m of SURVEY_MEASURES) sum[m] += r[m];
  }
  return sum;
}

/** Change between two rates in tenths (now − before), null when either is missing. */
export function changeTenths(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : now - before;
}
