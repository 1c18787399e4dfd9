// Indicator-task rules: what `decide` records for each accepted action.
// Expectations are written out by hand from the glossary, never derived from the module's own rule table, and
// dates as ISO instants rather than computed. Fixtures shared by these specs: ../support/indicator-task.fixtures.ts.
import type { IndicatorTaskEvent } from '../../workflows/indicator-task/indicator-task.events';
import { INDICATOR_TASK_ACTIONS, type IndicatorTaskCommand, type IndicatorTaskState } from '../../workflows/indicator-task/indicator-task.types';
import { decide } from '../../workflows/indicator-task/indicator-task.decide';
import type { Actor } from '../../workflows/shared/actor.types';
import type { AccountabilityDecisionState } from '../../workflows/shared/accountability';
import {
  OWN_UNIT,
  LEAD_UNIT,
  OTHER_UNIT,
  SUPERVISOR_2,
  DUE,
  NOW,
  CUSTOM_POLICY,
  PLAN,
  EXTENSION,
  stateOf,
  awaiting,
  M1,
  M2,
  archivingWith,
  FILE,
  eventsOf,
  untyped,
  frozen,
  OFFICE,
  LEADER,
  SUPERVISOR,
  ARCHIVIST,
  OWN_UNIT_HEAD,
  OWN_UNIT_MEMBER,
} from '../support/indicator-task.fixtures';

// ---------------------------------------------------------------------------------------------------------
// decide: accepted actions
// ---------------------------------------------------------------------------------------------------------

const PENDING_DECISION: AccountabilityDecisionState = {
  unit: true,
  persons: [],
  form: 'CRITICISM_NOTICE',
  formNote: '',
  reason: '逾期未整改',
  unitCode: OWN_UNIT,
  deadline: '2026-11-01T00:00:00.000Z',
  status: 'PENDING',
  proposedBy: OFFICE.userId,
  proposedAt: '2026-11-20T00:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  decisionNote: '',
};

interface AcceptedCase {
  name: string;
  state: IndicatorTaskState;
  actor: Actor;
  command: IndicatorTaskCommand;
  event: IndicatorTaskEvent;
  /** Workflow time; NOW unless told. */
  now?: string;
}

const RECTIFYING = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET' });
const CONSOLIDATING = stateOf({ stage: 'CONSOLIDATION', classification: 'MET', stageDueAt: null, nextRecheckAt: '2026-12-20T00:00:00.000Z' });

