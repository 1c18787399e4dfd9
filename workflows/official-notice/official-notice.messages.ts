// Messages of the official-notice workflow: its type name and ids, the 签收 Update, the "issued" Update the office's
// request waits on, and the state query.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { NoticeActionRequest, NoticeState, OfficialNoticeState } from './official-notice.types';

export interface NoticeActionResult {
  version: number;
  state: NoticeState;
}

export const OFFICIAL_NOTICE_WORKFLOW_TYPE = 'officialNoticeWorkflow';
export const noticeActionUpdate = defineUpdate<NoticeActionResult, [NoticeActionRequest]>('noticeAction');
/** Answers once the notice is issued (numbered and recorded): what an on-demand request waits for. */
export const noticeIssuedUpdate = defineUpdate<OfficialNoticeState, []>('noticeIssued');
export const noticeStateQuery = defineQuery<OfficialNoticeState>('noticeState');

export const OFFICIAL_NOTICE_STREAM_PREFIX = 'official-notice-';

/** The notice of one escalation event: the event's id makes it one notice per step, however often it is seen. */
export function escalationNoticeWorkflowId(sourceEventId: string): string {
  return `${OFFICIAL_NOTICE_STREAM_PREFIX}${sourceEventId}`;
}

/** A notice the office issues on demand, under a key the API chooses. */
export function officeNoticeWorkflowId(key: string): string {
  return `${OFFICIAL_NOTICE_STREAM_PREFIX}office-${key}`;
}
