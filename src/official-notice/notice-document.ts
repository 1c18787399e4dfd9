// The .docx of an official notice (issue 16): a Word template (the committed default of its kind, or the office's
// own) filled with docxtemplater. A template is checked before it is kept and again before it is used: at most
// MAX_TEMPLATE_BYTES, a zip of at most MAX_TEMPLATE_ENTRIES entries whose declared sizes add up to at most
// MAX_UNZIPPED_BYTES and each inflates to no more than it declares (a zip bomb stops at its declared size), no
// DOCTYPE or entity declaration in any XML part, and placeholders that parse, are known, and include {number}.
// Every check is linear in the file's size.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { DomainError } from '../platform/errors/domain-error';
import { projectRoot } from '../platform/runtime/project-paths';
import type { NoticeKind } from '../../workflows/official-notice/official-notice.types';

export const MAX_TEMPLATE_BYTES = 2 * 1024 * 1024;
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;
export const MAX_TEMPLATE_ENTRIES = 500;
export const MAX_HISTORY_LINES = 30;

/** What a template may say, and what each one becomes. */
export const NOTICE_PLACEHOLDERS = {
  kindTitle: '通知类别（督办通知单／整改通知书／约谈通知书）',
  number: '通知编号，如 创文督〔2027〕12号（必填）',
  unitName: '责任单位名称',
  subject: '任务或整改问题',
  indicator: '测评指标或测评内容',
  deadline: '办理期限（年月日）',
  step: '所处环节（督办、约谈或创建办通知）',
  note: '补充说明',
  history: '办理经过（循环：{#history}{date} {text}{/history}）',
  date: '办理经过中一条的日期（仅在 history 循环内）',
  text: '办理经过中一条的内容（仅在 history 循环内）',
  issuer: '印发单位',
  issuedDate: '印发日期',
  ackDueDate: '签收期限',
  acknowledgedBy: '签收人（未签收时为横线）',
  acknowledgedAt: '签收时间（未签收时为横线）',
} as const;
export type NoticePlaceholder = keyof typeof NOTICE_PLACEHOLDERS;

export interface NoticeDocumentData {
  kindTitle: string;
  number: string;
  unitName: string;
  subject: string;
  indicator: string;
  deadline: string;
  step: string;
  note: string;
  history: { date: string; text: string }[];
  issuer: string;
  issuedDate: string;
  ackDueDate: string;
  acknowledgedBy: string;
  acknowledgedAt: string;
}

const bad = (message: string) => new DomainError('BAD_USER_INPUT', message, 'file');

const DOCX_ERRORS: Record<string, string> = {
  unopened_tag: '有多余的右花括号「}」',
  unclosed_tag: '有未闭合的左花括号「{」',
  unclosed_loop: '循环没有结束标记（如 {/history}）',
  unopened_loop: '循环的结束标记没有对应的开始标记',
  closing_tag_does_not_match_opening_tag: '循环的开始与结束标记不一致',
  duplicate_open_tag: '占位符内有重复的左花括号',
  duplicate_close_tag: '占位符内有重复的右花括号',
};

/** Inflates every entry within its declared size: the parts, by name; refuses what is not a sound, small .docx. */
function unzipBounded(content: Buffer): PizZip {
  if (content.length > MAX_TEMPLATE_BYTES) throw bad(`模板文件超过 ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB 的上限`);
  let zip: PizZip;
  try {
    zip = new PizZip(content);
  } catch {
    throw bad('模板不是有效的 Word 文档（.docx）：无法作为 zip 文件读取');
  }
  const entries = Object.values(zip.files);
  if (entries.length > MAX_TEMPLATE_ENTRIES) throw bad(`模板包含的文件过多（超过 ${MAX_TEMPLATE_ENTRIES} 个）`);
  let total = 0;
  for (const entry of entries) {
    if (entry.dir) continue;
    const data = (entry as unknown as { _data?: { uncompressedSize: number; compressionMethod: string; getCompressedContent(): Uint8Array } })._data;
    if (!data || typeof data.getCompressedContent !== 'function') throw bad('模板不是有效的 Word 文档（.docx）：压缩内容无法读取');
    total += data.uncompressedSize;
    if (!(data.uncompressedSize >= 0) || total > MAX_UNZIPPED_BYTES) throw bad(`模板解压后超过 ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB，疑为压缩炸弹，已拒绝`);
    const compressed = Buffer.from(data.getCompressedContent());
    let size: number;
    try {
      size = data.compressionMethod === '\x00\x00' ? compressed.length : inflateRawSync(compressed, { maxOutputLength: Math.max(1, data.uncompressedSize) }).length;
    } catch {
      throw bad(`模板中的「${entry.name.slice(0, 100)}」无法解压或解压后大于其声明的大小，疑为压缩炸弹，已拒绝`);
    }
    if (size !== data.uncompressedSize) throw bad(`模板中的「${entry.name.slice(0, 100)}」解压后大小与声明不符，已拒绝`);
  }
  if (!zip.file('word/document.xml') || !zip.file('[Content_Types].xml')) throw bad('模板不是有效的 Word 文档（.docx）：缺少 word/document.xml');
  for (const entry of entries) {
    if (entry.dir || !/\.(xml|rels)$/i.test(entry.name)) continue;
    const xml = entry.asText();
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw bad(`模板中的「${entry.name.slice(0, 100)}」含有 DOCTYPE 或实体声明，已拒绝`);
  }
  return zip;
}

