// What the publicity ledger allows, as pure functions used by the workflow's validator and by the API: only the
// office records, corrects (with a reason) and voids (with a reason) entries; a voided entry stays voided. Every field
// is bounded and checked in time linear in its size; the community's kind and the indicators' existence in the
// catalog are checked by the service against the database before the command is sent.
import { ROLE_LABELS } from '../shared/actor.labels';
import type { Actor } from '../shared/actor.types';
import type { Decision, Rejection } from '../shared/decision.types';
import { isDay, textWithin } from '../funding/funding.decide';
import type { PublicityEvent } from './publicity.events';
import {
  MAX_CODE_CHARS,
  MAX_COUNT,
  MAX_ENTRIES,
  MAX_INDICATORS,
  MAX_LOCATION_CHARS,
  MAX_NOTE_CHARS,
  MAX_PHOTOS,
  MAX_PHOTO_BYTES,
  MAX_REASON_CHARS,
  PUBLICITY_ACTIONS,
  PUBLICITY_CHANNELS,
  PUBLICITY_OFFICE_ROLES,
  type PublicityAction,
  type PublicityActionRequest,
  type PublicityEntryFields,
  type PublicityLedgerState,
  type PublicityPhoto,
} from './publicity.types';

const SHA256 = /^[0-9a-f]{64}$/;
const ID_CHARS = 100;

const ACTION_LABELS: Record<PublicityAction, string> = { RECORD_ENTRY: '登记宣传载体', CORRECT_ENTRY: '更正宣传载体', VOID_ENTRY: '作废宣传载体' };

export function checkPublicityAccess(actor: Actor, action: PublicityAction): Rejection | null {
  if (!PUBLICITY_OFFICE_ROLES.includes(actor.role)) {
    return { code: 'FORBIDDEN', message: `「${ROLE_LABELS[actor.role]}」无权${ACTION_LABELS[action]}（仅限${PUBLICITY_OFFICE_ROLES.map((r) => ROLE_LABELS[r]).join('、')}）` };
  }
  return null;
}

/** Whether `value` is a count: an integer from 1 to MAX_COUNT. */
export function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_COUNT;
}

/** No control characters (a title or file name in the archive is made of it). */
export function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

export function checkPhotos(value: unknown): string | null {
  if (!Array.isArray(value)) return '照片格式不正确';
  if (value.length > MAX_PHOTOS) return `照片最多 ${MAX_PHOTOS} 张`;
  const seen = new Set<string>();
  for (const p of value as Partial<PublicityPhoto>[]) {
    if (!p || typeof p !== 'object' || typeof p.sha256 !== 'string' || !SHA256.test(p.sha256)) return '照片格式不正确';
    if (!textWithin(p.name, 255) || p.name.trim() === '' || hasControl(p.name) || typeof p.mimeType !== 'string' || !p.mimeType.startsWith('image/') || p.mimeType.length > 100) return '照片须为图片文件（JPG、PNG、WEBP）';
    if (typeof p.size !== 'number' || !Number.isInteger(p.size) || p.size <= 0 || p.size > MAX_PHOTO_BYTES) return `每张照片不超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB`;
    if (seen.has(p.sha256)) return `照片「${p.name}」重复`;
    seen.add(p.sha256);
  }
  return null;
}

export function checkIndicatorCodes(value: unknown): string | null {
  if (!Array.isArray(value)) return '测评指标格式不正确';
  if (value.length > MAX_INDICATORS) return `一条记录最多关联 ${MAX_INDICATORS} 个测评指标`;
  const seen = new Set<string>();
  for (const code of value) {
    if (typeof code !== 'string' || code.length === 0 || code.length > MAX_CODE_CHARS || code.trim() !== code || hasControl(code)) return `测评指标编码须为不超过 ${MAX_CODE_CHARS} 个字符的编码`;
    if (seen.has(code)) return `测评指标「${code}」重复`;
    seen.add(code);
  }
  return null;
}

function bad(field: string, message: string): Decision<PublicityEvent> {
  return { ok: false, rejection: { code: 'BAD_USER_INPUT', field, message } };
}

