// The demo month's cadence (plan 五(二)3,6; issue 20): a coordination meeting on key and difficult problems and the
// leading group's hearing of the units' reports, whose units are those with this month's 专题汇报 in the demo
// (demo-unit-reports.ts), so that `npm start` shows both counted in 创文时钟 and the hearing linking the reports.
// Each is an Update with a fixed id under a fixed meeting id: seeding again adds nothing.
import type { Client } from '@temporalio/client';
import { localDate } from '../../workflows/campaign/campaign.calendar';
import { campaignActionUpdate, campaignWorkflowId } from '../../workflows/campaign/campaign.messages';
import type { CampaignCommand } from '../../workflows/campaign/campaign.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { DEMO_USERS } from './demo-organisation';

function actor(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

/** The demo month's two meetings, dated today in the campaign's time zone (a meeting may not be dated later). */
export function demoCadenceMeetings(timeZone: string, now = new Date()): { login: string; command: CampaignCommand }[] {
  const today = localDate(now.toISOString(), timeZone);
  const month = today.slice(0, 7);
  return [
    {
      login: 'office',
      command: {
        action: 'RECORD_MEETING',
        meetingId: `demo-coordination-${month}`,
        kind: 'COORDINATION',
        date: today,
        title: '重点难点问题协调会（演示数据）',
        attendees: ['张霞（创建办主任）', '街道综合行政执法队', '外滩社区', '滨江社区'],
        unitCodes: ['ZHZF', 'WTSQ', 'BJSQ'],
        minutes: '协调背街小巷环境反复和滨江步道夜间占道经营两项难点，明确执法队牵头、社区配合（演示数据）',
        decisions: [{ text: '滨江步道夜间联合巡查每周两次', unitCode: 'ZHZF', dueDate: null }],
      },
    },
    {
      // The office keeps the minutes of the leading group's hearing (the leading group records no meetings itself).
      login: 'office',
      command: {
        action: 'RECORD_MEETING',
        meetingId: `demo-hearing-${month}`,
        kind: 'HEARING',
        date: today,
        title: `${Number(month.slice(5))}月听取单位创建工作汇报（演示数据）`,
        attendees: ['王组长（领导小组）', '张霞（创建办主任）'],
        unitCodes: ['WTSQ', 'BJSQ', 'DHC', 'HWS'],
        minutes: '听取外滩社区、滨江社区、东湖村、环卫所本月专题汇报，要求环卫所补充保洁数据（演示数据）',
      },
    },
  ];
}

/** Records the demo month's coordination meeting and hearing on the campaign's clock. */
export async function seedDemoCadence(client: Client, campaign: { id: string; timeZone: string }, log: (line: string) => void, now = new Date()): Promise<void> {
  const handle = client.workflow.getHandle(campaignWorkflowId(campaign.id));
  for (const { login, command } of demoCadenceMeetings(campaign.timeZone, now)) {
    const meetingId = command.action === 'RECORD_MEETING' ? command.meetingId : '';
    await handle
      .executeUpdate(campaignActionUpdate, { args: [{ actor: actor(login), command }], updateId: `demo-meeting:${campaign.id}:${meetingId}` })
      .catch((err: unknown) => log(`演示会议：${meetingId} 未记录 / skipped: ${String(err)}`));
  }
}
