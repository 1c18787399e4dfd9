// The survey's read side, pure: a round's counts and rates as the API shows them, and the trend over closed rounds —
// street-wide (counts pooled, so each community weighs by its sample) and per community — with each round's change
// from the one before, in percentage points. Rates and changes are computed in integer tenths (survey-round.rates.ts),
// so 87.5 − 85.0 is exactly 2.5.
import { changeTenths, pooled, rateTenths, ratesOf, tenthsToPercent } from '../../workflows/survey-round/survey-round.rates';
import { SURVEY_MEASURES, type SurveyCounts, type SurveyMeasure, type SurveyRoundState } from '../../workflows/survey-round/survey-round.types';

export type Rates = Record<SurveyMeasure, number>;
export type Change = Record<SurveyMeasure, number | null>;

export interface CountsView extends SurveyCounts {
  rates: Rates;
}

export interface TrendPoint {
  roundId: string;
  title: string;
  startDate: string;
  endDate: string;
  counts: CountsView;
  change: Change;
}

export interface Trend {
  overall: TrendPoint[];
  communities: { unitCode: string; points: TrendPoint[] }[];
}

function tenthsOf(counts: SurveyCounts): Record<SurveyMeasure, number> {
  const r = ratesOf(counts);
  // Every recorded sample is at least 1; a pooled empty sample is never shown (no point without results).
  return { aware: r.aware ?? 0, supporting: r.supporting ?? 0, participating: r.participating ?? 0, satisfied: r.satisfied ?? 0 };
}

export function countsView(counts: SurveyCounts): CountsView {
  const t = tenthsOf(counts);
  const { sample, aware, supporting, participating, satisfied } = counts;
  return { sample, aware, supporting, participating, satisfied, rates: { aware: t.aware / 10, supporting: t.supporting / 10, participating: t.participating / 10, satisfied: t.satisfied / 10 } };
}

/** The street's pooled counts of a round, null before any result. */
export function roundTotal(state: SurveyRoundState): CountsView | null {
  return state.results.length === 0 ? null : countsView(pooled(state.results));
}

function point(round: SurveyRoundState, counts: SurveyCounts, before: SurveyCounts | null): TrendPoint {
  const now = tenthsOf(counts);
  const prev = before ? tenthsOf(before) : null;
  const change = Object.fromEntries(SURVEY_MEASURES.map((m) => [m, tenthsToPercent(changeTenths(now[m], prev ? prev[m] : null))])) as Change;
  return { roundId: round.roundId, title: round.title, startDate: round.startDate, endDate: round.endDate, counts: countsView(counts), change };
}

/** The trend over `rounds`: only closed ones count, in the order of their periods (end, then start, then id). */
export function surveyTrend(rounds: readonly SurveyRoundState[]): Trend {
  const closed = rounds
    .filter((r) => r.state === 'CLOSED' && r.results.length > 0)
    .sort((a, b) => a.endDate.localeCompare(b.endDate) || a.startDate.localeCompare(b.startDate) || a.roundId.localeCompare(b.roundId));
  const overall: TrendPoint[] = [];
  let previous: SurveyCounts | null = null;
  const byUnit = new Map<string, { points: TrendPoint[]; last: SurveyCounts }>();
  for (const round of closed) {
    const total = pooled(round.results);
    overall.push(point(round, total, previous));
    previous = total;
    for (const result of round.results) {
      const seen = byUnit.get(result.unitCode);
      const p = point(round, result, seen?.last ?? null);
      if (seen) {
        seen.points.push(p);
        seen.last = result;
      } else byUnit.set(result.unitCode, { points: [p], last: result });
    }
  }
  const communities = [...byUnit.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([unitCode, { points }]) => ({ unitCode, points }));
  return { overall, communities };
}

/** A rate in tenths as the sheets and messages write it: 87.5%. */
export function percentText(count: number, sample: number): string {
  const t = rateTenths(count, sample);
  return t === null ? '—' : `${(t / 10).toFixed(1)}%`;
}
