// 牵头单位召集 (issue 20) on the real stack: the people of a lead unit record a meeting with the responsible units of
// the indicators it leads, on the campaign's clock (kind LEAD_UNIT); a decision naming a unit becomes a
// rectification item dispatched to it (source LEAD_UNIT_MEETING), a decision on a task becomes that task's comment.
// Refused with no event anywhere: the office and units that lead nothing, units and tasks outside what the unit
// leads, hostile and oversized input. Units read only the meetings they convened, attended or were named in, and a
// decision's item and task only where they may see them; the office cannot record this kind, nor convert a decision
// already made an item; the meeting counts toward no cadence.
import { sql } from 'kysely';
import { seedDemoLeadMeetings } from '../../src/demo/demo-lead-meetings';
import { startIndicatorTask } from '../../src/indicator-task/indicator-task.starter';
import { indicatorTaskWorkflowId } from '../../workflows/indicator-task/indicator-task.messages';
import { CAMPAIGN, OFFICE_ACTOR, seedTask, waitFor } from '../support/fixtures';
import { gql, startTestStack, type GraphQLResponse, type TestStack } from '../support/test-env';

const MEETING = `id kind kindLabel date title attendees minutes convener { code name } units { code }
  decisions { text unit { code } dueDate item { id state source sourceLabel unit { code } description } task { id comments { text } } }`;

interface Meeting {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  convener: { code: string; name: string } | null;
  units: { code: string }[];
  decisions: {
    text: string;
    unit: { code: string } | null;
    dueDate: string | null;
    item: { id: string; state: string; source: string; sourceLabel: string; unit: { code: string } | null; description: string } | null;
    task: { id: string; comments: { text: string }[] } | null;
  }[];
}

