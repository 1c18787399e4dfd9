// The briefing's side effects besides its events: taking its number from the register, and rendering its PDF into
// the file store on publish (briefingPdfForArchive: the archive library takes the file by the SHA-256 recorded in
// BriefingPublished). Both are safe to run twice: the same briefing gets the same number, the same PDF the same name.
import { ApplicationFailure } from '@temporalio/common';
import type { BriefingNumberRepository, AllocatedBriefingNumber } from '../src/briefing/briefing-number.repository';
import { briefingDocumentData, briefingFileName, renderBriefingPdf } from '../src/briefing/briefing-document';
import type { FileStore } from '../src/platform/files/file-store';
import { BRIEFING_KINDS, type BriefingKind, type BriefingStateView } from '../workflows/briefing/briefing.types';

export interface BriefingActivityDeps {
  numbers: Pick<BriefingNumberRepository, 'allocate' | 'unitNames'>;
  /** The file store the API serves files from; null in a worker without one (publishing then fails until it has one). */
  files: Pick<FileStore, 'put'> | null;
}

export function createBriefingActivities(deps: BriefingActivityDeps) {
  return {
    async allocateBriefingNumber(request: { briefingId: string; kind: BriefingKind; year: number }): Promise<AllocatedBriefingNumber> {
      if (!BRIEFING_KINDS.includes(request.kind) || !Number.isInteger(request.year)) {
        throw ApplicationFailure.create({ type: 'BAD_BRIEFING', message: `无法为「${String(request.kind)}」编号`, nonRetryable: true });
      }
      return deps.numbers.allocate(request.briefingId, request.kind, request.year);
    },

    /** Renders the published briefing's PDF and keeps it in the file store; answers its SHA-256 and file name. */
    async briefingPdfForArchive(request: { state: BriefingStateView }): Promise<{ sha256: string; name: string; size: number }> {
      if (!deps.files) throw ApplicationFailure.create({ type: 'NO_FILE_STORE', message: '工作进程未配置文件存储，无法生成简报 PDF' });
      const s = request.state;
      const names = await deps.numbers.unitNames(s.namedUnits);
      const pdf = await renderBriefingPdf(briefingDocumentData(s, (code) => names.get(code) ?? code), s.publishedAt);
      const name = briefingFileName(s, 'pdf');
      const stored = await deps.files.put(name, pdf);
      return { sha256: stored.sha256, name, size: stored.size };
    },
  };
}

export type BriefingActivities = ReturnType<typeof createBriefingActivities>;
