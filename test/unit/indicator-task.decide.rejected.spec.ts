// Indicator-task rules: what `decide` refuses, and why.
// Expectations are written out by hand from the glossary, never derived from the module's own rule table, and
// dates as ISO instants rather than computed. Fixtures shared by these specs: ../support/indicator-task.fixtures.ts.
import type { IndicatorTaskEvent } from '../../workflows/indicator-task/indicator-task.events';
import type { IndicatorTaskAction, IndicatorTaskCommand, IndicatorTaskState, CriterionScore } from '../../workflows/indicator-task/indicator-task.types';
import { decide } from '../../workflows/indicator-task/indicator-task.decide';
import type { RejectionCode } from '../../workflows/shared/decision.types';
import type { Actor } from '../../workflows/shared/actor.types';
import {
  OWN_UNIT,
  OTHER_UNIT,
  ACTORS,
  SUPERVISOR_2,
  DUE,
  NOW,
  PLAN,
  EXTENSION,
  stateOf,
  awaiting,
  M1,
  M2,
  archivingWith,
  FILE,
  valid,
  rejectionOf,
  untyped,
  CHINESE,
  frozen,
  LEADER,
  OFFICE,
  SUPERVISOR,
  ARCHIVIST,
  OWN_UNIT_HEAD,
  OWN_UNIT_MEMBER,
  OTHER_UNIT_MEMBER,
} from '../support/indicator-task.fixtures';

// ---------------------------------------------------------------------------------------------------------
// decide: rejections
// ---------------------------------------------------------------------------------------------------------

interface RejectedCase {
  name: string;
  state: IndicatorTaskState;
  actor: Actor;
  command: IndicatorTaskCommand;
  code: RejectionCode;
  field?: string;
  /** The exact message, where the test pins it. */
  message?: string;
  /** Workflow time; NOW unless told. */
  now?: string;
}

const TOO_LONG = 'x'.repeat(2001);
const SELF_CHECK_REVIEW = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId);
const RECTIFICATION = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET' });
const RECTIFICATION_PLANNED = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN });
const CONSOLIDATION = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z' });
const EXTENSION_PENDING = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', pendingExtension: EXTENSION });
const MOCK = stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' });
const ARCHIVE_REVIEW = awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' });

