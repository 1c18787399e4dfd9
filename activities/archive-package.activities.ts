// The archive package's one side effect: building the zip into the file store (package-builder.ts), heartbeating
// after every file so that a worker that dies mid-way is noticed within the heartbeat timeout and the build starts
// again (a half-written package is a temporary file, removed; a finished one is named by its hash, so a second
// build of the same content stores nothing twice).
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { ArchivePackageBuilder } from '../src/archive/package-builder';
import type { PackageBuildResult } from '../workflows/archive-package/archive-package.types';

export function createArchivePackageActivities(deps: { builder: Pick<ArchivePackageBuilder, 'build'> | null }) {
  return {
    async buildArchivePackage(request: { packageId: string; campaignId: string }): Promise<PackageBuildResult> {
      if (!deps.builder) throw ApplicationFailure.create({ type: 'NO_FILE_STORE', message: '此工作进程未配置文件存储，无法生成档案包', nonRetryable: false });
      let last = 0;
      const result = await deps.builder.build(request.campaignId, (done, total) => {
        // At most every 2 s: a heartbeat per small file would cost more than the file.
        const now = Date.now();
        if (now - last < 2_000 && done < total) return;
        last = now;
        Context.current().heartbeat({ done, total });
      });
      const { plan: _plan, ...built } = result;
      return built;
    },
  };
}

export type ArchivePackageActivities = ReturnType<typeof createArchivePackageActivities>;
