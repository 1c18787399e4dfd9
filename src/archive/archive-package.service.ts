// The archive package in the API: the packages of a campaign, building one (started as the package's workflow,
// answered once its request is recorded; the zip is built by the worker's activity), the 送审 (the one action
// path, WorkflowActions, to the package's Update) and the download, streamed from the file store.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import type { Caller } from '../auth/access-policy';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import { FileStore } from '../platform/files/file-store';
import { temporalToDomainError } from '../platform/temporal/temporal-errors';
import { WorkflowActions } from '../platform/temporal/workflow-actions';
import { IdempotencyService } from '../platform/idempotency/idempotency.service';
import { CampaignRepository } from '../campaign/campaign.repository';
import { canSubmitPackage, checkPackage } from '../../workflows/archive-package/archive-package.decide';
import { PACKAGE_STATE_LABELS } from '../../workflows/archive-package/archive-package.labels';
import { ARCHIVE_PACKAGE_WORKFLOW_TYPE, archivePackageWorkflowId, packageActionUpdate, packageRequestedUpdate } from '../../workflows/archive-package/archive-package.messages';
import { MAX_PACKAGE_NOTE_CHARS, type ArchivePackageInput } from '../../workflows/archive-package/archive-package.types';
import { ArchiveRepository, type PackageView } from './archive.repository';
import { ZIP_MIME_TYPE } from './package-builder';
import { waitForProjection } from '../platform/projections/wait-for-projection';

const MAX_LIST = 50;
const ID_CHARS = 300;

/** The GraphQL ArchivePackage's own fields; names and the caller's abilities are resolved apart. */
export function packageFields(p: PackageView) {
  const s = p.state;
  const built = s.state === 'BUILT' || s.state === 'SUBMITTED';
  return {
    id: p.id,
    campaignId: s.campaignId,
    state: s.state,
    stateLabel: PACKAGE_STATE_LABELS[s.state],
    complete: built ? s.missingCount === 0 : null,
    warning: s.warning,
    missingCount: s.missingCount,
    fileCount: s.fileCount,
    size: s.size,
    fileName: s.fileName,
    sha256: s.sha256,
    failure: s.failure,
    requestedAt: s.requestedAt,
    builtAt: s.builtAt,
    submittedAt: s.submittedAt,
    downloadUrl: built ? `/archive-packages/${encodeURIComponent(p.id)}/download` : null,
  };
}

@Injectable()
export class ArchivePackageService {
  constructor(
    private readonly repository: ArchiveRepository,
    private readonly campaigns: CampaignRepository,
    private readonly actions: WorkflowActions,
    private readonly idempotency: IdempotencyService,
    private readonly files: FileStore,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async get(id: string): Promise<PackageView> {
    const found = typeof id === 'string' && id.length <= ID_CHARS ? await this.repository.package(id) : null;
    if (!found) throw new DomainError('NOT_FOUND', '档案包不存在', 'id');
    return found;
  }

  async list(args: { campaignId: string | null; first: number | null }): Promise<PackageView[]> {
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_LIST) throw new DomainError('BAD_USER_INPUT', `条数须在 1 到 ${MAX_LIST} 之间`, 'first');
    const campaign = await this.campaigns.require(args.campaignId ?? null);
    return this.repository.packages(campaign.id, first);
  }

  /** Starts building a package of the campaign; answered as soon as its request is recorded (BUILDING). */
  async export(caller: Caller, campaignId: string | null): Promise<PackageView> {
    const campaign = await this.campaigns.require(campaignId ?? null);
    const args: ArchivePackageInput = { campaignId: campaign.id, requestedBy: { userId: caller.userId, displayName: caller.displayName, role: caller.role, unitCode: caller.unitCode } };
    const idempotent = await this.idempotency.claim(caller.userId, 'archive-package:export', 'exportArchivePackage', { campaignId: campaign.id });
    const workflowId = archivePackageWorkflowId(idempotent?.updateId ?? randomUUID());
    try {
      const handle = await this.temporal.workflow.start(ARCHIVE_PACKAGE_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [args],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      await handle.executeUpdate(packageRequestedUpdate);
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw temporalToDomainError(err, '档案包的工作流不存在');
    }
    return this.waitFor(workflowId, () => true);
  }

  /** 送审: the office records the hand-over of a built package, with its SHA-256; once. */
  async submit(caller: Caller, id: string, note: string | null | undefined): Promise<PackageView> {
    const pkg = await this.get(id);
    if (note !== null && note !== undefined && (typeof note !== 'string' || [...note].length > MAX_PACKAGE_NOTE_CHARS)) {
      throw new DomainError('BAD_USER_INPUT', `送审说明不能超过${MAX_PACKAGE_NOTE_CHARS}字`, 'note');
    }
    const refused = checkPackage(pkg.state, caller, 'SUBMIT');
    if (refused && !(await this.idempotency.tookEffect(caller.userId, id))) throw new DomainError(refused.code, refused.message, refused.field ?? null);
    const outcome = await this.actions.execute(id, packageActionUpdate, {
      actor: caller,
      command: { action: 'SUBMIT', note: note?.trim() ?? '' },
      toError: (err) => temporalToDomainError(err, '档案包的工作流不存在或已结束'),
    });
    if (outcome.replayed) return this.get(id);
    const version = outcome.result.version;
    return this.waitFor(id, (p) => p.state.version >= version);
  }

  /** The zip as a stream, for GET /archive-packages/:id/download: only once it is built. */
  async download(id: string): Promise<{ stream: NodeJS.ReadableStream; name: string; mimeType: string; size: number }> {
    const pkg = await this.get(id);
    const s = pkg.state;
    if ((s.state !== 'BUILT' && s.state !== 'SUBMITTED') || !s.sha256) throw new DomainError('ILLEGAL_TRANSITION', '档案包尚未生成完毕，暂不能下载', 'id');
    const size = await this.files.sizeOf(s.sha256);
    const stream = await this.files.openRead(s.sha256);
    if (!stream || size === null) throw new DomainError('NOT_FOUND', '文件存储中找不到该档案包', 'id');
    return { stream, name: s.fileName ?? `${id}.zip`, mimeType: ZIP_MIME_TYPE, size };
  }

  canSubmit = (caller: Caller, p: PackageView) => !caller.service && canSubmitPackage(p.state, caller);

  private async waitFor(id: string, ready: (p: PackageView) => boolean): Promise<PackageView> {
    return waitForProjection(() => this.repository.package(id), ready);
  }
}
