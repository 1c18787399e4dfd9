// The demo's activity records (活动组, issue 20): two activities held last month and this month (with a photo where the
// file store is at hand), one cancelled, one whose date passed five days ago with nothing recorded (its organiser
// reminded, the office urged: the ladder shows at once) and one planned for next week. Started as real workflows
// under fixed keys, relative to today: seeding again adds nothing.
import { deflateSync } from 'node:zlib';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { localDate, startOfLocalDate } from '../../workflows/campaign/campaign.calendar';
import type { Actor } from '../../workflows/shared/actor.types';
import { addMs, DAY } from '../../workflows/shared/time';
import { activityActionUpdate } from '../../workflows/activity/activity.messages';
import type { ActivityCommand, ActivityKind, ActivityPhoto } from '../../workflows/activity/activity.types';
import { startActivity } from '../activity/activity.starter';
import type { FileStore } from '../platform/files/file-store';
import { DEMO_USERS } from './demo-organisation';

function actor(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

interface DemoActivity {
  key: string;
  kind: ActivityKind;
  title: string;
  organiserUnitCode: string;
  /** Days before today of the planned date (negative: ahead). */
  daysAgo: number;
  place: string;
  indicatorCodes: string[];
  /** Who records what, after planning: 举办 (heldDate from daysAgo), or the office's cancellation. */
  then: { login: string; held?: { attendance: number; summary: string; photo: boolean }; cancelReason?: string } | null;
}

export const DEMO_ACTIVITIES: DemoActivity[] = [
  {
    key: 'demo-lecture',
    kind: 'CIVIC_EDUCATION',
    title: '文明礼仪进社区讲座',
    organiserUnitCode: 'WTSQ',
    daysAgo: 32,
    place: '外滩社区新时代文明实践站',
    indicatorCodes: ['A3', 'B3'],
    then: { login: 'wtsq.member', held: { attendance: 86, summary: '邀请市文明办讲师讲解公共场所文明礼仪，发放《市民文明手册》200 册，居民现场提问踊跃。', photo: true } },
  },
  {
    key: 'demo-volunteer',
    kind: 'VOLUNTEER_SERVICE',
    title: '学雷锋志愿服务集市',
    organiserUnitCode: 'BJSQ',
    daysAgo: 6,
    place: '滨江公园南广场',
    indicatorCodes: ['I1', 'I2', 'I4'],
    then: { login: 'bjsq.head', held: { attendance: 240, summary: '组织理发、义诊、家电维修等 12 个志愿服务摊位，服务居民 240 人次，新招募注册志愿者 18 名。', photo: true } },
  },
  {
    key: 'demo-exhibition',
    kind: 'COLLECTION_EXHIBITION',
    title: '家风家训征集展',
    organiserUnitCode: 'XCB',
    daysAgo: -3,
    place: '街道图书馆展厅',
    indicatorCodes: ['A2'],
    then: { login: 'office', cancelReason: '展厅改造，改至下季度与道德模范事迹展合并举办。' },
  },
  { key: 'demo-outreach', kind: 'COUNTRYSIDE_OUTREACH', title: '文化科技卫生“三下乡”', organiserUnitCode: 'DHC', daysAgo: 5, place: '东湖村文化礼堂', indicatorCodes: ['A3', 'I4'], then: null },
  { key: 'demo-sorting', kind: 'CIVIC_EDUCATION', title: '垃圾分类知识进小区', organiserUnitCode: 'WTSQ', daysAgo: -7, place: '外滩社区阳光小区', indicatorCodes: ['C2'], then: null },
];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A small illustrative PNG (a sky over a lawn with a red banner), so the demo's photos are real images. */
export function demoPhotoPng(width = 240, height = 160): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const banner = y > height * 0.3 && y < height * 0.45 && x > width * 0.2 && x < width * 0.8;
      const [r, g, b] = banner ? [200, 30, 30] : y < height * 0.6 ? [120, 180, 230] : [70, 160, 80];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** Seeds the activities; answers how many were started now (0 when seeded before). */
export async function seedDemoActivities(client: Client, taskQueue: string, campaignId: string, timeZone: string, files?: FileStore, now = new Date()): Promise<number> {
  const office = actor('office');
  const day = (daysAgo: number) => localDate(addMs(now.toISOString(), -daysAgo * DAY), timeZone);
  let started = 0;
  for (const a of DEMO_ACTIVITIES) {
    const plannedDate = day(a.daysAgo);
    let id: string;
    try {
      id = await startActivity(client, taskQueue, a.key, {
        campaignId,
        kind: a.kind,
        title: a.title,
        organiserUnitCode: a.organiserUnitCode,
        plannedDate,
        place: a.place,
        indicatorCodes: a.indicatorCodes,
        dueAt: addMs(startOfLocalDate(plannedDate, timeZone), DAY),
        plannedBy: office,
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) continue;
      throw err;
    }
    started += 1;
    if (!a.then) continue;
    let command: ActivityCommand;
    if (a.then.held) {
      const photos: ActivityPhoto[] = [];
      if (files && a.then.held.photo) {
        const stored = await files.put(`${a.title}-现场.png`, demoPhotoPng());
        photos.push({ sha256: stored.sha256, name: stored.name, size: stored.size, mimeType: stored.mimeType });
      }
      command = { action: 'RECORD_HELD', heldDate: plannedDate, attendance: a.then.held.attendance, photos, summary: a.then.held.summary };
    } else command = { action: 'CANCEL', reason: a.then.cancelReason ?? '' };
    await client.workflow.getHandle(id).executeUpdate(activityActionUpdate, { args: [{ command, actor: actor(a.then.login) }] });
  }
  return started;
}
