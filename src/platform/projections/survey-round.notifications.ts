// Who is told of what about survey rounds (issue 20), in the inbox's words: each step of the ladder tells the office
// which communities' results are still missing (or that the round is not closed yet), and at 督办 the leading group.
// Pure; the events carry their campaign and title, so no stream context is needed.
import type { SurveyRoundEvent } from '../../../workflows/survey-round/survey-round.events';
import { SURVEY_LEVEL_LABELS } from '../../../workflows/survey-round/survey-round.labels';
import type { Role } from '../../../workflows/shared/actor.types';
import { shanghaiDate } from '../../../workflows/shared/time';

interface StoredSurveyRoundEvent {
  type: string;
  data: Record<string, unknown>;
}
interface SurveyRoundDraft {
  kind: 'ESCALATION';
  campaignId: string;
  taskId: null;
  itemId: null;
  title: string;
  text: string;
  urgent: boolean;
  audience: { roles: Role[]; unitCode: null; unitRoles: Role[] };
}

export const SURVEY_ROUND_NOTIFYING: ReadonlySet<string> = new Set(['SurveyRoundEscalated']);

const NAMES_SHOWN = 10;

export function surveyRoundNotifications(event: StoredSurveyRoundEvent, unitName: (code: string) => string): SurveyRoundDraft[] {
  const e = { type: event.type, data: event.data } as SurveyRoundEvent;
  if (e.type !== 'SurveyRoundEscalated') return [];
  const { campaignId, title, level, dueAt, missing, notify } = e.data;
  const label = SURVEY_LEVEL_LABELS[level];
  const names = missing.slice(0, NAMES_SHOWN).map(unitName).join('、') + (missing.length > NAMES_SHOWN ? ` 等 ${missing.length} 个社区` : '');
  const owed = missing.length > 0 ? `尚有 ${missing.length} 个社区未录入结果（${names}）` : '各社区结果已录入，尚未结束本轮';
  const when = level === 'REMINDER' ? `将于 ${shanghaiDate(dueAt)} 到期` : '已到期';
  return [
    {
      kind: 'ESCALATION',
      campaignId,
      taskId: null,
      itemId: null,
      urgent: level === 'SUPERVISE',
      title: `【${label}】问卷调查「${title}」结果${when}`,
      text: `${owed}。请在「工作组 → 问卷调查」中录入结果并结束本轮。`,
      audience: { roles: [...notify], unitCode: null, unitRoles: [] },
    },
  ];
}
