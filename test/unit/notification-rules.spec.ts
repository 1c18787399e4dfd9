// Who is told of what, and in which words: the pure rules of the in-app inbox (issue 16).
import { foldContext, lateness, notificationsFor, type NotifiableEvent, type StreamContext } from '../../src/platform/projections/notification-rules';
import { notificationId } from '../../src/platform/projections/notification.projection';

const TASK = 'indicator-task:c1:I-01:WTSQ';
const ITEM = 'rectification-item:c1:item-1';
const names: Record<string, string> = { WTSQ: '外滩社区', NJDL: '南京东路社区' };
const unitName = (code: string) => names[code] ?? code;
const at = new Date('2027-04-03T02:00:00Z');
const ev = (streamId: string, type: string, data: Record<string, unknown>, occurredAt = at): NotifiableEvent => ({ streamId, type, data, occurredAt });
const task: StreamContext = { kind: 'task', campaignId: 'c1', indicatorCode: 'I-01', unitCode: 'WTSQ' };
const item: StreamContext = { kind: 'item', campaignId: 'c1', description: '人行道停车', unitCode: 'WTSQ' };

describe('notification rules', () => {
  describe('问责 decisions', () => {
    const proposal = { unit: true, persons: [{ login: 'wtsq.head', displayName: '陈主任' }, { login: 'wtsq.li', displayName: '李四' }], form: 'OTHER', formNote: '取消年度评优', reason: '逾期 60 天未整改', unitCode: 'WTSQ', deadline: '2027-03-01T00:00:00Z' };

    it('a proposal asks the leading group to approve it, urgently', () => {
      expect(notificationsFor(ev(TASK, 'AccountabilityProposed', proposal), task, unitName)).toEqual([
        {
          kind: 'APPROVAL_REQUEST',
          campaignId: 'c1',
          taskId: TASK,
          itemId: null,
          urgent: true,
          title: '【待审批】测评指标 I-01：拟对外滩社区及陈主任、李四问责（其他（取消年度评优））',
          text: '创建办提出问责决定，问责理由：逾期 60 天未整改。请领导小组审批。',
          audience: { roles: ['LEADER'], unitCode: null, unitRoles: [] },
        },
      ]);
    });

    it('an approval tells the unit head and the persons named in the proposal before it', () => {
      const context = foldContext(task, ev(TASK, 'AccountabilityProposed', proposal));
      const [n] = notificationsFor(ev(TASK, 'AccountabilityApproved', { note: '同意' }), context, unitName);
      expect(n).toEqual(
        expect.objectContaining({
          kind: 'ACCOUNTABILITY_DECISION',
          urgent: true,
          title: '【问责】测评指标 I-01：对外滩社区及陈主任、李四其他（取消年度评优）',
          text: '领导小组已批准问责决定。问责理由：逾期 60 天未整改。审批意见：同意',
          audience: { roles: [], unitCode: 'WTSQ', unitRoles: ['UNIT_HEAD'], logins: ['wtsq.head', 'wtsq.li'] },
        }),
      );
      // Without the proposal in the context there is nobody to name: nothing is sent rather than a wrong message.
      expect(notificationsFor(ev(TASK, 'AccountabilityApproved', { note: '' }), task, unitName)).toEqual([]);
    });

    it('a return tells the office, on tasks and items alike', () => {
      const [t] = notificationsFor(ev(TASK, 'AccountabilityReturned', { reason: '证据不足' }), task, unitName);
      expect(t).toEqual(expect.objectContaining({ kind: 'RETURNED', title: '【退回】测评指标 I-01：问责决定被退回', text: '退回理由：证据不足。', audience: { roles: ['OFFICE'], unitCode: null, unitRoles: [] } }));
      const [i] = notificationsFor(ev(ITEM, 'AccountabilityReturned', { reason: '证据不足' }), item, unitName);
      expect(i).toEqual(expect.objectContaining({ itemId: ITEM, taskId: null, title: '【退回】整改问题「人行道停车」：问责决定被退回' }));
      const itemContext = foldContext(item, ev(ITEM, 'AccountabilityProposed', { ...proposal, unit: false, persons: [proposal.persons[1]], form: 'ADMONITION', formNote: '' }));
      const [approved] = notificationsFor(ev(ITEM, 'AccountabilityApproved', { note: '' }), itemContext, unitName);
      expect(approved).toEqual(expect.objectContaining({ title: '【问责】整改问题「人行道停车」：对李四诫勉谈话', audience: expect.objectContaining({ logins: ['wtsq.li'] }) }));
    });
  });

  it('sends an approval request to the deciders of each kind', () => {
    const selfCheck = notificationsFor(ev(TASK, 'SelfCheckSubmitted', { classification: 'MET', note: '已自查' }), task, unitName);
    expect(selfCheck).toEqual([
      expect.objectContaining({
        kind: 'APPROVAL_REQUEST',
        taskId: TASK,
        itemId: null,
        campaignId: 'c1',
        title: '【待审核】测评指标 I-01：外滩社区提交自查结果',
        text: '自评结果：达标。已自查',
        urgent: false,
        audience: { roles: ['SUPERVISOR'], unitCode: null, unitRoles: [] },
      }),
    ]);
    const archive = notificationsFor(ev(TASK, 'ArchiveMaterialSubmitted', { materialCode: 'M1', file: null, note: '' }), task, unitName);
    expect(archive[0].audience.roles).toEqual(['ARCHIVIST']);
    const extension = notificationsFor(ev(TASK, 'ExtensionRequested', { requestedDueAt: '2027-05-01T00:00:00Z', reason: '施工' }), task, unitName);
    expect(extension[0]).toEqual(expect.objectContaining({ title: '【待审核】测评指标 I-01：外滩社区申请延期', text: '申请延至 2027-05-01。理由：施工' }));
    expect(extension[0].audience.roles).toEqual(['SUPERVISOR']);
    for (const type of ['RectificationPlanSubmitted', 'RectificationSubmitted']) {
      const [n] = notificationsFor(ev(TASK, type, { plan: '方案', deadline: '2027-05-01T00:00:00Z', note: '' }), task, unitName);
      expect([type, n.kind, n.audience.roles]).toEqual([type, 'APPROVAL_REQUEST', ['SUPERVISOR']]);
    }
  });

  it('tells the unit of returns and extension decisions', () => {
    const returned = notificationsFor(ev(TASK, 'SelfCheckReturned', { reason: '材料不全' }), task, unitName);
    expect(returned).toEqual([
      expect.objectContaining({
        kind: 'RETURNED',
        title: '【退回】测评指标 I-01：自查结果被退回',
        text: '退回理由：材料不全。请修改后重新提交。',
        audience: { roles: [], unitCode: 'WTSQ', unitRoles: ['UNIT_MEMBER', 'UNIT_HEAD'] },
      }),
    ]);
    for (const type of ['RectificationReturned', 'ArchiveReturned', 'ArchiveMaterialReturned']) {
      expect(notificationsFor(ev(TASK, type, { reason: 'x', materialCode: 'M1' }), task, unitName)[0].audience.unitCode).toBe('WTSQ');
    }
    const approved = notificationsFor(ev(TASK, 'ExtensionApproved', { dueAt: '2027-05-01T00:00:00Z', note: '' }), task, unitName);
    expect(approved[0]).toEqual(expect.objectContaining({ kind: 'EXTENSION_DECISION', title: '【延期】测评指标 I-01：延期已批准', text: '新的期限：2027-05-01。' }));
    const refused = notificationsFor(ev(TASK, 'ExtensionRefused', { reason: '无正当理由' }), task, unitName);
    expect(refused[0].title).toBe('【延期】测评指标 I-01：延期未批准');
  });

  it('follows the ladder: the unit for reminders, the roles named above, urgent from 督办', () => {
    const urge = notificationsFor(
      ev(TASK, 'DeadlineEscalated', { level: 'URGE', stage: 'SELF_CHECK', stageDueAt: '2027-04-01T00:00:00Z', notify: ['UNIT_MEMBER', 'UNIT_HEAD'] }),
      task,
      unitName,
    );
    expect(urge).toEqual([
      expect.objectContaining({
        kind: 'ESCALATION',
        urgent: false,
        title: '【催办】测评指标 I-01：自查自评已逾期 2 天',
        audience: { roles: [], unitCode: 'WTSQ', unitRoles: ['UNIT_MEMBER', 'UNIT_HEAD'] },
      }),
    ]);
    const supervise = notificationsFor(
      ev(TASK, 'DeadlineEscalated', { level: 'SUPERVISE', stage: 'SELF_CHECK', stageDueAt: '2027-04-01T00:00:00Z', notify: ['UNIT_HEAD', 'SUPERVISOR'] }),
      task,
      unitName,
    );
    expect(supervise[0]).toEqual(expect.objectContaining({ urgent: true, title: '【督办】测评指标 I-01：自查自评已逾期 2 天' }));
    expect(supervise[0].audience).toEqual({ roles: ['SUPERVISOR'], unitCode: 'WTSQ', unitRoles: ['UNIT_HEAD'] });
    expect(lateness('2027-04-05T00:00:00Z', at)).toBe('即将到期（2027-04-05）');
    expect(lateness('2027-04-03T00:00:00Z', at)).toBe('已到期');
  });

  it('tells a unit of a finding dispatched to it, supervisors of a submission, the unit of a return', () => {
    const dispatched = notificationsFor(ev(ITEM, 'ItemDispatched', { unitCode: 'NJDL', dueAt: '2027-04-10T00:00:00Z', note: '' }), { ...item, unitCode: null }, unitName);
    expect(dispatched).toEqual([
      expect.objectContaining({
        kind: 'ITEM_ASSIGNED',
        itemId: ITEM,
        taskId: null,
        title: '【派单】整改问题「人行道停车」',
        text: '该问题已派给南京东路社区，整改期限 2027-04-10。',
        audience: { roles: [], unitCode: 'NJDL', unitRoles: ['UNIT_MEMBER', 'UNIT_HEAD'] },
      }),
    ]);
    expect(notificationsFor(ev(ITEM, 'ItemSubmitted', { note: '', photos: [] }), item, unitName)[0].audience.roles).toEqual(['SUPERVISOR']);
    expect(notificationsFor(ev(ITEM, 'ItemReturned', { reason: '未整改到位' }), item, unitName)[0]).toEqual(
      expect.objectContaining({ kind: 'RETURNED', audience: { roles: [], unitCode: 'WTSQ', unitRoles: ['UNIT_MEMBER', 'UNIT_HEAD'] } }),
    );
  });

  it('says nothing of other events, or of a stream it knows nothing about', () => {
    expect(notificationsFor(ev(TASK, 'CommentAdded', { text: 'x' }), task, unitName)).toEqual([]);
    expect(notificationsFor(ev(ITEM, 'ItemVerified', { note: '', recheckAt: '' }), item, unitName)).toEqual([]);
    expect(notificationsFor(ev('campaign:c1', 'SelfCheckSubmitted', {}), task, unitName)).toEqual([]);
    expect(notificationsFor(ev(TASK, 'SelfCheckSubmitted', { classification: 'MET', note: '' }), null, unitName)).toEqual([]);
  });

  it('folds the unit a stream belongs to from its creation, reassignment and dispatch', () => {
    let ctx = foldContext(null, ev(TASK, 'IndicatorTaskCreated', { campaignId: 'c1', indicatorCode: 'I-01', unitCode: 'WTSQ', leadUnitCode: 'WTSQ', dueAt: '' }));
    ctx = foldContext(ctx, ev(TASK, 'TaskReassigned', { unitCode: 'NJDL', previousUnitCode: 'WTSQ', reason: '' }));
    expect(ctx).toEqual({ kind: 'task', campaignId: 'c1', indicatorCode: 'I-01', unitCode: 'NJDL', leadUnitCode: 'WTSQ', responsibleLogin: null });
    let itemCtx = foldContext(null, ev(ITEM, 'ItemReported', { campaignId: 'c1', description: '人行道停车' }));
    itemCtx = foldContext(itemCtx, ev(ITEM, 'ItemDispatched', { unitCode: 'WTSQ', dueAt: '', note: '' }));
    expect(itemCtx).toEqual({ ...item, responsibleLogin: null });
    expect(foldContext(itemCtx, ev(ITEM, 'ItemDispatchReturnApproved', { note: '', previousUnitCode: 'WTSQ' }))).toEqual({ ...item, unitCode: null, responsibleLogin: null });
  });

  it('gives one notification and person the same id every time', () => {
    expect(notificationId('e1', 'alice')).toBe(notificationId('e1', 'alice'));
    expect(notificationId('e1', 'alice')).not.toBe(notificationId('e1', 'bob'));
    expect(notificationId('e1', 'alice')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  describe('the 责任人 first, then up the ladder', () => {
    const named: StreamContext = { ...task, leadUnitCode: 'XCB', responsibleLogin: 'li.si' };
    const escalated = (level: string, notify: string[], ctx: StreamContext, stream = TASK) =>
      notificationsFor(ev(stream, 'DeadlineEscalated', { level, stage: 'SELF_CHECK', state: 'RECTIFYING', stageDueAt: '2027-04-01T00:00:00Z', dueAt: '2027-04-01T00:00:00Z', notify }), ctx, unitName)[0].audience;

    it('folds the 责任人 from the creation event and the assignment, and forgets them when the task or the item changes unit', () => {
      let ctx = foldContext(null, ev(TASK, 'IndicatorTaskCreated', { campaignId: 'c1', indicatorCode: 'I-01', unitCode: 'WTSQ', leadUnitCode: 'XCB', dueAt: '', responsiblePerson: { login: 'li.si', name: '李四' } }));
      expect(ctx).toMatchObject({ leadUnitCode: 'XCB', responsibleLogin: 'li.si' });
      ctx = foldContext(ctx, ev(TASK, 'ResponsiblePersonAssigned', { login: 'zhang.san', name: '张三', previousLogin: 'li.si' }));
      expect(ctx).toMatchObject({ responsibleLogin: 'zhang.san' });
      ctx = foldContext(ctx, ev(TASK, 'TaskBreakdownChanged', { importId: 'i', dueAt: '', leadUnitCode: 'WMB', previousDueAt: '', previousLeadUnitCode: 'XCB' }));
      expect(ctx).toMatchObject({ leadUnitCode: 'WMB', responsibleLogin: 'zhang.san' });
      expect(foldContext(ctx, ev(TASK, 'TaskReassigned', { unitCode: 'NJDL', previousUnitCode: 'WTSQ', reason: '' }))).toMatchObject({ unitCode: 'NJDL', responsibleLogin: null });
      const itemCtx = foldContext(item, ev(ITEM, 'ResponsiblePersonAssigned', { login: 'li.si', name: '李四', previousLogin: null }));
      expect(itemCtx).toMatchObject({ responsibleLogin: 'li.si' });
      expect(foldContext(itemCtx, ev(ITEM, 'ItemDispatchReturnApproved', { note: '', previousUnitCode: 'WTSQ' }))).toMatchObject({ unitCode: null, responsibleLogin: null });
    });

    it('sends returns and extension decisions to the 责任人 alone when named, to the unit as before when not', () => {
      for (const [type, data] of [
        ['SelfCheckReturned', { reason: 'x' }],
        ['RectificationReturned', { reason: 'x' }],
        ['ArchiveMaterialReturned', { reason: 'x', materialCode: 'M1' }],
        ['ExtensionApproved', { dueAt: '2027-05-01T00:00:00Z', note: '' }],
        ['ExtensionRefused', { reason: 'x' }],
      ] as const) {
        expect([type, notificationsFor(ev(TASK, type, data), named, unitName)[0].audience]).toEqual([type, { roles: [], unitCode: null, unitRoles: [], logins: ['li.si'] }]);
        expect(notificationsFor(ev(TASK, type, data), task, unitName)[0].audience).toEqual({ roles: [], unitCode: 'WTSQ', unitRoles: ['UNIT_MEMBER', 'UNIT_HEAD'] });
      }
      const itemReturned = notificationsFor(ev(ITEM, 'ItemReturned', { reason: 'x' }), { ...item, responsibleLogin: 'li.si' }, unitName)[0];
      expect(itemReturned.audience).toEqual({ roles: [], unitCode: null, unitRoles: [], logins: ['li.si'] });
    });

    it('tells the 责任人 alone of 提醒, adds the unit head at 催办, the lead unit at 督办, and the roles each step recorded', () => {
      expect(escalated('REMINDER', ['UNIT_MEMBER', 'UNIT_HEAD'], named)).toEqual({ roles: [], unitCode: 'WTSQ', unitRoles: [], logins: ['li.si'] });
      expect(escalated('URGE', ['UNIT_MEMBER', 'UNIT_HEAD'], named)).toEqual({ roles: [], unitCode: 'WTSQ', unitRoles: ['UNIT_HEAD'], logins: ['li.si'] });
      expect(escalated('SUPERVISE', ['UNIT_HEAD', 'SUPERVISOR'], named)).toEqual({ roles: ['SUPERVISOR'], unitCode: 'WTSQ', unitRoles: ['UNIT_HEAD'], logins: ['li.si'], leadUnitCode: 'XCB' });
      expect(escalated('INTERVIEW', ['UNIT_HEAD', 'LEADER'], named)).toEqual({ roles: ['LEADER'], unitCode: 'WTSQ', unitRoles: ['UNIT_HEAD'], logins: ['li.si'], leadUnitCode: 'XCB' });
      expect(escalated('ACCOUNTABILITY', ['LEADER', 'OFFICE'], named)).toEqual({ roles: ['LEADER', 'OFFICE'], unitCode: 'WTSQ', unitRoles: ['UNIT_HEAD'], logins: ['li.si'], leadUnitCode: 'XCB' });
    });

    it('without a 责任人 tells the unit as the step recorded; a unit leading its own task is not told twice; items have no lead unit', () => {
      const unnamed: StreamContext = { ...task, leadUnitCode: 'XCB', responsibleLogin: null };
      expect(escalated('REMINDER', ['UNIT_MEMBER', 'UNIT_HEAD'], unnamed)).toEqual({ roles: [], unitCode: 'WTSQ', unitRoles: ['UNIT_MEMBER', 'UNIT_HEAD'] });
      expect(escalated('SUPERVISE', ['UNIT_HEAD', 'SUPERVISOR'], unnamed)).toEqual({ roles: ['SUPERVISOR'], unitCode: 'WTSQ', unitRoles: ['UNIT_HEAD'], leadUnitCode: 'XCB' });
      expect(escalated('SUPERVISE', ['UNIT_HEAD', 'SUPERVISOR'], { ...named, leadUnitCode: 'WTSQ' })).not.toHaveProperty('leadUnitCode');
      expect(escalated('REMINDER', ['UNIT_MEMBER', 'UNIT_HEAD'], { ...item, responsibleLogin: 'li.si' }, ITEM)).toEqual({ roles: [], unitCode: 'WTSQ', unitRoles: [], logins: ['li.si'] });
      expect(escalated('INTERVIEW', ['UNIT_HEAD', 'LEADER'], { ...item, responsibleLogin: 'li.si' }, ITEM)).toEqual({ roles: ['LEADER'], unitCode: 'WTSQ', unitRoles: ['UNIT_HEAD'], logins: ['li.si'] });
    });
  });
});
