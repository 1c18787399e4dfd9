// What the campaign's clock waits for: the next phase's planned start, when a PhaseDue reminder is recorded.
// Pure, so that the workflow's durable timer and the tests agree on the instant.
import { startOfLocalDate } from './campaign.calendar';
import { nextPhase } from './campaign.rules';
import type { CampaignState, Phase } from './campaign.types';

/**
 * The reminder the workflow waits for: the next phase's planned start, unless it was recorded already for that
 * date. Null when the next phase has no planned start (or there is none).
 */
export function nextPhaseDue(state: CampaignState): { phase: Phase; plannedStart: string; at: string } | null {
  const next = nextPhase(state.phase);
  if (!next) return null;
  const plannedStart = state.plan[next];
  if (!plannedStart) return null;
  if (state.phaseDue && state.phaseDue.phase === next && state.phaseDue.plannedStart === plannedStart) return null;
  return { phase: next, plannedStart, at: startOfLocalDate(plannedStart, state.timeZone) };
}