describe('牵头单位召集 (lead unit meetings)', () => {
  let stack: TestStack;
  let wtsqTask: string;
  let bjsqTask: string;
  let meeting: Meeting;
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const future = new Date(Date.now() + 20 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

  beforeAll(async () => {
    stack = await startTestStack({ prefix: 'leadmeet' });
    // Both tasks are led by 宣传统战办 (XCB): the fixtures' lead unit.
    wtsqTask = await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue, 'A1', 'WTSQ');
    bjsqTask = await seedTask(stack.db, stack.temporal, stack.config.temporal.taskQueue, 'A1', 'BJSQ');
  });
  afterAll(async () => stack?.stop());

  const code = (res: GraphQLResponse<unknown>) => res.errors?.[0]?.extensions?.code;
  const base = () => ({
    campaignId: CAMPAIGN,
    date: today,
    title: '公益广告整治推进会',
    attendees: ['宣传统战办 李主任', '外滩社区 王书记', '滨江社区 陈主任'],
    unitCodes: ['WTSQ', 'BJSQ'],
    minutes: '研究主次干道公益广告缺口，明确各社区补设点位',
    decisions: [
      { text: '外滩社区在中山东一路补设公益广告两处', unitCode: 'WTSQ', dueDate: future, area: 'CITY_APPEARANCE', location: { address: '中山东一路 18 号' } },
      { text: '滨江社区的台账请补充补设前后照片', taskId: bjsqTask },
    ],
  });
  const record = (login: string, input: Record<string, unknown>) =>
    gql<{ recordLeadUnitMeeting: Meeting }>(stack.url, login, `mutation($i: RecordLeadUnitMeetingInput!) { recordLeadUnitMeeting(input: $i) { ${MEETING} } }`, { i: input });
  const meetings = (login: string) => gql<{ campaign: { meetings: Meeting[] } }>(stack.url, login, `{ campaign(id: "${CAMPAIGN}") { meetings { ${MEETING} } } }`);
  const written = async () => {
    const rows = await sql<{ n: string }>`select count(*) as n from events where stream_id like 'rectification-item:%' or type in ('CampaignMeetingRecorded', 'CommentAdded')`.execute(stack.db);
    return Number(rows.rows[0].n);
  };

  it('tells a lead unit what it leads, and nobody else', async () => {
    const lead = await gql<{ campaign: { allowedActions: string[]; leadScope: { unit: { code: string }; units: { code: string }[]; tasks: { id: string; indicatorCode: string; unit: { code: string }; stage: string }[] } | null } }>(
      stack.url,
      'xcb.head',
      `{ campaign(id: "${CAMPAIGN}") { allowedActions leadScope { unit { code } units { code } tasks { id indicatorCode unit { code } stage } } } }`,
    );
    expect(lead.errors).toBeUndefined();
    expect(lead.data!.campaign.allowedActions).toEqual(['RECORD_LEAD_UNIT_MEETING']);
    expect(lead.data!.campaign.leadScope).toEqual({
      unit: { code: 'XCB' },
      units: [{ code: 'XCB' }, { code: 'BJSQ' }, { code: 'WTSQ' }],
      tasks: [
        { id: bjsqTask, indicatorCode: 'A1', unit: { code: 'BJSQ' }, stage: 'SELF_CHECK' },
        { id: wtsqTask, indicatorCode: 'A1', unit: { code: 'WTSQ' }, stage: 'SELF_CHECK' },
      ],
    });
    const other = await gql<{ campaign: { allowedActions: string[]; leadScope: unknown } }>(stack.url, 'wtsq.head', `{ campaign(id: "${CAMPAIGN}") { allowedActions leadScope { unit { code } } } }`);
    expect(other.data!.campaign).toEqual({ allowedActions: [], leadScope: null });
    const office = await gql<{ campaign: { leadScope: unknown } }>(stack.url, 'office', `{ campaign(id: "${CAMPAIGN}") { leadScope { unit { code } } } }`);
    expect(office.data!.campaign.leadScope).toBeNull();
  });

  it('refuses the wrong people, what the unit does not lead and hostile input, writing no event', async () => {
    const [item, comment] = base().decisions;
    expect(code(await record('office', base()))).toBe('FORBIDDEN');
    expect(code(await record('supervisor', base()))).toBe('FORBIDDEN');
    expect(code(await record('wtsq.head', base()))).toBe('FORBIDDEN'); // leads nothing
    expect(code(await record('xcb.head', { ...base(), unitCodes: ['WTSQ', 'ZHZF'] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), unitCodes: [] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: [{ ...item, unitCode: 'ZHZF' }] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: [{ ...comment, taskId: 'task:other' }] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: [{ ...comment, taskId: 'x'.repeat(100_000) }] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: [{ ...item, taskId: bjsqTask }] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: [{ text: '没有交办对象' }] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: [{ ...item, area: null }] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: [{ ...item, location: { address: '路'.repeat(201) } }] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: [{ ...item, dueDate: '2020-01-01' }] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: [{ ...item, dueDate: '2027-02-30' }] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: [{ ...item, text: '字'.repeat(501) }] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: Array.from({ length: 21 }, () => item) }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), decisions: [{ ...comment, dueDate: future }] }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), date: '2099-01-01' }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), title: '   ' }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), title: '推进会\u0000' }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), minutes: '纪'.repeat(20_001) }))).toBe('BAD_USER_INPUT');
    expect(code(await record('xcb.head', { ...base(), attendees: Array.from({ length: 51 }, (_, i) => `人员${i}`) }))).toBe('BAD_USER_INPUT');
    // The office records its own meetings, not this kind.
    const asOffice = await gql(stack.url, 'office', 'mutation($i: RecordCampaignMeetingInput!) { recordCampaignMeeting(input: $i) { id } }', {
      i: { campaignId: CAMPAIGN, kind: 'LEAD_UNIT', date: today, attendees: ['张霞'], minutes: '冒充牵头单位' },
    });
    expect(code(asOffice)).toBe('BAD_USER_INPUT');
    // Nor may anyone pass an item off as a lead unit's decision through the ordinary report.
    const viaReport = await gql(stack.url, 'supervisor', 'mutation($i: ReportItemInput!) { reportItem(input: $i) { item { id } } }', {
      i: { campaignId: CAMPAIGN, source: 'LEAD_UNIT_MEETING', area: 'SANITATION', location: { address: '中山东一路' }, description: '冒充' },
    });
    expect(code(viaReport)).toBe('BAD_USER_INPUT');
    expect(await written()).toBe(0);
  });

  it('records the meeting, dispatches the unit’s decision as an item and puts the task’s on the task as a comment', async () => {
    const res = await record('xcb.member', base());
    expect(res.errors).toBeUndefined();
    meeting = res.data!.recordLeadUnitMeeting;
    expect(meeting).toMatchObject({ kind: 'LEAD_UNIT', kindLabel: '牵头单位协调会', title: '公益广告整治推进会', convener: { code: 'XCB' }, units: [{ code: 'WTSQ' }, { code: 'BJSQ' }] });
    const [toUnit, onTask] = meeting.decisions;
    expect(toUnit).toMatchObject({ unit: { code: 'WTSQ' }, dueDate: future, item: { state: 'DISPATCHED', source: 'LEAD_UNIT_MEETING', sourceLabel: '牵头单位协调会交办', unit: { code: 'WTSQ' } } });
    expect(toUnit.item!.description).toBe(`【牵头单位协调会「公益广告整治推进会」${today} 议定】外滩社区在中山东一路补设公益广告两处`);
    expect(onTask.task!.id).toBe(bjsqTask);
    expect(onTask.task!.comments.map((c) => c.text)).toEqual([`【牵头单位协调会「公益广告整治推进会」${today} 议定】滨江社区的台账请补充补设前后照片`]);

    const events = await stack.db.selectFrom('events').select(['stream_id', 'type', 'data']).where('type', 'in', ['CampaignMeetingRecorded', 'ItemReported', 'ItemDispatched', 'CommentAdded']).orderBy('position').execute();
    expect(events.map((e) => e.type)).toEqual(['CampaignMeetingRecorded', 'ItemReported', 'ItemDispatched', 'CommentAdded']);
    expect(events[0].data).toMatchObject({ kind: 'LEAD_UNIT', convenerUnitCode: 'XCB', unitCodes: ['WTSQ', 'BJSQ'] });
    expect(events[1].data).toMatchObject({ source: 'LEAD_UNIT_MEETING', reportingUnitCode: 'XCB' });
    expect(events[3].stream_id).toBe(bjsqTask);
  });

  it('shows it to the units it concerns, each decision’s links only where they may see them; the office sees all, no cadence counted', async () => {
    const wtsq = (await meetings('wtsq.head')).data!.campaign.meetings;
    expect(wtsq.map((m) => m.id)).toEqual([meeting.id]);
    expect(wtsq[0].decisions[0].item).toMatchObject({ unit: { code: 'WTSQ' } });
    expect(wtsq[0].decisions[1].task).toBeNull(); // 滨江社区's task is not 外滩社区's to read
    expect((await meetings('zhzf.head')).data!.campaign.meetings).toEqual([]);
    const lead = (await meetings('xcb.head')).data!.campaign.meetings;
    expect(lead[0].decisions[0].item).not.toBeNull(); // the lead unit follows what it dispatched
    expect((await meetings('office')).data!.campaign.meetings.map((m) => m.kind)).toEqual(['LEAD_UNIT']);
    const cadence = await gql<{ campaign: { cadence: { jointMeetings: number; coordinationMeetings: number; hearings: number } } }>(
      stack.url,
      'office',
      `{ campaign(id: "${CAMPAIGN}") { cadence(month: "${today.slice(0, 7)}") { jointMeetings coordinationMeetings hearings } } }`,
    );
    expect(cadence.data!.campaign.cadence).toEqual({ jointMeetings: 0, coordinationMeetings: 0, hearings: 0 });
  });

  it('is read-only once saved: a decision already an item is not converted again', async () => {
    const again = await gql(stack.url, 'office', 'mutation($i: MeetingDecisionToItemInput!) { meetingDecisionToItem(input: $i) { item { id } } }', {
      i: { campaignId: CAMPAIGN, meetingId: meeting.id, decisionIndex: 0, area: 'CITY_APPEARANCE', location: { address: '中山东一路 18 号' } },
    });
    expect(code(again)).toBe('CONFLICT');
    const comment = await gql(stack.url, 'office', 'mutation($i: MeetingDecisionToItemInput!) { meetingDecisionToItem(input: $i) { item { id } } }', {
      i: { campaignId: CAMPAIGN, meetingId: meeting.id, decisionIndex: 1, area: 'CITY_APPEARANCE', location: { address: '中山东一路 18 号' } },
    });
    expect(code(comment)).toBe('BAD_USER_INPUT');
  });

  it('seeds the demo’s meeting once: 环卫所 convened 外滩社区 and 东湖村, an item for 东湖村 and a comment on 外滩社区’s task', async () => {
    const taskQueue = stack.config.temporal.taskQueue;
    const tasks = ['WTSQ', 'DHC'].map((unitCode) => ({ campaignId: CAMPAIGN, indicatorCode: 'G1', unitCode, leadUnitCode: 'HWS', dueAt: '2027-03-31T15:59:59.000Z', createdBy: OFFICE_ACTOR }));
    for (const t of tasks) await startIndicatorTask(stack.temporal, taskQueue, t);
    const wtsq = indicatorTaskWorkflowId(CAMPAIGN, 'G1', 'WTSQ');
    await waitFor(async () => (await stack.db.selectFrom('indicator_task_cards').select('task_id').where('lead_unit_code', '=', 'HWS').execute()).length === 2);
    const log: string[] = [];
    const campaign = { id: CAMPAIGN, timeZone: 'Asia/Shanghai' };
    await seedDemoLeadMeetings(stack.temporal, taskQueue, campaign, tasks, (l) => log.push(l));
    await seedDemoLeadMeetings(stack.temporal, taskQueue, campaign, tasks, (l) => log.push(l));
    expect(log).toEqual([]);
    await waitFor(async () => (await stack.db.selectFrom('rectification_item_cards').select('state').where('source', '=', 'LEAD_UNIT_MEETING').where('unit_code', '=', 'DHC').execute()).length === 1);
    const demo = (await meetings('hws.head')).data!.campaign.meetings.filter((m) => m.convener?.code === 'HWS');
    expect(demo).toHaveLength(1);
    expect(demo[0].units.map((u) => u.code)).toEqual(['WTSQ', 'DHC']);
    expect(demo[0].decisions[0].item).toMatchObject({ state: 'DISPATCHED', unit: { code: 'DHC' }, source: 'LEAD_UNIT_MEETING' });
    expect(demo[0].decisions[1].task!.id).toBe(wtsq);
    expect(demo[0].decisions[1].task!.comments.map((c) => c.text)).toEqual([expect.stringContaining('外滩社区保洁台账补充每日清运记录和照片')]);
  });
});