/** A docxtemplater over a checked zip; refuses unknown placeholders, syntax errors and a missing {number}. */
function compile(content: Buffer): Docxtemplater {
  const zip = unzipBounded(content);
  const seen = new Set<string>();
  const unknown = new Set<string>();
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      nullGetter: () => '',
      errorLogging: false,
      parser: (tag: string) => {
        const name = tag.trim();
        seen.add(name);
        if (!(name in NOTICE_PLACEHOLDERS)) unknown.add(name);
        return { get: (scope: Record<string, unknown>) => (name === '.' ? scope : scope[name]) };
      },
    });
  } catch (err) {
    const errors = ((err as { properties?: { errors?: { properties?: { id?: string; context?: string; xtag?: string } }[] } }).properties?.errors ?? []).map((e) => e.properties ?? {});
    const first = errors[0];
    if (!first) throw bad('模板无法解析，请检查其中的占位符');
    const where = first.xtag ?? first.context ?? '';
    throw bad(`模板中的占位符有误：${DOCX_ERRORS[first.id ?? ''] ?? '无法解析'}${where ? `（「${String(where).slice(0, 50)}」附近）` : ''}${errors.length > 1 ? `，共 ${errors.length} 处` : ''}`);
  }
  if (unknown.size > 0) {
    throw bad(`模板中有不认识的占位符：${[...unknown].slice(0, 5).map((t) => `{${t.slice(0, 30)}}`).join('、')}。可用的占位符：${Object.keys(NOTICE_PLACEHOLDERS).map((k) => `{${k}}`).join(' ')}`);
  }
  if (!seen.has('number')) throw bad('模板中必须有通知编号的占位符 {number}');
  return doc;
}

/** Refuses (BAD_USER_INPUT, in Chinese) a template that could not be used; answers the placeholders it uses. */
export function checkTemplate(content: Buffer): void {
  const doc = compile(content);
  renderWith(doc, SAMPLE);
}

function renderWith(doc: Docxtemplater, data: NoticeDocumentData): Buffer {
  try {
    doc.render(data);
  } catch {
    throw bad('模板无法填充，请检查其中的占位符和循环');
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer;
}

/** The notice's .docx from `template`. */
export function renderNotice(template: Buffer, data: NoticeDocumentData): Buffer {
  return renderWith(compile(template), { ...data, history: data.history.slice(-MAX_HISTORY_LINES) });
}

/** The committed default template of a kind (scripts/generate-notice-templates.cjs). */
export function defaultTemplate(kind: NoticeKind): Buffer {
  return fs.readFileSync(path.join(projectRoot(), 'templates', 'official-notice', `${kind}.docx`));
}

const SAMPLE: NoticeDocumentData = {
  kindTitle: '督办通知单',
  number: '创文督〔2027〕1号',
  unitName: '示例单位',
  subject: '示例任务',
  indicator: '1.1.1',
  deadline: '2027年3月31日',
  step: '督办',
  note: '无',
  history: [{ date: '2027年3月1日', text: '任务下达' }],
  issuer: '创建全国文明城市工作办公室',
  issuedDate: '2027年4月1日',
  ackDueDate: '2027年4月3日',
  acknowledgedBy: '________',
  acknowledgedAt: '________',
};