/** The entry's fields, checked and cleaned; or the refusal. */
export function checkEntryFields(c: Partial<Record<keyof PublicityEntryFields, unknown>>): { ok: true; fields: PublicityEntryFields } | { ok: false; field: string; message: string } {
  const no = (field: string, message: string) => ({ ok: false as const, field, message });
  if (!(PUBLICITY_CHANNELS as readonly unknown[]).includes(c.channel)) return no('channel', '请选择宣传渠道');
  if (!textWithin(c.location, MAX_LOCATION_CHARS) || c.location.trim() === '' || hasControl(c.location)) return no('location', `请填写位置（不超过${MAX_LOCATION_CHARS}字，不含控制字符）`);
  if (typeof c.unitCode !== 'string' || c.unitCode.length === 0 || c.unitCode.length > ID_CHARS || hasControl(c.unitCode)) return no('unitCode', '请选择社区或村');
  if (!isCount(c.count)) return no('count', `数量须为 1 至 ${MAX_COUNT} 之间的整数`);
  if (!isDay(c.heldOn)) return no('heldOn', '日期须写作 YYYY-MM-DD，且为有效日期');
  const badCodes = checkIndicatorCodes(c.indicatorCodes);
  if (badCodes) return no('indicatorCodes', badCodes);
  const badPhotos = checkPhotos(c.photos);
  if (badPhotos) return no('photos', badPhotos);
  const note = c.note ?? '';
  if (!textWithin(note, MAX_NOTE_CHARS) || note.includes('\u0000')) return no('note', `备注不超过${MAX_NOTE_CHARS}字，且不含空字符`);
  const photos = (c.photos as PublicityPhoto[]).map((p) => ({ sha256: p.sha256, name: p.name.trim(), size: p.size, mimeType: p.mimeType }));
  return {
    ok: true,
    fields: { channel: c.channel as PublicityEntryFields['channel'], location: c.location.trim(), unitCode: c.unitCode, count: c.count, heldOn: c.heldOn, indicatorCodes: [...(c.indicatorCodes as string[])], photos, note: note.trim() },
  };
}

function validId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= ID_CHARS;
}

export function decidePublicity(state: PublicityLedgerState, request: PublicityActionRequest): Decision<PublicityEvent> {
  const { command, actor, expectedVersion } = request;
  if (!command || typeof command !== 'object' || !(PUBLICITY_ACTIONS as readonly string[]).includes(command.action)) return bad('action', '未知的操作');
  if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== state.version) {
    return { ok: false, rejection: { code: 'CONFLICT', message: `宣传台账已被他人更新（您看到的版本为${expectedVersion}，当前版本为${state.version}），请刷新后重试` } };
  }
  const denied = checkPublicityAccess(actor, command.action);
  if (denied) return { ok: false, rejection: denied };
  const about = { campaignId: state.campaignId };
  const entry = validId(command.entryId) ? state.entries.find((e) => e.entryId === command.entryId) : undefined;

  switch (command.action) {
    case 'RECORD_ENTRY': {
      if (!validId(command.entryId) || entry) return bad('entryId', '记录编号重复或格式不正确');
      if (state.entries.length >= MAX_ENTRIES) return bad('entryId', `一个宣传台账最多 ${MAX_ENTRIES} 条记录`);
      const checked = checkEntryFields(command);
      if (!checked.ok) return bad(checked.field, checked.message);
      return { ok: true, events: [{ type: 'PublicityEntryRecorded', data: { ...about, entryId: command.entryId, ...checked.fields } }] };
    }
    case 'CORRECT_ENTRY': {
      if (!entry) return bad('entryId', '宣传台账记录不存在');
      if (entry.voided) return { ok: false, rejection: { code: 'ILLEGAL_TRANSITION', message: '这条记录已作废，不能再更正' } };
      if (!textWithin(command.reason, MAX_REASON_CHARS) || command.reason.trim() === '' || command.reason.includes('\u0000')) return bad('reason', `请填写更正原因（不超过${MAX_REASON_CHARS}字）`);
      const checked = checkEntryFields(command);
      if (!checked.ok) return bad(checked.field, checked.message);
      return { ok: true, events: [{ type: 'PublicityEntryCorrected', data: { ...about, entryId: entry.entryId, reason: command.reason.trim(), ...checked.fields } }] };
    }
    case 'VOID_ENTRY': {
      if (!entry) return bad('entryId', '宣传台账记录不存在');
      if (entry.voided) return { ok: false, rejection: { code: 'ILLEGAL_TRANSITION', message: '这条记录已作废' } };
      if (!textWithin(command.reason, MAX_REASON_CHARS) || command.reason.trim() === '' || command.reason.includes('\u0000')) return bad('reason', `请填写作废原因（不超过${MAX_REASON_CHARS}字）`);
      return { ok: true, events: [{ type: 'PublicityEntryVoided', data: { ...about, entryId: entry.entryId, reason: command.reason.trim() } }] };
    }
    default:
      return bad('action', '未知的操作');
  }
}
