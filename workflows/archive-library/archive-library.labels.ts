// Chinese labels of the archive library.
import type { ArchiveLibraryEventType } from './archive-library.events';
import type { LibraryKind, LibraryState } from './archive-library.types';

export const LIBRARY_KIND_LABELS: Record<LibraryKind, string> = { PLAN: '方案', BRIEFING: '简报', MINUTES: '会议纪要', PHOTO: '活动照片', OTHER: '其他' };
export const LIBRARY_STATE_LABELS: Record<LibraryState, string> = { PENDING: '提交中', SUBMITTED: '待验收', ACCEPTED: '已验收', RETURNED: '已退回' };
export const LIBRARY_EVENT_LABELS: Record<ArchiveLibraryEventType, string> = {
  LibraryDocumentSubmitted: '提交档案资料',
  LibraryDocumentAccepted: '验收档案资料',
  LibraryDocumentReturned: '退回档案资料',
  LibraryDocumentResubmitted: '重新提交档案资料',
};
