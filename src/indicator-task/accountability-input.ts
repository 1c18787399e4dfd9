// What the API adds to a 问责 decision before the workflow judges it (issue 16): the named persons resolved against
// the organisation (people of the responsible unit, by login), refused before any lookup when there are too many;
// and how a decision reads on a card. Used for indicator tasks and rectification items alike.
import { DomainError } from '../platform/errors/domain-error';
import {
  ACCOUNTABILITY_LIMITS,
  ACCOUNTABILITY_STATUS_LABELS,
  formText,
  type AccountabilityCommand,
  type AccountabilityDecisionState,
  type AccountabilityForm,
} from '../../workflows/shared/accountability';

export interface ProposalInput {
  holdsUnit: boolean;
  personLogins: readonly string[];
  form: AccountabilityForm;
  formNote?: string | null;
  reason: string;
}

/** Looks up people of a unit by login (IndicatorTaskRepository.unitPeople). */
export type UnitPeople = (unitCode: string, logins: readonly string[]) => Promise<Map<string, { login: string; displayName: string }>>;

/**
 * The PROPOSE command with each login resolved to a person of `unitCode`. Refuses, before any lookup, more persons
 * than the limit and logins that are not short plain text; then any login that is not a person of the unit.
 */
export async function proposalCommand(input: ProposalInput, unitCode: string | null, lookUp: UnitPeople): Promise<AccountabilityCommand> {
  const logins = Array.isArray(input.personLogins) ? input.personLogins : [];
  if (logins.length > ACCOUNTABILITY_LIMITS.persons) {
    throw new DomainError('BAD_USER_INPUT', `问责人员最多${ACCOUNTABILITY_LIMITS.persons}人`, 'personLogins');
  }
  const trimmed = logins.map((l) => (typeof l === 'string' ? l.trim() : ''));
  if (trimmed.some((l) => l === '' || l.length > ACCOUNTABILITY_LIMITS.login)) {
    throw new DomainError('BAD_USER_INPUT', '人员账号无效', 'personLogins');
  }
  if (new Set(trimmed).size !== trimmed.length) throw new DomainError('BAD_USER_INPUT', '问责人员重复', 'personLogins');
  const found = unitCode === null || trimmed.length === 0 ? new Map<string, { login: string; displayName: string }>() : await lookUp(unitCode, trimmed);
  const unknown = trimmed.find((l) => !found.has(l));
  if (unknown !== undefined) throw new DomainError('BAD_USER_INPUT', `「${unknown}」不是该责任单位的人员`, 'personLogins');
  return {
    action: 'PROPOSE_ACCOUNTABILITY',
    unit: input.holdsUnit,
    persons: trimmed.map((l) => found.get(l)!),
    form: input.form,
    formNote: input.formNote ?? '',
    reason: input.reason,
  };
}

interface Person {
  userId: string;
  displayName: string;
  role: string;
}

/** The card's decisions, with who proposed and who decided as people, and the unit held to account. */
export async function decisionsView<U>(
  decisions: readonly AccountabilityDecisionState[] | undefined,
  person: (userId: string) => Promise<Person | undefined>,
  unit: (code: string) => Promise<U>,
) {
  const named = async (id: string): Promise<Person> => (await person(id)) ?? { userId: id, displayName: id, role: 'OFFICE' };
  return Promise.all(
    (decisions ?? []).map(async (d) => ({
      status: d.status,
      statusLabel: ACCOUNTABILITY_STATUS_LABELS[d.status],
      holdsUnit: d.unit,
      unit: await unit(d.unitCode),
      persons: d.persons,
      form: d.form,
      formLabel: formText(d.form, d.formNote),
      reason: d.reason,
      deadline: d.deadline,
      proposedBy: await named(d.proposedBy),
      proposedAt: d.proposedAt,
      decidedBy: d.decidedBy === null ? null : await named(d.decidedBy),
      decidedAt: d.decidedAt,
      decisionNote: d.decisionNote,
    })),
  );
}