const REJECTED: RejectedCase[] = [
  // Wrong moment
  {
    name: 'submitting a self-check during rectification',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: valid('SUBMIT_SELF_CHECK'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'submitting a self-check again while the first awaits review',
    state: SELF_CHECK_REVIEW,
    actor: OWN_UNIT_MEMBER,
    command: valid('SUBMIT_SELF_CHECK'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'confirming a self-check when nothing was submitted',
    state: stateOf(),
    actor: SUPERVISOR,
    command: valid('CONFIRM_SELF_CHECK'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'approving a rectification that awaits a different kind of review',
    state: stateOf({ stage: 'RECTIFICATION', awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId }),
    actor: SUPERVISOR,
    command: valid('APPROVE_RECTIFICATION'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'reporting progress while the rectification awaits review',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_HEAD.userId),
    actor: OWN_UNIT_MEMBER,
    command: valid('REPORT_RECTIFICATION_PROGRESS'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'recording a mock assessment in consolidation',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: SUPERVISOR,
    command: valid('RECORD_MOCK_ASSESSMENT'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'starting archiving during self-check',
    state: stateOf(),
    actor: OFFICE,
    command: valid('START_ARCHIVING'),
    code: 'ILLEGAL_TRANSITION',
  },
  {
    name: 'accepting an archive on an archived task',
    state: stateOf({ stage: 'ARCHIVED', classification: 'MET' }),
    actor: ARCHIVIST,
    command: valid('ACCEPT_ARCHIVE_MATERIAL'),
    code: 'ILLEGAL_TRANSITION',
  },
  // Wrong person
  {
    name: 'the leading group submitting a self-check',
    state: stateOf(),
    actor: LEADER,
    command: valid('SUBMIT_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'the office confirming a self-check',
    state: SELF_CHECK_REVIEW,
    actor: OFFICE,
    command: valid('CONFIRM_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a unit member recording a mock assessment',
    state: MOCK,
    actor: OWN_UNIT_MEMBER,
    command: valid('RECORD_MOCK_ASSESSMENT'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor accepting an archive',
    state: ARCHIVE_REVIEW,
    actor: SUPERVISOR,
    command: valid('ACCEPT_ARCHIVE_MATERIAL'),
    code: 'FORBIDDEN',
  },
  {
    name: 'the archivist starting archiving',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: ARCHIVIST,
    command: valid('START_ARCHIVING'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a member of another unit submitting a self-check',
    state: stateOf(),
    actor: OTHER_UNIT_MEMBER,
    command: valid('SUBMIT_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'the head of the lead unit submitting the responsible unit’s rectification',
    state: RECTIFICATION,
    actor: ACTORS.LEAD_UNIT_HEAD,
    command: valid('SUBMIT_RECTIFICATION'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a member of another unit submitting an archive',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: OTHER_UNIT_MEMBER,
    command: valid('SUBMIT_ARCHIVE_MATERIAL'),
    code: 'FORBIDDEN',
  },
  // Separation of duties: the one who handed the work in never decides on it, whatever their role.
  {
    name: 'a supervisor confirming a self-check they submitted themselves',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: valid('CONFIRM_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor returning a self-check they submitted themselves',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: valid('RETURN_SELF_CHECK'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor approving a rectification they submitted themselves',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: valid('APPROVE_RECTIFICATION'),
    code: 'FORBIDDEN',
  },
  {
    name: 'a supervisor returning a rectification they submitted themselves',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', SUPERVISOR.userId),
    actor: SUPERVISOR,
    command: valid('RETURN_RECTIFICATION'),
    code: 'FORBIDDEN',
  },
  {
    name: 'an archivist accepting an archive they submitted themselves',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', ARCHIVIST.userId),
    actor: ARCHIVIST,
    command: valid('ACCEPT_ARCHIVE_MATERIAL'),
    code: 'FORBIDDEN',
  },
  {
    name: 'an archivist returning an archive they submitted themselves',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', ARCHIVIST.userId),
    actor: ARCHIVIST,
    command: valid('RETURN_ARCHIVE_MATERIAL'),
    code: 'FORBIDDEN',
  },
  // Bad input
  {
    name: 'a self-check with an empty note',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '' },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'a self-check with a whitespace-only note',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: ' \n\t　' },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'a self-check with a note over 2000 characters',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'a self-check without a note at all',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_SELF_CHECK', classification: 'MET' }),
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'a self-check with an unknown classification',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_SELF_CHECK', classification: 'GOOD', note: '说明' }),
    code: 'BAD_USER_INPUT',
    field: 'classification',
  },
  {
    name: 'a self-check with a lower-case classification',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_SELF_CHECK', classification: 'met', note: '说明' }),
    code: 'BAD_USER_INPUT',
    field: 'classification',
  },
  {
    name: 'returning a self-check with an empty reason',
    state: SELF_CHECK_REVIEW,
    actor: SUPERVISOR,
    command: { action: 'RETURN_SELF_CHECK', reason: '' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
  },
  {
    name: 'returning a rectification with a whitespace-only reason',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: SUPERVISOR,
    command: { action: 'RETURN_RECTIFICATION', reason: '   ' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
  },
  {
    name: 'returning an archive with a reason over 2000 characters',
    state: ARCHIVE_REVIEW,
    actor: ARCHIVIST,
    command: { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: 'PACKAGE', reason: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'reason',
  },
  {
    name: 'reporting rectification progress with an empty note',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REPORT_RECTIFICATION_PROGRESS', note: '' },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'submitting a rectification with a whitespace-only note',
    state: RECTIFICATION_PLANNED,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION', note: '  ' },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'handing in the package the legacy way (no file) with an empty note',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_ARCHIVE', note: '' }),
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'handing in a material without a file',
    state: archivingWith({}),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, note: '台账' }),
    code: 'BAD_USER_INPUT',
    field: 'file',
  },
  {
    name: 'handing in a material with a file that is not in the store',
    state: archivingWith({}),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: { ...FILE, sha256: 'not-a-hash' } },
    code: 'BAD_USER_INPUT',
    field: 'file',
  },
  {
    name: 'handing in a material the indicator does not require',
    state: archivingWith({}),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: 'A1-M9', file: FILE },
    code: 'BAD_USER_INPUT',
    field: 'materialCode',
  },
  {
    name: 'handing in a material that awaits the archivist already',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: OWN_UNIT_HEAD,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE },
    code: 'ILLEGAL_TRANSITION',
    field: 'materialCode',
  },
  {
    name: 'handing in a material that was accepted',
    state: archivingWith({ [M1.code]: { status: 'ACCEPTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE },
    code: 'ILLEGAL_TRANSITION',
    field: 'materialCode',
  },
  {
    name: 'accepting a material that was not handed in, while another was',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: ARCHIVIST,
    command: { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M2.code },
    code: 'ILLEGAL_TRANSITION',
    field: 'materialCode',
  },
  {
    name: 'returning a material that was accepted, while another awaits',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId }, [M2.code]: { status: 'ACCEPTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: ARCHIVIST,
    command: { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: M2.code, reason: '重审' },
    code: 'ILLEGAL_TRANSITION',
    field: 'materialCode',
  },
  {
    name: 'returning a material without a reason',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: ARCHIVIST,
    command: { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: M1.code, reason: ' ' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
  },
  {
    name: 'reassigning without saying to which unit',
    state: stateOf(),
    actor: OFFICE,
    command: { action: 'REASSIGN', unitCode: ' ', reason: '职责调整' },
    code: 'BAD_USER_INPUT',
    field: 'unitCode',
  },
  {
    name: 'reassigning to the unit that has the task already',
    state: stateOf(),
    actor: OFFICE,
    command: { action: 'REASSIGN', unitCode: OWN_UNIT, reason: '职责调整' },
    code: 'BAD_USER_INPUT',
    field: 'unitCode',
  },
  {
    name: 'reassigning without a reason',
    state: stateOf(),
    actor: OFFICE,
    command: { action: 'REASSIGN', unitCode: OTHER_UNIT, reason: '' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
  },
  {
    name: 'confirming a self-check with an optional note over 2000 characters',
    state: SELF_CHECK_REVIEW,
    actor: SUPERVISOR,
    command: { action: 'CONFIRM_SELF_CHECK', note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'accepting an archive with a note that is not text',
    state: ARCHIVE_REVIEW,
    actor: ARCHIVIST,
    command: untyped({ action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: 'PACKAGE', note: 42 }),
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  ...(
    [
      ['without any scores', []],
      ['scoring one criterion twice', [{ criterionCode: 'A1-1', points: 3, score: 1 }, { criterionCode: 'A1-1', points: 3, score: 2 }]],
      ['with a criterion without a code', [{ criterionCode: '', points: 3, score: 1 }]],
      ['with a criterion worth no points', [{ criterionCode: 'A1-1', points: 0, score: 0 }]],
      ['scored below zero', [{ criterionCode: 'A1-1', points: 3, score: -0.5 }]],
      ['scored above the points of its criterion', [{ criterionCode: 'A1-1', points: 3, score: 3.01 }]],
      ['scored NaN', [{ criterionCode: 'A1-1', points: 3, score: Number.NaN }]],
      ['scored Infinity', [{ criterionCode: 'A1-1', points: 3, score: Number.POSITIVE_INFINITY }]],
    ] as [string, CriterionScore[]][]
  ).map(
    ([what, scores]): RejectedCase => ({
      name: `a mock assessment ${what}`,
      state: MOCK,
      actor: SUPERVISOR,
      command: { action: 'RECORD_MOCK_ASSESSMENT', scores },
      code: 'BAD_USER_INPUT',
      field: 'scores',
    }),
  ),
  {
    name: 'a mock assessment whose scores are not a list',
    state: MOCK,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_MOCK_ASSESSMENT', scores: '80' }),
    code: 'BAD_USER_INPUT',
    field: 'scores',
  },
  {
    name: 'a mock assessment with an over-long note',
    state: MOCK,
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', scores: [{ criterionCode: 'A1-1', points: 3, score: 3 }], note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
  },
  {
    name: 'an unknown action',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'DELETE_TASK' }),
    code: 'BAD_USER_INPUT',
    field: 'action',
  },
  {
    name: 'an action named like an Object.prototype member',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'toString' }),
    code: 'BAD_USER_INPUT',
    field: 'action',
  },
  {
    name: 'a command without an action',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ note: '说明' }),
    code: 'BAD_USER_INPUT',
    field: 'action',
  },
  {
    name: 'no command at all',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped(null),
    code: 'BAD_USER_INPUT',
    field: 'action',
  },
  // Rectification plans
  {
    name: 'a rectification plan during self-check',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', ...PLAN },
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「自查自评」阶段，不能执行「提交整改方案」（仅限「整改」阶段）',
  },
  {
    name: 'a rectification plan while the rectification awaits review',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId, { rectificationPlan: PLAN }),
    actor: OWN_UNIT_HEAD,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', ...PLAN },
    code: 'ILLEGAL_TRANSITION',
    message: '任务正在等待审核（整改完成待审核），审核前不能执行「提交整改方案」',
  },
  {
    name: 'a supervisor submitting the unit’s rectification plan',
    state: RECTIFICATION,
    actor: SUPERVISOR,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', ...PLAN },
    code: 'FORBIDDEN',
    message: '「督查检查组」无权执行「提交整改方案」',
  },
  {
    name: 'a member of another unit submitting a rectification plan',
    state: RECTIFICATION,
    actor: OTHER_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', ...PLAN },
    code: 'FORBIDDEN',
    message: '只能处理本单位的任务，不能对其他单位的任务执行「提交整改方案」',
  },
  {
    name: 'a rectification plan without a deadline',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan }),
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '请填写整改期限',
  },
  {
    name: 'a rectification plan whose deadline is not a date',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: '下周五' },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '请填写整改期限',
  },
  {
    name: 'a rectification plan whose deadline is a number, not text',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: Date.parse(PLAN.deadline) }),
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '请填写整改期限',
  },
  {
    name: 'a rectification plan due exactly now',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: NOW },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限须晚于现在',
  },
  {
    name: 'a rectification plan due in the past',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: '2026-11-30T00:00:00.000Z' },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限须晚于现在',
  },
  {
    name: 'a rectification plan due one millisecond after the task’s due date',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: '2027-01-31T16:00:00.000Z' },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限不能晚于完成时限（2027-01-31）；如需更多时间，请申请延期',
  },
  {
    name: 'a rectification plan due after an extended stage deadline',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', stageDueAt: '2027-02-28T15:59:59.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: '2027-03-01T00:00:00.000Z' },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限不能晚于完成时限（2027-02-28）；如需更多时间，请申请延期',
  },
  {
    name: 'a rectification plan once the due date has passed: only an extension helps',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', escalationLevel: 'URGE' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: '2027-02-10T00:00:00.000Z' },
    now: '2027-02-05T00:00:00.000Z',
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限不能晚于完成时限（2027-01-31）；如需更多时间，请申请延期',
  },
  {
    name: 'a rectification plan with an empty plan',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '', deadline: PLAN.deadline },
    code: 'BAD_USER_INPUT',
    field: 'plan',
    message: '请填写整改方案',
  },
  {
    name: 'a rectification plan with a whitespace-only plan',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: ' \n\t　', deadline: PLAN.deadline },
    code: 'BAD_USER_INPUT',
    field: 'plan',
    message: '请填写整改方案',
  },
  {
    name: 'a rectification plan without a plan',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_RECTIFICATION_PLAN', deadline: PLAN.deadline }),
    code: 'BAD_USER_INPUT',
    field: 'plan',
    message: '请填写整改方案',
  },
  {
    name: 'a rectification plan over 2000 characters',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: TOO_LONG, deadline: PLAN.deadline },
    code: 'BAD_USER_INPUT',
    field: 'plan',
    message: '整改方案不能超过2000字',
  },
  {
    name: 'a rectification plan with both a past deadline and an empty plan: the deadline is named first',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '', deadline: '2026-11-30T00:00:00.000Z' },
    code: 'BAD_USER_INPUT',
    field: 'deadline',
    message: '整改期限须晚于现在',
  },
  // Completion needs a plan
  {
    name: 'completing a rectification before any plan was handed in',
    state: RECTIFICATION,
    actor: OWN_UNIT_MEMBER,
    command: valid('SUBMIT_RECTIFICATION'),
    code: 'ILLEGAL_TRANSITION',
    message: '请先提交整改方案（含整改期限），再提交整改完成',
  },
  {
    name: 'completing a rectification without a plan and with an empty note: the missing plan is named, not the note',
    state: RECTIFICATION,
    actor: OWN_UNIT_HEAD,
    command: { action: 'SUBMIT_RECTIFICATION', note: '' },
    code: 'ILLEGAL_TRANSITION',
    message: '请先提交整改方案（含整改期限），再提交整改完成',
  },
  {
    name: 'a supervisor completing a rectification without a plan: the person is refused first',
    state: RECTIFICATION,
    actor: SUPERVISOR,
    command: valid('SUBMIT_RECTIFICATION'),
    code: 'FORBIDDEN',
    message: '「督查检查组」无权执行「提交整改完成」',
  },
  // Re-checks
  {
    name: 'a re-check during rectification',
    state: RECTIFICATION,
    actor: SUPERVISOR,
    command: valid('RECORD_RECHECK'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「整改」阶段，不能执行「录入复查结果」（仅限「巩固」阶段）',
  },
  {
    name: 'a re-check during archiving',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: SUPERVISOR,
    command: valid('RECORD_RECHECK'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「归档」阶段，不能执行「录入复查结果」（仅限「巩固」阶段）',
  },
  {
    name: 'a re-check while something awaits review',
    state: { ...CONSOLIDATION, awaitingReview: 'SELF_CHECK_REVIEW', submittedBy: OWN_UNIT_MEMBER.userId },
    actor: SUPERVISOR,
    command: valid('RECORD_RECHECK'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务正在等待审核（自查结果待审核），审核前不能执行「录入复查结果」',
  },
  {
    name: 'the office recording a re-check',
    state: CONSOLIDATION,
    actor: OFFICE,
    command: valid('RECORD_RECHECK'),
    code: 'FORBIDDEN',
    message: '「创建办」无权执行「录入复查结果」',
  },
  {
    name: 'the leading group recording a re-check',
    state: CONSOLIDATION,
    actor: LEADER,
    command: valid('RECORD_RECHECK'),
    code: 'FORBIDDEN',
    message: '「领导小组」无权执行「录入复查结果」',
  },
  {
    name: 'the archivist recording a re-check',
    state: CONSOLIDATION,
    actor: ARCHIVIST,
    command: valid('RECORD_RECHECK'),
    code: 'FORBIDDEN',
    message: '「档案组」无权执行「录入复查结果」',
  },
  {
    name: 'the unit re-checking itself',
    state: CONSOLIDATION,
    actor: OWN_UNIT_HEAD,
    command: valid('RECORD_RECHECK'),
    code: 'FORBIDDEN',
    message: '「单位负责人」无权执行「录入复查结果」',
  },
  {
    name: 'a re-check whose "passed" is not a boolean',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_RECHECK', passed: 'yes', note: '说明' }),
    code: 'BAD_USER_INPUT',
    field: 'passed',
    message: '请选择复查是否合格',
  },
  {
    name: 'a re-check whose "passed" is null',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_RECHECK', passed: null, note: '说明' }),
    code: 'BAD_USER_INPUT',
    field: 'passed',
    message: '请选择复查是否合格',
  },
  {
    name: 'a re-check without "passed"',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_RECHECK' }),
    code: 'BAD_USER_INPUT',
    field: 'passed',
    message: '请选择复查是否合格',
  },
  {
    name: 'a failed re-check without a note',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: false },
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '请填写复查发现的问题',
  },
  {
    name: 'a failed re-check with a whitespace-only note',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: false, note: '  \n' },
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '请填写复查发现的问题',
  },
  {
    name: 'a failed re-check with a note over 2000 characters',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: false, note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '复查发现的问题不能超过2000字',
  },
  {
    name: 'a passed re-check with a note over 2000 characters',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: true, note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '复查说明不能超过2000字',
  },
  {
    name: 'a passed re-check with a note that is not text',
    state: CONSOLIDATION,
    actor: SUPERVISOR,
    command: untyped({ action: 'RECORD_RECHECK', passed: true, note: 7 }),
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '复查说明格式不正确',
  },
  // Asking for more time
  {
    name: 'asking for more time during the mock assessment',
    state: MOCK,
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「模拟测评」阶段，不能执行「申请延期」（仅限「自查自评、整改、归档」阶段）',
  },
  {
    name: 'asking for more time in consolidation',
    state: CONSOLIDATION,
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「巩固」阶段，不能执行「申请延期」（仅限「自查自评、整改、归档」阶段）',
  },
  {
    name: 'asking for more time on an archived task',
    state: stateOf({ stage: 'ARCHIVED', classification: 'MET', stageDueAt: null }),
    actor: OWN_UNIT_HEAD,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「已归档」阶段，不能执行「申请延期」（仅限「自查自评、整改、归档」阶段）',
  },
  {
    name: 'asking for more time while the self-check awaits review',
    state: SELF_CHECK_REVIEW,
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务正在等待审核（自查结果待审核），审核前不能执行「申请延期」',
  },
  {
    name: 'asking for more time while the archive awaits acceptance',
    state: ARCHIVE_REVIEW,
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务正在等待审核（档案材料待验收），审核前不能执行「申请延期」',
  },
  {
    name: 'asking for more time again while the first request is pending',
    state: EXTENSION_PENDING,
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION', EXTENSION_PENDING),
    code: 'ILLEGAL_TRANSITION',
    message: '已有延期申请在等待审批，不能重复申请',
  },
  {
    name: 'the unit head asking for more time while a member’s request is pending',
    state: EXTENSION_PENDING,
    actor: OWN_UNIT_HEAD,
    command: valid('REQUEST_EXTENSION', EXTENSION_PENDING),
    code: 'ILLEGAL_TRANSITION',
    message: '已有延期申请在等待审批，不能重复申请',
  },
  {
    name: 'asking for more time in a stage without a deadline',
    state: stateOf({ stageDueAt: null }),
    actor: OWN_UNIT_MEMBER,
    command: valid('REQUEST_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '当前阶段没有完成时限，无需申请延期',
  },
  {
    name: 'a supervisor asking for more time for the unit',
    state: RECTIFICATION,
    actor: SUPERVISOR,
    command: valid('REQUEST_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「督查检查组」无权执行「申请延期」',
  },
  {
    name: 'the office asking for more time',
    state: stateOf(),
    actor: OFFICE,
    command: valid('REQUEST_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「创建办」无权执行「申请延期」',
  },
  {
    name: 'the head of another unit asking for more time',
    state: stateOf(),
    actor: ACTORS.OTHER_UNIT_HEAD,
    command: valid('REQUEST_EXTENSION'),
    code: 'FORBIDDEN',
    message: '只能处理本单位的任务，不能对其他单位的任务执行「申请延期」',
  },
  {
    name: 'the head of the lead unit asking for more time for the responsible unit',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: ACTORS.LEAD_UNIT_HEAD,
    command: valid('REQUEST_EXTENSION'),
    code: 'FORBIDDEN',
    message: '只能处理本单位的任务，不能对其他单位的任务执行「申请延期」',
  },
  {
    name: 'asking for more time without a date',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'REQUEST_EXTENSION', reason: '理由' }),
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '请填写申请延至的日期',
  },
  {
    name: 'asking for more time with an empty date',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '', reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '请填写申请延至的日期',
  },
  {
    name: 'asking for more time with a date that is not a date',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '月底', reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '请填写申请延至的日期',
  },
  {
    name: 'asking for more time up to exactly the current deadline',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: DUE, reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '申请延至的日期须晚于现有时限（2027-01-31）',
  },
  {
    name: 'asking for "more" time before the current deadline, named by its Shanghai date',
    // 2026-12-03 16:30 UTC is already 2026-12-04 in Shanghai.
    state: stateOf({ stageDueAt: '2026-12-03T16:30:00.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-12-02T00:00:00.000Z', reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '申请延至的日期须晚于现有时限（2026-12-04）',
  },
  {
    name: 'asking, after the deadline has passed, for a date that has passed too',
    state: stateOf({ stageDueAt: '2026-11-25T00:00:00.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-11-28T00:00:00.000Z', reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '申请延至的日期须晚于现在',
  },
  {
    name: 'asking, after the deadline has passed, for exactly now',
    state: stateOf({ stageDueAt: '2026-11-25T00:00:00.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: NOW, reason: '理由' },
    code: 'BAD_USER_INPUT',
    field: 'requestedDueAt',
    message: '申请延至的日期须晚于现在',
  },
  {
    name: 'asking for more time with an empty reason',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: EXTENSION.requestedDueAt, reason: '' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '请填写延期理由',
  },
  {
    name: 'asking for more time without a reason',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'REQUEST_EXTENSION', requestedDueAt: EXTENSION.requestedDueAt }),
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '请填写延期理由',
  },
  {
    name: 'asking for more time with a reason over 2000 characters',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: EXTENSION.requestedDueAt, reason: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '延期理由不能超过2000字',
  },
  // Deciding on more time
  {
    name: 'approving an extension nobody asked for',
    state: RECTIFICATION,
    actor: SUPERVISOR,
    command: valid('APPROVE_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '没有待审批的延期申请，不能执行「批准延期」',
  },
  {
    name: 'refusing an extension nobody asked for',
    state: stateOf(),
    actor: SUPERVISOR,
    command: valid('REFUSE_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '没有待审批的延期申请，不能执行「不予延期」',
  },
  {
    name: 'approving an extension in the mock assessment',
    state: { ...MOCK, pendingExtension: EXTENSION },
    actor: SUPERVISOR,
    command: valid('APPROVE_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「模拟测评」阶段，不能执行「批准延期」（仅限「自查自评、整改、归档」阶段）',
  },
  {
    name: 'refusing an extension in consolidation',
    state: { ...CONSOLIDATION, pendingExtension: EXTENSION },
    actor: SUPERVISOR,
    command: valid('REFUSE_EXTENSION'),
    code: 'ILLEGAL_TRANSITION',
    message: '任务处于「巩固」阶段，不能执行「不予延期」（仅限「自查自评、整改、归档」阶段）',
  },
  {
    name: 'the office approving an extension',
    state: EXTENSION_PENDING,
    actor: OFFICE,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「创建办」无权执行「批准延期」',
  },
  {
    name: 'the leading group approving an extension',
    state: EXTENSION_PENDING,
    actor: LEADER,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「领导小组」无权执行「批准延期」',
  },
  {
    name: 'the unit head approving a member’s request for more time',
    state: EXTENSION_PENDING,
    actor: OWN_UNIT_HEAD,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「单位负责人」无权执行「批准延期」',
  },
  {
    name: 'the archivist approving more time for archiving',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET', pendingExtension: EXTENSION }),
    actor: ARCHIVIST,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「档案组」无权执行「批准延期」',
  },
  {
    name: 'a unit member refusing an extension',
    state: EXTENSION_PENDING,
    actor: OWN_UNIT_MEMBER,
    command: valid('REFUSE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '「责任单位成员」无权执行「不予延期」',
  },
  // Separation of duties for extensions: whoever asked for the time never grants or refuses it.
  {
    name: 'a supervisor approving an extension they asked for themselves',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } }),
    actor: SUPERVISOR,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '提交人不能审批自己提交的事项（批准延期）',
  },
  {
    name: 'a supervisor refusing an extension they asked for themselves',
    state: stateOf({ pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } }),
    actor: SUPERVISOR,
    command: valid('REFUSE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '提交人不能审批自己提交的事项（不予延期）',
  },
  {
    name: 'a supervisor approving their own extension request while a colleague’s submission awaits review',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR_2.userId } }),
    actor: SUPERVISOR_2,
    command: valid('APPROVE_EXTENSION'),
    code: 'FORBIDDEN',
    message: '提交人不能审批自己提交的事项（批准延期）',
  },
  {
    name: 'approving an extension with a note over 2000 characters',
    state: EXTENSION_PENDING,
    actor: SUPERVISOR,
    command: { action: 'APPROVE_EXTENSION', note: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '说明不能超过2000字',
  },
  {
    name: 'approving an extension with a note that is not text',
    state: EXTENSION_PENDING,
    actor: SUPERVISOR,
    command: untyped({ action: 'APPROVE_EXTENSION', note: true }),
    code: 'BAD_USER_INPUT',
    field: 'note',
    message: '说明格式不正确',
  },
  {
    name: 'refusing an extension with an empty reason',
    state: EXTENSION_PENDING,
    actor: SUPERVISOR,
    command: { action: 'REFUSE_EXTENSION', reason: ' ' },
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '请填写不予延期的理由',
  },
  {
    name: 'refusing an extension without a reason',
    state: EXTENSION_PENDING,
    actor: SUPERVISOR,
    command: untyped({ action: 'REFUSE_EXTENSION' }),
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '请填写不予延期的理由',
  },
  {
    name: 'refusing an extension with a reason over 2000 characters',
    state: EXTENSION_PENDING,
    actor: SUPERVISOR,
    command: { action: 'REFUSE_EXTENSION', reason: TOO_LONG },
    code: 'BAD_USER_INPUT',
    field: 'reason',
    message: '不予延期的理由不能超过2000字',
  },
];

describe('decide: rejections', () => {
  it.each(REJECTED.map((c) => [c.name, c] as const))('refuses %s', (_name, { state, actor, command, code, field, message, now }) => {
    const rejection = rejectionOf(decide(frozen(state), { command, actor }, now ?? NOW));
    expect(rejection.code).toBe(code);
    expect(rejection.field).toBe(field);
    expect(rejection.message).toMatch(CHINESE);
    if (message !== undefined) expect(rejection.message).toBe(message);
  });

  it('pins the message of every refusal of the new actions', () => {
    const newActions: IndicatorTaskAction[] = ['SUBMIT_RECTIFICATION_PLAN', 'RECORD_RECHECK', 'REQUEST_EXTENSION', 'APPROVE_EXTENSION', 'REFUSE_EXTENSION'];
    const unpinned = REJECTED.filter((c) => c.command !== null && newActions.includes(c.command.action) && c.message === undefined).map((c) => c.name);
    expect(unpinned).toEqual([]);
  });

  it('lets another supervisor confirm what the first supervisor submitted', () => {
    const state = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId, { classification: 'MET' });
    expect(decide(state, { actor: SUPERVISOR_2, command: { action: 'CONFIRM_SELF_CHECK' } }, NOW)).toEqual({
      ok: true,
      events: [{ type: 'SelfCheckConfirmed', data: { classification: 'MET', note: '' } }],
    });
  });

  it.each<[IndicatorTaskAction, IndicatorTaskEvent]>([
    ['APPROVE_EXTENSION', { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } }],
    ['REFUSE_EXTENSION', { type: 'ExtensionRefused', data: { reason: '时间足够' } }],
  ])('lets another supervisor %s what the first supervisor asked for', (action, event) => {
    const state = stateOf({ pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } });
    expect(decide(state, { actor: SUPERVISOR_2, command: valid(action) }, NOW)).toEqual({ ok: true, events: [event] });
  });

  it('judges separation of duties for extensions by the requester, not by who handed the work in', () => {
    // The supervisor handed the self-check in (a test construct); the extension was asked for by the unit.
    const state = awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', SUPERVISOR.userId, { pendingExtension: EXTENSION });
    expect(decide(state, { actor: SUPERVISOR, command: valid('APPROVE_EXTENSION') }, NOW).ok).toBe(true);
    expect(rejectionOf(decide(state, { actor: SUPERVISOR, command: valid('CONFIRM_SELF_CHECK') }, NOW)).code).toBe('FORBIDDEN');
  });

  it('judges separation of duties by user id, not by display name', () => {
    const namesake: Actor = { ...SUPERVISOR_2, displayName: SUPERVISOR.displayName };
    const state = awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', SUPERVISOR.userId);
    expect(decide(state, { actor: namesake, command: valid('APPROVE_RECTIFICATION') }, NOW).ok).toBe(true);
    const asked = stateOf({ pendingExtension: { ...EXTENSION, requestedBy: SUPERVISOR.userId } });
    expect(decide(asked, { actor: namesake, command: valid('APPROVE_EXTENSION') }, NOW).ok).toBe(true);
  });

  it('checks the person before the input: a forbidden actor learns nothing about the form', () => {
    const rejection = rejectionOf(decide(stateOf(), { actor: LEADER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note: '' } }, NOW));
    expect(rejection.code).toBe('FORBIDDEN');
    const extension = rejectionOf(decide(stateOf(), { actor: SUPERVISOR, command: { action: 'REQUEST_EXTENSION', requestedDueAt: 'x', reason: '' } }, NOW));
    expect(extension.code).toBe('FORBIDDEN');
  });

  it('names the role and the action in a role refusal', () => {
    const rejection = rejectionOf(decide(SELF_CHECK_REVIEW, { actor: OFFICE, command: valid('CONFIRM_SELF_CHECK') }, NOW));
    expect(rejection.message).toContain('创建办');
    expect(rejection.message).toContain('确认自查结果');
  });

  it('judges a rectification plan’s deadline against the time it is given, not a clock', () => {
    const command: IndicatorTaskCommand = { action: 'SUBMIT_RECTIFICATION_PLAN', plan: PLAN.plan, deadline: PLAN.deadline };
    expect(decide(RECTIFICATION, { actor: OWN_UNIT_MEMBER, command }, '2027-01-15T15:59:58.999Z').ok).toBe(true);
    expect(rejectionOf(decide(RECTIFICATION, { actor: OWN_UNIT_MEMBER, command }, '2027-01-15T15:59:59.000Z')).message).toBe('整改期限须晚于现在');
  });

  it('judges a requested extension against the time it is given, not a clock', () => {
    const state = stateOf({ stageDueAt: '2026-11-25T00:00:00.000Z' });
    const command: IndicatorTaskCommand = { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-12-10T00:00:00.000Z', reason: '理由' };
    expect(decide(state, { actor: OWN_UNIT_MEMBER, command }, '2026-12-09T23:59:59.999Z').ok).toBe(true);
    expect(rejectionOf(decide(state, { actor: OWN_UNIT_MEMBER, command }, '2026-12-10T00:00:00.000Z')).message).toBe('申请延至的日期须晚于现在');
  });
});
