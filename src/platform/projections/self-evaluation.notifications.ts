// Who is told of what about self-evaluation rounds (issue 20), in the inbox's words: each step of the ladder tells the
// office which forms are still missing, each unit still owing a form its head and members, and at 督办 the leading
// group; a returned form tells its unit why. Pure; the events carry their campaign and title.
import type { SelfEvaluationEvent } from '../../../workflows/self-evaluation/self-evaluation.events';
import { SELF_EVALUATION_LEVEL_LABELS, SUBDISTRICT_NAME } from '../../../workflows/self-evaluation/self-evaluation.labels';
import { SUBDISTRICT_CODE } from '../../../workflows/self-evaluation/self-evaluation.types';
import type { Role } from '../../../workflows/shared/actor.types';
import { shanghaiDate } from '../../../workflows/shared/time';

interface StoredSelfEvaluationEvent {
  type: string;
  data: Record<string, unknown>;
}
interface SelfEvaluationDraft {
  kind: 'ESCALATION' | 'RETURNED';
  campaignId: string;
  taskId: null;
  itemId: null;
  title: string;
  text: string;
  urgent: boolean;
  audience: { roles: Role[]; unitCode: string | null; unitRoles: Role[] };
}

export const SELF_EVALUATION_NOTIFYING: ReadonlySet<string> = new Set(['SelfEvaluationEscalated', 'SelfEvaluationReturned']);

const NAMES_SHOWN = 10;
const UNIT_ROLES: Role[] = ['UNIT_HEAD', 'UNIT_MEMBER'];

export function selfEvaluationNotifications(event: StoredSelfEvaluationEvent, unitName: (code: string) => string): SelfEvaluationDraft[] {
  const e = { type: event.type, data: event.data } as SelfEvaluationEvent;
  const name = (code: string) => (code === SUBDISTRICT_CODE ? SUBDISTRICT_NAME : unitName(code));
  if (e.type === 'SelfEvaluationReturned') {
    const { campaignId, title, unitCode, reason } = e.data;
    const audience: SelfEvaluationDraft['audience'] = unitCode === SUBDISTRICT_CODE ? { roles: ['OFFICE'], unitCode: null, unitRoles: [] } : { roles: [], unitCode, unitRoles: UNIT_ROLES };
    return [{ kind: 'RETURNED', campaignId, taskId: null, itemId: null, urgent: false, title: `自查自评「${title}」的自评表被退回`, text: `退回原因：${reason}。请在「工作组 → 总结评议」中修改后重新提交。`, audience }];
  }
  if (e.type !== 'SelfEvaluationEscalated') return [];
  const { campaignId, title, level, dueAt, missing, notify } = e.data;
  const label = SELF_EVALUATION_LEVEL_LABELS[level];
  const when = level === 'REMINDER' ? `将于 ${shanghaiDate(dueAt)} 到期` : '已到期';
  const names = missing.slice(0, NAMES_SHOWN).map(name).join('、') + (missing.length > NAMES_SHOWN ? ` 等 ${missing.length} 个单位` : '');
  const drafts: SelfEvaluationDraft[] = [
    {
      kind: 'ESCALATION',
      campaignId,
      taskId: null,
      itemId: null,
      urgent: level === 'SUPERVISE',
      title: `【${label}】自查自评「${title}」${when}`,
      text: `尚有 ${missing.length} 个单位未提交自评表（${names}）。`,
      audience: { roles: [...notify], unitCode: null, unitRoles: [] },
    },
  ];
  for (const unitCode of missing) {
    if (unitCode === SUBDISTRICT_CODE) continue;
    drafts.push({
      kind: 'ESCALATION',
      campaignId,
      taskId: null,
      itemId: null,
      urgent: level === 'SUPERVISE',
      title: `【${label}】本单位的自查自评表「${title}」${when}`,
      text: '请在「工作组 → 总结评议」中填写并提交本单位的自评表。',
      audience: { roles: [], unitCode, unitRoles: UNIT_ROLES },
    });
  }
  return drafts;
}
