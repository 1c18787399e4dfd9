// The demo's publicity ledger (宣传台账, issue 20): a dozen carriers and actions of the last three months across the
// seven channels and the two communities and the village, tagged to the 指标 they serve as evidence for, three with
// photos (where the file store is at hand), one corrected and one voided with reasons. Sent to the real ledger
// workflow: seeding again adds nothing.
import type { Client } from '@temporalio/client';
import { localDate } from '../../workflows/campaign/campaign.calendar';
import { publicityActionUpdate, publicityLedgerWorkflowId } from '../../workflows/publicity/publicity.messages';
import type { PublicityChannel, PublicityCommand, PublicityPhoto } from '../../workflows/publicity/publicity.types';
import type { Actor } from '../../workflows/shared/actor.types';
import type { FileStore } from '../platform/files/file-store';
import { startPublicityLedger } from '../publicity/publicity.starter';
import { DEMO_USERS } from './demo-organisation';

/** A small red PNG, the stand-in for a photo taken on site. */
const DEMO_PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGM4oaGBFTEMpAQAgPc0gUXKIv0AAAAASUVORK5CYII=', 'base64');

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

type Row = [id: string, channel: PublicityChannel, unitCode: string, location: string, count: number, daysAgo: number, indicators: string[], photo: boolean, note: string];

const ROWS: Row[] = [
  ['demo-pub-01', 'PUBLIC_SERVICE_AD', 'WTSQ', '中山东一路公交站台', 8, 85, ['A1'], true, '核心价值观主题公益广告'],
  ['demo-pub-02', 'BULLETIN_BOARD', 'WTSQ', '外滩社区党群服务中心门口', 2, 70, ['A2', 'A3'], true, '每月更新'],
  ['demo-pub-03', 'BANNER', 'BJSQ', '滨江大道沿线', 15, 64, ['A1'], false, '创文宣传横幅'],
  ['demo-pub-04', 'ELECTRONIC_SCREEN', 'BJSQ', '滨江广场电子屏', 1, 58, ['A1', 'A4'], false, '每日滚动播放 20 次'],
  ['demo-pub-05', 'BROCHURE', 'DHC', '东湖村村民委员会', 600, 51, ['A4', 'J4'], false, '《创建全国文明城区市民手册》'],
  ['demo-pub-06', 'SMS', 'DHC', '全村', 1_250, 44, ['A4'], false, '创建知晓率提示短信'],
  ['demo-pub-07', 'NEW_MEDIA', 'WTSQ', '外滩社区微信公众号', 6, 37, ['A4', 'I4'], false, '推文 6 篇，阅读 4300 人次'],
  ['demo-pub-08', 'PUBLIC_SERVICE_AD', 'BJSQ', '滨江新村小区围墙', 12, 30, ['A2'], true, '关爱未成年人主题'],
  ['demo-pub-09', 'BULLETIN_BOARD', 'DHC', '东湖村文化广场', 3, 21, ['A2', 'A3'], false, ''],
  ['demo-pub-10', 'BANNER', 'WTSQ', '外滩农贸市场入口', 4, 14, ['F4'], false, '诚信经营宣传'],
  ['demo-pub-11', 'NEW_MEDIA', 'BJSQ', '滨江社区抖音号', 3, 7, ['I4'], false, '志愿服务短视频'],
  ['demo-pub-12', 'SMS', 'WTSQ', '外滩社区全体居民', 3_400, 3, ['A4'], false, '误发测试短信'],
];

/** Seeds the ledger of `campaignId`; answers how many actions were recorded (0 when seeded before). */
export async function seedDemoPublicity(client: Client, taskQueue: string, campaignId: string, timeZone: string, files?: FileStore, now = new Date()): Promise<number> {
  const office = actorOf('office');
  if (!(await startPublicityLedger(client, taskQueue, { campaignId, openedBy: office }))) return 0;
  const day = (d: number) => localDate(new Date(now.getTime() - d * 86_400_000), timeZone);
  const stored = files ? await files.put('现场照片.png', DEMO_PHOTO) : null;
  const photos = (row: Row, n: number): PublicityPhoto[] => (row[7] && stored ? [{ sha256: stored.sha256, name: `${row[3]}-${n}.png`, size: stored.size, mimeType: stored.mimeType }] : []);
  const steps: PublicityCommand[] = ROWS.map((row, i) => {
    const [entryId, channel, unitCode, location, count, daysAgo, indicatorCodes, , note] = row;
    return { action: 'RECORD_ENTRY', entryId, channel, unitCode, location, count, heldOn: day(daysAgo), indicatorCodes, photos: photos(row, i + 1), note };
  });
  const fix = ROWS[2];
  steps.push({ action: 'CORRECT_ENTRY', entryId: fix[0], channel: fix[1], unitCode: fix[2], location: fix[3], count: 18, heldOn: day(fix[5]), indicatorCodes: fix[6], photos: [], note: fix[8], reason: '现场复核：实际悬挂 18 条' });
  steps.push({ action: 'VOID_ENTRY', entryId: 'demo-pub-12', reason: '测试短信误登记，不计入宣传统计' });
  const handle = client.workflow.getHandle(publicityLedgerWorkflowId(campaignId));
  for (const command of steps) await handle.executeUpdate(publicityActionUpdate, { args: [{ command, actor: office }] });
  return steps.length;
}