const ACCEPTED: AcceptedCase[] = [
  {
    name: 'ADD_COMMENT records the trimmed text, from the lead unit too',
    state: stateOf(),
    actor: { userId: 'u-lead', displayName: '牵头单位', role: 'UNIT_MEMBER', unitCode: LEAD_UNIT },
    command: { action: 'ADD_COMMENT', text: '  请于周五前补齐照片 ' },
    event: { type: 'CommentAdded', data: { text: '请于周五前补齐照片' } },
  },
  {
    name: 'ATTACH_EVIDENCE records the file by its hash, with the stage it was attached in',
    state: stateOf({ stage: 'RECTIFICATION' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'ATTACH_EVIDENCE', file: { sha256: 'b'.repeat(64), name: ' 整改后.jpg ', size: 2048, mimeType: 'image/jpeg' }, note: '东侧' },
    event: { type: 'EvidenceAttached', data: { sha256: 'b'.repeat(64), name: '整改后.jpg', size: 2048, mimeType: 'image/jpeg', stage: 'RECTIFICATION', note: '东侧' } },
  },
  {
    name: 'SUBMIT_SELF_CHECK records the classification and the trimmed note',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_SELF_CHECK', classification: 'RELAPSE_PRONE', note: '  楼道堆物反复出现 \n' },
    event: { type: 'SelfCheckSubmitted', data: { classification: 'RELAPSE_PRONE', note: '楼道堆物反复出现' } },
  },
  {
    name: 'CONFIRM_SELF_CHECK confirms the submitted classification with an empty default note',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: { action: 'CONFIRM_SELF_CHECK' },
    event: { type: 'SelfCheckConfirmed', data: { classification: 'UNKNOWN', note: '' } },
  },
  {
    name: 'CONFIRM_SELF_CHECK trims a given note',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' }),
    actor: SUPERVISOR,
    command: { action: 'CONFIRM_SELF_CHECK', note: ' 属实 ' },
    event: { type: 'SelfCheckConfirmed', data: { classification: 'MET', note: '属实' } },
  },
  {
    name: 'RETURN_SELF_CHECK records the trimmed reason',
    state: awaiting('SELF_CHECK', 'SELF_CHECK_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: SUPERVISOR,
    command: { action: 'RETURN_SELF_CHECK', reason: '\t照片不全  ' },
    event: { type: 'SelfCheckReturned', data: { reason: '照片不全' } },
  },
  {
    name: 'REPORT_RECTIFICATION_PROGRESS records the trimmed note',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET' }),
    actor: OWN_UNIT_HEAD,
    command: { action: 'REPORT_RECTIFICATION_PROGRESS', note: ' 已新增公益广告12处 ' },
    event: { type: 'RectificationProgressReported', data: { note: '已新增公益广告12处' } },
  },
  {
    name: 'SUBMIT_RECTIFICATION against a plan records the trimmed note',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION', note: ' 整改完毕 ' },
    event: { type: 'RectificationSubmitted', data: { note: '整改完毕' } },
  },
  {
    name: 'APPROVE_RECTIFICATION defaults the note to an empty string',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: SUPERVISOR,
    command: { action: 'APPROVE_RECTIFICATION' },
    event: { type: 'RectificationApproved', data: { note: '' } },
  },
  {
    name: 'APPROVE_RECTIFICATION trims a given note',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: SUPERVISOR,
    command: { action: 'APPROVE_RECTIFICATION', note: ' 现场复核通过 ' },
    event: { type: 'RectificationApproved', data: { note: '现场复核通过' } },
  },
  {
    name: 'RETURN_RECTIFICATION records the trimmed reason',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: SUPERVISOR,
    command: { action: 'RETURN_RECTIFICATION', reason: ' 仍有占道经营 ' },
    event: { type: 'RectificationReturned', data: { reason: '仍有占道经营' } },
  },
  {
    name: 'RECORD_MOCK_ASSESSMENT sums the criteria, fails below the pass rate and lists the criteria that lost points',
    state: stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: {
      action: 'RECORD_MOCK_ASSESSMENT',
      scores: [
        { criterionCode: 'A1-1', points: 3, score: 3 },
        { criterionCode: 'A1-2', points: 2, score: 0.5 },
      ],
    },
    event: {
      type: 'MockAssessmentRecorded',
      data: {
        scores: [
          { criterionCode: 'A1-1', points: 3, score: 3 },
          { criterionCode: 'A1-2', points: 2, score: 0.5 },
        ],
        score: 3.5,
        maxScore: 5,
        scoreRate: 70,
        passed: false,
        failedCriteria: ['A1-2'],
        note: '',
      },
    },
  },
  {
    name: 'RECORD_MOCK_ASSESSMENT passes at exactly the pass rate, still listing deductions, and trims the note',
    state: stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', scores: [{ criterionCode: 'A1-1', points: 10, score: 9 }], note: ' 扣一分 ' },
    event: {
      type: 'MockAssessmentRecorded',
      data: { scores: [{ criterionCode: 'A1-1', points: 10, score: 9 }], score: 9, maxScore: 10, scoreRate: 90, passed: true, failedCriteria: ['A1-1'], note: '扣一分' },
    },
  },
  {
    name: 'RECORD_MOCK_ASSESSMENT accepts a score of zero',
    state: stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', scores: [{ criterionCode: 'A1-1', points: 3, score: 0 }] },
    event: {
      type: 'MockAssessmentRecorded',
      data: { scores: [{ criterionCode: 'A1-1', points: 3, score: 0 }], score: 0, maxScore: 3, scoreRate: 0, passed: false, failedCriteria: ['A1-1'], note: '' },
    },
  },
  {
    name: "RECORD_MOCK_ASSESSMENT from an inspection round's scores names the round (issue 20)",
    state: stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'UNKNOWN' }),
    actor: SUPERVISOR,
    command: { action: 'RECORD_MOCK_ASSESSMENT', scores: [{ criterionCode: 'A1-1', points: 3, score: 3 }], source: { roundId: 'inspection-round:c:r1', roundTitle: '十二月模拟测评' } },
    event: {
      type: 'MockAssessmentRecorded',
      data: { scores: [{ criterionCode: 'A1-1', points: 3, score: 3 }], score: 3, maxScore: 3, scoreRate: 100, passed: true, failedCriteria: [], note: '', roundId: 'inspection-round:c:r1', roundTitle: '十二月模拟测评' },
    },
  },
  {
    name: 'START_ARCHIVING by the office defaults the note',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: OFFICE,
    command: { action: 'START_ARCHIVING' },
    // Without a list (older clients, and the histories they recorded) the archive is one package.
    event: { type: 'ArchivingStarted', data: { note: '', materials: [{ code: 'PACKAGE', name: '档案材料（整套）' }] } },
  },
  {
    name: 'START_ARCHIVING records the materials the catalog requires, names trimmed',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: OFFICE,
    command: { action: 'START_ARCHIVING', materials: [M1, { ...M2, name: ' 现场照片 ' }] },
    event: { type: 'ArchivingStarted', data: { note: '', materials: [M1, M2] } },
  },
  {
    name: 'START_ARCHIVING by a supervisor trims the note',
    state: stateOf({ stage: 'CONSOLIDATION', classification: 'MET' }),
    actor: SUPERVISOR,
    command: { action: 'START_ARCHIVING', note: ' 巩固期满 ', materials: [M1] },
    event: { type: 'ArchivingStarted', data: { note: '巩固期满', materials: [M1] } },
  },
  {
    name: 'SUBMIT_ARCHIVE_MATERIAL records the material, its file and the trimmed note',
    state: archivingWith({}),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M2.code, file: { ...FILE, name: ' 照片.jpg ' }, note: ' 台账三册 ' },
    event: { type: 'ArchiveMaterialSubmitted', data: { materialCode: M2.code, file: FILE, note: '台账三册' } },
  },
  {
    name: 'SUBMIT_ARCHIVE_MATERIAL hands a returned material in again',
    state: archivingWith({ [M1.code]: { status: 'RETURNED' } }),
    actor: OWN_UNIT_HEAD,
    command: { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE },
    event: { type: 'ArchiveMaterialSubmitted', data: { materialCode: M1.code, file: FILE, note: '' } },
  },
  {
    name: 'ACCEPT_ARCHIVE_MATERIAL defaults the note',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: ARCHIVIST,
    command: { action: 'ACCEPT_ARCHIVE_MATERIAL', materialCode: M1.code },
    event: { type: 'ArchiveMaterialAccepted', data: { materialCode: M1.code, note: '' } },
  },
  {
    name: 'RETURN_ARCHIVE_MATERIAL records the trimmed reason',
    state: archivingWith({ [M1.code]: { status: 'SUBMITTED', submittedBy: OWN_UNIT_MEMBER.userId } }),
    actor: ARCHIVIST,
    command: { action: 'RETURN_ARCHIVE_MATERIAL', materialCode: M1.code, reason: ' 缺签字页 ' },
    event: { type: 'ArchiveMaterialReturned', data: { materialCode: M1.code, reason: '缺签字页' } },
  },
  {
    name: 'the legacy SUBMIT_ARCHIVE (recorded histories) hands in the package without a file',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET' }),
    actor: OWN_UNIT_MEMBER,
    command: untyped({ action: 'SUBMIT_ARCHIVE', note: ' 台账三册 ' }),
    event: { type: 'ArchiveMaterialSubmitted', data: { materialCode: 'PACKAGE', file: null, note: '台账三册' } },
  },
  {
    name: 'the legacy ACCEPT_ARCHIVE accepts the package',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' }),
    actor: ARCHIVIST,
    command: untyped({ action: 'ACCEPT_ARCHIVE' }),
    event: { type: 'ArchiveMaterialAccepted', data: { materialCode: 'PACKAGE', note: '' } },
  },
  {
    name: 'the legacy RETURN_ARCHIVE returns the package',
    state: awaiting('ARCHIVING', 'ARCHIVE_REVIEW', OWN_UNIT_MEMBER.userId, { classification: 'MET' }),
    actor: ARCHIVIST,
    command: untyped({ action: 'RETURN_ARCHIVE', reason: ' 缺签字页 ' }),
    event: { type: 'ArchiveMaterialReturned', data: { materialCode: 'PACKAGE', reason: '缺签字页' } },
  },
  {
    name: 'REASSIGN records the new unit, the previous one and the trimmed reason',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: OFFICE,
    command: { action: 'REASSIGN', unitCode: ` ${OTHER_UNIT} `, reason: ' 职责调整 ' },
    event: { type: 'TaskReassigned', data: { unitCode: OTHER_UNIT, previousUnitCode: OWN_UNIT, reason: '职责调整' } },
  },
  {
    name: 'ASSIGN_RESPONSIBLE_PERSON by the unit head records the trimmed login and name, and that none was named before',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId),
    actor: OWN_UNIT_HEAD,
    command: { action: 'ASSIGN_RESPONSIBLE_PERSON', unitCode: OWN_UNIT, login: ' li.si ', name: ' 李四 ' },
    event: { type: 'ResponsiblePersonAssigned', data: { login: 'li.si', name: '李四', previousLogin: null } },
  },
  // Rectification plans
  {
    name: 'SUBMIT_RECTIFICATION_PLAN trims the plan and records the deadline as a UTC instant',
    state: RECTIFYING,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '  分三批完成 \n', deadline: '2027-01-15T23:59:59+08:00' },
    event: { type: 'RectificationPlanSubmitted', data: { plan: '分三批完成', deadline: '2027-01-15T15:59:59.000Z' } },
  },
  {
    name: 'SUBMIT_RECTIFICATION_PLAN by the unit head accepts a deadline exactly at the task’s due date',
    state: RECTIFYING,
    actor: OWN_UNIT_HEAD,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '方案', deadline: DUE },
    event: { type: 'RectificationPlanSubmitted', data: { plan: '方案', deadline: DUE } },
  },
  {
    name: 'SUBMIT_RECTIFICATION_PLAN accepts a deadline one millisecond after now',
    state: RECTIFYING,
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '方案', deadline: '2026-12-01T00:00:00.001Z' },
    event: { type: 'RectificationPlanSubmitted', data: { plan: '方案', deadline: '2026-12-01T00:00:00.001Z' } },
  },
  {
    name: 'SUBMIT_RECTIFICATION_PLAN revises a plan up to the task’s due date even when the first plan set an earlier one',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN, stageDueAt: PLAN.deadline }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '调整后的方案', deadline: DUE },
    event: { type: 'RectificationPlanSubmitted', data: { plan: '调整后的方案', deadline: DUE } },
  },
  {
    name: 'SUBMIT_RECTIFICATION_PLAN accepts a deadline up to an extended stage deadline past the task’s due date',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', stageDueAt: '2027-02-28T15:59:59.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan: '方案', deadline: '2027-02-28T15:59:59.000Z' },
    event: { type: 'RectificationPlanSubmitted', data: { plan: '方案', deadline: '2027-02-28T15:59:59.000Z' } },
  },
  // Re-checks
  {
    name: 'RECORD_RECHECK records a pass with an empty default note',
    state: { ...CONSOLIDATING, recheckDue: true },
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: true },
    event: { type: 'RecheckRecorded', data: { passed: true, note: '' } },
  },
  {
    name: 'RECORD_RECHECK records a pass at any time, not only when a re-check is due, and trims the note',
    state: CONSOLIDATING,
    actor: SUPERVISOR_2,
    command: { action: 'RECORD_RECHECK', passed: true, note: ' 抽查良好 ' },
    event: { type: 'RecheckRecorded', data: { passed: true, note: '抽查良好' } },
  },
  {
    name: 'RECORD_RECHECK records a failure with the trimmed problem found',
    state: { ...CONSOLIDATING, classification: 'RELAPSE_PRONE', recheckDue: true },
    actor: SUPERVISOR,
    command: { action: 'RECORD_RECHECK', passed: false, note: ' 楼道堆物再次出现 ' },
    event: { type: 'RecheckRecorded', data: { passed: false, note: '楼道堆物再次出现' } },
  },
  // Extensions
  {
    name: 'REQUEST_EXTENSION in self-check records the requested date as a UTC instant and the trimmed reason',
    state: stateOf({ stageDueAt: '2026-12-04T00:00:00.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-12-20T12:00:00+08:00', reason: ' 负责人出差 ' },
    event: { type: 'ExtensionRequested', data: { requestedDueAt: '2026-12-20T04:00:00.000Z', reason: '负责人出差' } },
  },
  {
    name: 'REQUEST_EXTENSION in rectification may ask for a date past the task’s due date',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN, stageDueAt: PLAN.deadline }),
    actor: OWN_UNIT_HEAD,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: EXTENSION.requestedDueAt, reason: EXTENSION.reason },
    event: { type: 'ExtensionRequested', data: { requestedDueAt: EXTENSION.requestedDueAt, reason: EXTENSION.reason } },
  },
  {
    name: 'REQUEST_EXTENSION in archiving asks past the archive deadline',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET', policy: CUSTOM_POLICY, stageDueAt: '2027-06-30T15:59:59.000Z' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2027-07-15T15:59:59.000Z', reason: '档案装订中' },
    event: { type: 'ExtensionRequested', data: { requestedDueAt: '2027-07-15T15:59:59.000Z', reason: '档案装订中' } },
  },
  {
    name: 'REQUEST_EXTENSION accepts a date one millisecond after the stage deadline',
    state: stateOf(),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2027-01-31T16:00:00.000Z', reason: '理由' },
    event: { type: 'ExtensionRequested', data: { requestedDueAt: '2027-01-31T16:00:00.000Z', reason: '理由' } },
  },
  {
    name: 'REQUEST_EXTENSION after the deadline has passed asks for a date after now',
    state: stateOf({ stageDueAt: '2026-11-25T00:00:00.000Z', escalationLevel: 'SUPERVISE' }),
    actor: OWN_UNIT_MEMBER,
    command: { action: 'REQUEST_EXTENSION', requestedDueAt: '2026-12-01T00:00:00.001Z', reason: '理由' },
    event: { type: 'ExtensionRequested', data: { requestedDueAt: '2026-12-01T00:00:00.001Z', reason: '理由' } },
  },
  {
    name: 'APPROVE_EXTENSION grants the requested date with an empty default note',
    state: stateOf({ pendingExtension: EXTENSION }),
    actor: SUPERVISOR,
    command: { action: 'APPROVE_EXTENSION' },
    event: { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } },
  },
  {
    name: 'APPROVE_EXTENSION while the unit’s work awaits review trims the note',
    state: awaiting('RECTIFICATION', 'RECTIFICATION_REVIEW', OWN_UNIT_MEMBER.userId, { rectificationPlan: PLAN, pendingExtension: EXTENSION }),
    actor: SUPERVISOR_2,
    command: { action: 'APPROVE_EXTENSION', note: ' 同意 ' },
    event: { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '同意' } },
  },
  {
    name: 'APPROVE_EXTENSION in archiving',
    state: stateOf({ stage: 'ARCHIVING', classification: 'MET', pendingExtension: { ...EXTENSION, requestedBy: OWN_UNIT_HEAD.userId } }),
    actor: SUPERVISOR,
    command: { action: 'APPROVE_EXTENSION' },
    event: { type: 'ExtensionApproved', data: { dueAt: EXTENSION.requestedDueAt, note: '' } },
  },
  {
    name: 'PROPOSE_ACCOUNTABILITY at the top of the ladder records who, the form and the reason, with the deadline',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', escalationLevel: 'ACCOUNTABILITY', stageDueAt: '2026-11-01T00:00:00.000Z' }),
    actor: OFFICE,
    command: { action: 'PROPOSE_ACCOUNTABILITY', unit: true, persons: [{ login: 'p1', displayName: ' 张三 ' }], form: 'OTHER', formNote: ' 取消评优 ', reason: ' 逾期未整改 ' },
    event: {
      type: 'AccountabilityProposed',
      data: { unit: true, persons: [{ login: 'p1', displayName: '张三' }], form: 'OTHER', formNote: '取消评优', reason: '逾期未整改', unitCode: OWN_UNIT, deadline: '2026-11-01T00:00:00.000Z' },
    },
  },
  {
    name: 'APPROVE_ACCOUNTABILITY by a leader settles the pending proposal',
    state: stateOf({ escalationLevel: 'ACCOUNTABILITY', accountability: [PENDING_DECISION] }),
    actor: LEADER,
    command: { action: 'APPROVE_ACCOUNTABILITY', note: ' 同意 ' },
    event: { type: 'AccountabilityApproved', data: { note: '同意' } },
  },
  {
    name: 'RETURN_ACCOUNTABILITY by a leader records the reason, whatever the ladder says now',
    state: stateOf({ accountability: [PENDING_DECISION] }),
    actor: LEADER,
    command: { action: 'RETURN_ACCOUNTABILITY', reason: ' 证据不足 ' },
    event: { type: 'AccountabilityReturned', data: { reason: '证据不足' } },
  },
  {
    name: 'REFUSE_EXTENSION records the trimmed reason',
    state: stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', pendingExtension: EXTENSION }),
    actor: SUPERVISOR,
    command: { action: 'REFUSE_EXTENSION', reason: ' 时间足够 ' },
    event: { type: 'ExtensionRefused', data: { reason: '时间足够' } },
  },
];

