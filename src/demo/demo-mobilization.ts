// The demo's 动员部署 (issue 19): the office issued the street's 创文动员实施方案 to every demo unit ten days ago, due
// yesterday, asking each for its own 工作实施方案 and its 创文责任小组. 外滩社区 handed both in and was approved,
// 滨江社区 was returned with a reason, 东湖村 awaits review, 街道宣传统战办 only acknowledged it, and the rest have done
// nothing: those still owing something are at 催办 (督办 follows two days after the deadline). The PDFs are made
// here (pdfkit with the bundled Noto Sans SC) and kept in the file store. Started as real workflows under fixed ids:
// running it again adds nothing.
import PDFDocument from 'pdfkit';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { loadConfig } from '../platform/config/config';
import { FileStore } from '../platform/files/file-store';
import { mobilizationDocWorkflowId, mobilizationResponseStateQuery, mobilizationResponseWorkflowId, MOBILIZATION_DOC_WORKFLOW_TYPE, responseActionUpdate } from '../../workflows/mobilization/mobilization.messages';
import type { MobilizationDocInput, MobilizationFile, ResponseCommand } from '../../workflows/mobilization/mobilization.types';
import type { Actor } from '../../workflows/shared/actor.types';
import { DEMO_CAMPAIGN, DEMO_UNITS, DEMO_USERS } from './demo-organisation';

const DAY = 86_400_000;
export const DEMO_MOBILIZATION_KEY = 'demo-plan';
export const DEMO_MOBILIZATION_TITLE = '外滩街道创建全国文明城区动员实施方案';

function actorOf(login: string): Actor {
  const user = DEMO_USERS.find((u) => u.login === login)!;
  return { userId: `user:${user.login}`, displayName: user.displayName, role: user.role, unitCode: user.unitCode };
}

/** A one-page A4 PDF with a title and paragraphs, in Chinese. */
export function demoPdf(title: string, paragraphs: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72, info: { Title: title } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('sc', require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
    doc.font('sc').fontSize(18).text(title, { align: 'center' }).moveDown();
    for (const p of paragraphs) doc.fontSize(11).text(p, { indent: 22, lineGap: 4 }).moveDown(0.5);
    doc.end();
  });
}

async function stored(files: FileStore, name: string, title: string, paragraphs: string[]): Promise<MobilizationFile> {
  const s = await files.put(name, await demoPdf(title, paragraphs));
  return { sha256: s.sha256, name: s.name, size: s.size, mimeType: s.mimeType };
}

/** What each demo unit did, in order; units not named did nothing. */
function unitSteps(unit: { code: string; name: string }, plan: MobilizationFile): { login: string; command: ResponseCommand }[] {
  const member = `${unit.code.toLowerCase()}.member`;
  const head = `${unit.code.toLowerCase()}.head`;
  const ack = { login: member, command: { action: 'ACKNOWLEDGE', note: '已收到，立即部署。' } as ResponseCommand };
  const submit = { login: member, command: { action: 'SUBMIT_PLAN', file: plan, summary: `${unit.name}成立创文工作专班，按宣传发动、专项整治、全面冲刺三个阶段推进，明确责任人和时间节点。` } as ResponseCommand };
  const group = {
    login: head,
    command: { action: 'REGISTER_GROUP', group: { leader: `${unit.name}负责人`, members: [`${unit.name}工作人员`, '志愿者代表'], phone: '13800138000' } } as ResponseCommand,
  };
  switch (unit.code) {
    case 'WTSQ':
      return [ack, submit, group, { login: 'office', command: { action: 'APPROVE', note: '方案具体可行，同意。' } }];
    case 'BJSQ':
      return [ack, submit, group, { login: 'office', command: { action: 'RETURN', reason: '方案未明确各阶段的时间节点和责任人，请补充后重新提交。' } }];
    case 'DHC':
      return [ack, submit, group];
    case 'XCB':
      return [ack];
    default:
      return [];
  }
}

/** Issues the demo's 实施方案 and plays the units' part; answers how many units it went to (0 when seeded before). */
export async function seedDemoMobilization(client: Client, taskQueue: string, files?: FileStore): Promise<number> {
  const store = files ?? (({ dir, maxBytes }) => new FileStore(dir, maxBytes))(loadConfig().files);
  const now = Date.now();
  const documentId = mobilizationDocWorkflowId(DEMO_MOBILIZATION_KEY);
  const input: MobilizationDocInput = {
    campaignId: DEMO_CAMPAIGN.id,
    kind: 'IMPLEMENTATION_PLAN',
    title: DEMO_MOBILIZATION_TITLE,
    summary: '为全面落实创建全国文明城区工作，街道决定在全街道范围内开展创文动员部署。各责任单位须签收本方案，制定本单位工作实施方案，成立由主要负责人任组长的创文责任小组，并于时限前报创建办审核。',
    file: await stored(store, '外滩街道创建全国文明城区动员实施方案.pdf', DEMO_MOBILIZATION_TITLE, [
      '一、指导思想：以创建全国文明城区为抓手，全面提升街道文明程度和市民文明素质。',
      '二、组织领导：成立街道创建全国文明城区工作领导小组，下设创建办，统筹协调全街道创文工作。',
      '三、工作步骤：宣传发动、专项整治、全面冲刺、迎检、总结评议五个阶段。',
      '四、工作要求：各责任单位制定本单位工作实施方案，成立创文责任小组，明确联系人和联系电话。',
    ]),
    unitCodes: DEMO_UNITS.map((u) => u.code),
    requiresPlan: true,
    requiresGroup: true,
    dueAt: new Date(now - DAY).toISOString(),
    issuedBy: actorOf('office'),
  };
  try {
    await client.workflow.start(MOBILIZATION_DOC_WORKFLOW_TYPE, { workflowId: documentId, taskQueue, args: [input], workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return 0; // seeded before: leave it as it is
    throw err;
  }
  for (const unit of DEMO_UNITS) {
    const steps = unitSteps(unit, await stored(store, `${unit.name}创文工作实施方案.pdf`, `${unit.name}创建全国文明城区工作实施方案`, ['一、工作目标', '二、责任分工', '三、时间节点', '四、保障措施']));
    if (steps.length === 0) continue;
    // The response is started by the workflow outbox once the document's issue is recorded: wait until it is open.
    const handle = client.workflow.getHandle(mobilizationResponseWorkflowId(documentId, unit.code));
    const deadline = Date.now() + 60_000;
    for (;;) {
      const open = await handle.query(mobilizationResponseStateQuery).then(
        (s) => s.opened,
        () => false,
      );
      if (open) break;
      if (Date.now() > deadline) throw new Error(`演示数据：${unit.name}的动员部署办理工作流未启动`);
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const step of steps) await handle.executeUpdate(responseActionUpdate, { args: [{ command: step.command, actor: actorOf(step.login) }] });
  }
  return DEMO_UNITS.length;
}
