// Chinese labels of official notices, and their numbers: 创文督〔2027〕12号 (督办通知单), 创文改〔2027〕3号 (整改通知书),
// 创文约〔2027〕1号 (约谈通知书). Each kind is numbered on its own, from 1 every calendar year (Asia/Shanghai).
import type { OfficialNoticeEventType } from './official-notice.events';
import type { NoticeAckLevel, NoticeKind, NoticeState } from './official-notice.types';

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = { SUPERVISION: '督办通知单', RECTIFICATION: '整改通知书', INTERVIEW: '约谈通知书' };
/** The character of a kind in its number. */
export const NOTICE_NUMBER_PREFIXES: Record<NoticeKind, string> = { SUPERVISION: '督', RECTIFICATION: '改', INTERVIEW: '约' };
export const NOTICE_STATE_LABELS: Record<NoticeState, string> = { PENDING: '印发中', ISSUED: '未签收', ACKNOWLEDGED: '已签收' };
export const NOTICE_ACK_LEVEL_LABELS: Record<NoticeAckLevel, string> = { URGE: '催签', SUPERVISE: '督办签收' };
export const NOTICE_EVENT_LABELS: Record<OfficialNoticeEventType, string> = { NoticeIssued: '印发通知', NoticeAcknowledged: '签收', NoticeAckEscalated: '逾期未签收' };
/** Who issues the notices, as printed on them. */
export const NOTICE_ISSUER = '创建全国文明城市工作办公室';

/** The notice's number: 创文督〔2027〕12号. */
export function noticeNumber(kind: NoticeKind, year: number, seq: number): string {
  return `创文${NOTICE_NUMBER_PREFIXES[kind]}〔${year}〕${seq}号`;
}