describe('decide: accepted actions', () => {
  it('has a case for every action', () => {
    // Plus the three whole-package commands of recorded histories, decided as the package material's review.
    expect(new Set(ACCEPTED.map((c) => c.command.action))).toEqual(new Set([...INDICATOR_TASK_ACTIONS, 'SUBMIT_ARCHIVE', 'ACCEPT_ARCHIVE', 'RETURN_ARCHIVE']));
  });

  it.each(ACCEPTED.map((c) => [c.name, c] as const))('%s', (_name, { state, actor, command, event, now }) => {
    expect(decide(frozen(state), { command, actor }, now ?? NOW)).toEqual({ ok: true, events: [event] });
  });

  it('accepts a note of exactly 2000 characters', () => {
    const note = '记'.repeat(2000);
    const events = eventsOf(decide(stateOf(), { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_SELF_CHECK', classification: 'MET', note } }, NOW));
    expect(events).toEqual([{ type: 'SelfCheckSubmitted', data: { classification: 'MET', note } }]);
  });

  it('accepts a rectification plan of exactly 2000 characters', () => {
    const plan = '划'.repeat(2000);
    const events = eventsOf(decide(RECTIFYING, { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_RECTIFICATION_PLAN', plan, deadline: PLAN.deadline } }, NOW));
    expect(events).toEqual([{ type: 'RectificationPlanSubmitted', data: { plan, deadline: PLAN.deadline } }]);
  });

  it('lets a unit head submit archive material the same way as a member', () => {
    const command: IndicatorTaskCommand = { action: 'SUBMIT_ARCHIVE_MATERIAL', materialCode: M1.code, file: FILE };
    const events = eventsOf(decide(archivingWith({}), { actor: OWN_UNIT_HEAD, command }, NOW));
    expect(events.map((e) => e.type)).toEqual(['ArchiveMaterialSubmitted']);
  });

  it('does not depend on the time for actions without dates', () => {
    const state = stateOf({ stage: 'RECTIFICATION', classification: 'NOT_MET', rectificationPlan: PLAN });
    for (const now of ['2020-01-01T00:00:00.000Z', NOW, '2030-01-01T00:00:00.000Z']) {
      expect(decide(state, { actor: OWN_UNIT_MEMBER, command: { action: 'SUBMIT_RECTIFICATION', note: '完成' } }, now).ok).toBe(true);
    }
  });

  it("refuses a round's scores the task already took, even back in mock assessment (issue 20)", () => {
    const state = { ...stateOf({ stage: 'MOCK_ASSESSMENT', classification: 'NOT_MET' }), mockAssessmentRounds: ['inspection-round:c:r1'] };
    const command: IndicatorTaskCommand = { action: 'RECORD_MOCK_ASSESSMENT', scores: [{ criterionCode: 'A1-1', points: 3, score: 3 }], source: { roundId: 'inspection-round:c:r1', roundTitle: '十二月模拟测评' } };
    const d = decide(state, { actor: SUPERVISOR, command }, NOW);
    expect(d.ok ? null : d.rejection).toEqual({ code: 'CONFLICT', field: 'source', message: '检查轮次「十二月模拟测评」的得分已计入本任务的模拟测评' });
    expect(decide(state, { actor: SUPERVISOR, command: { ...command, source: { roundId: 'inspection-round:c:r2', roundTitle: '一月模拟测评' } } }, NOW).ok).toBe(true);
  });
});
