// How the campaign clock's events change its state, as a pure fold shared by the workflow, the projection and
// the tests. Each event comes with its actor and its workflow time.
import { assertNever } from '../shared/assert-never';
import type { EventMeta } from '../shared/decision.types';
import { monthOf } from './campaign.calendar';
import type { CampaignEvent } from './campaign.events';
import { EMPTY_TALLY, fullPlan } from './campaign.rules';
import type { CampaignClockInput, CampaignState, MonthTally } from './campaign.types';

export function initialCampaignState(input: Pick<CampaignClockInput, 'campaignId' | 'timeZone' | 'inspectionDate'>, at = ''): CampaignState {
  return {
    campaignId: input.campaignId,
    timeZone: input.timeZone,
    inspectionDate: input.inspectionDate,
    phase: 'MOBILIZATION',
    phaseEnteredAt: at,
    entered: at ? { MOBILIZATION: at } : {},
    plan: fullPlan({}),
    phaseDue: null,
    months: {},
    flagged: {},
    version: 0,
  };
}

function tallied(state: CampaignState, date: string, change: (t: MonthTally) => MonthTally): Record<string, MonthTally> {
  const month = monthOf(date);
  return { ...state.months, [month]: change(state.months[month] ?? EMPTY_TALLY) };
}

/** Apply one recorded event, with its actor and its (workflow) time. */
export function evolve(state: CampaignState, event: CampaignEvent, meta: EventMeta): CampaignState {
  const next: CampaignState = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'CampaignClockStarted':
      return { ...initialCampaignState(event.data, meta.at), version: next.version };
    case 'PhasePlanSet': {
      // A reminder stands only while its date is still the plan: a moved date is reminded again when it comes.
      const plan = fullPlan(event.data.plan);
      const due = state.phaseDue && plan[state.phaseDue.phase] === state.phaseDue.plannedStart ? state.phaseDue : null;
      return { ...next, plan, phaseDue: due };
    }
    case 'PhaseAdvanced':
      return { ...next, phase: event.data.to, phaseEnteredAt: meta.at, entered: { ...state.entered, [event.data.to]: meta.at }, phaseDue: null };
    case 'PhaseDue':
      return { ...next, phaseDue: { phase: event.data.phase, plannedStart: event.data.plannedStart } };
    case 'SupervisionVisitRecorded':
      return { ...next, months: tallied(state, event.data.date, (t) => ({ ...t, visits: t.visits + 1 })) };
    case 'CampaignMeetingRecorded':
      return {
        ...next,
        months: tallied(state, event.data.date, (t) =>
          event.data.kind === 'JOINT'
            ? { ...t, jointMeetings: t.jointMeetings + 1 }
            : event.data.kind === 'COORDINATION'
              ? { ...t, coordinationMeetings: t.coordinationMeetings + 1 }
              : event.data.kind === 'HEARING'
                ? { ...t, hearings: (t.hearings ?? 0) + 1 }
                : t, // a 动员大会, a 总结会 or a lead unit's meeting counts toward no cadence
        ),
      };
    case 'CadenceShortfallFlagged':
      return { ...next, flagged: { ...state.flagged, [event.data.month]: event.data.missing.map((m) => m.requirement) } };
    default:
      return assertNever(event);
  }
}
