// The official notice's one side effect besides its events: taking its number from the register, once per notice.
import { ApplicationFailure } from '@temporalio/common';
import type { NoticeNumberRepository, AllocatedNumber } from '../src/official-notice/notice-number.repository';
import { NOTICE_KINDS, type NoticeKind } from '../workflows/official-notice/official-notice.types';

export function createOfficialNoticeActivities(deps: { numbers: Pick<NoticeNumberRepository, 'allocate'> }) {
  return {
    /** Safe to run twice: a notice id that already has a number gets it again. */
    async allocateNoticeNumber(request: { noticeId: string; kind: NoticeKind; year: number }): Promise<AllocatedNumber> {
      if (!NOTICE_KINDS.includes(request.kind) || !Number.isInteger(request.year)) {
        throw ApplicationFailure.create({ type: 'BAD_NOTICE', message: `无法为「${String(request.kind)}」编号`, nonRetryable: true });
      }
      return deps.numbers.allocate(request.noticeId, request.kind, request.year);
    },
  };
}

export type OfficialNoticeActivities = ReturnType<typeof createOfficialNoticeActivities>;
