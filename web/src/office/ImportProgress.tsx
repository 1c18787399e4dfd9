// A task breakdown's changes reach their task workflows over seconds to minutes after the import is recorded: the
// office sees how far it has got, and how long is left, until every change is applied. The figures are the API's
// (taskBreakdownImport.progress); this only asks for them every second and draws them.
import { useEffect, useRef, useState } from 'react';
import { Progress, Typography } from 'antd';
import { ApiError, gql } from '../api/client';
import type { LatestTaskBreakdownImportQuery, TaskBreakdownImportProgressQuery } from '../api/graphql.generated';
import { LATEST_TASK_BREAKDOWN_IMPORT, TASK_BREAKDOWN_IMPORT_PROGRESS } from './documents';

export type ImportState = TaskBreakdownImportProgressQuery['taskBreakdownImport'];

const POLL_MS = 1_000;

/**
 * Follows one import at a time: the one `follow` names (just applied), or, when `resumeLatest`, the campaign's latest
 * if it is still being applied as the page opens (the office came back, or another office member started it).
 * Stops asking once it is APPLIED (then `onApplied`) or when the component goes.
 */
export function useImportProgress(resumeLatest: boolean, onApplied: (id: string) => void) {
  const [followed, setFollowed] = useState<string | null>(null);
  const [state, setState] = useState<ImportState | null>(null);
  const [pollError, setPollError] = useState<string | null>(null);
  // The latest callback, without asking again each time the card renders a new one.
  const applied = useRef(onApplied);
  useEffect(() => {
    applied.current = onApplied;
  });

  useEffect(() => {
    if (!resumeLatest) return;
    let live = true;
    gql<LatestTaskBreakdownImportQuery>(LATEST_TASK_BREAKDOWN_IMPORT)
      .then(({ taskBreakdownImports: [latest] }) => {
        if (!live || latest?.status !== 'APPLYING' || !latest.id) return;
        const id = latest.id;
        // An import the office starts meanwhile is the one to follow.
        setFollowed((now) => now ?? id);
        setState((now) => now ?? latest);
      })
      .catch(() => undefined); // Nothing to resume is no reason to trouble the office.
    return () => {
      live = false;
    };
  }, [resumeLatest]);

  useEffect(() => {
    if (!followed) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    // One question at a time: the next is asked a second after the answer, however slow the answer was.
    const ask = async () => {
      try {
        const { taskBreakdownImport: now } = await gql<TaskBreakdownImportProgressQuery>(TASK_BREAKDOWN_IMPORT_PROGRESS, { id: followed });
        if (!live) return;
        setState(now);
        setPollError(null);
        if (now.status === 'APPLIED') {
          setFollowed(null);
          applied.current(followed);
          return;
        }
      } catch (err) {
        if (!live) return;
        // The import carries on in the workflow whatever happens to this page or the API: keep asking.
        setPollError(err instanceof ApiError ? err.message : String(err));
      }
      timer = setTimeout(() => void ask(), POLL_MS);
    };
    void ask();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [followed]);

  return {
    state,
    pollError,
    /** Starts following an import just recorded, drawing what its answer said until the first poll. */
    follow(started: ImportState) {
      if (!started.id) return;
      setState(started);
      setFollowed(started.id);
    },
  };
}

function progressText(state: ImportState): string {
  const p = state.progress!;
  if (state.status === 'APPLIED') return `已导入：${p.total} 项变更已全部生效`;
  const left = p.timeLeft === null ? '正在估算剩余时间' : `预计剩余 ${p.timeLeft}`;
  return `已生效 ${p.applied}/${p.total}，${left}`;
}

export function ImportProgressBar({ state, pollError }: { state: ImportState; pollError: string | null }) {
  if (!state.progress) return null;
  return (
    <div style={{ marginTop: 12 }} data-testid="import-progress">
      <Progress percent={state.progress.percent} status={state.status === 'APPLIED' ? 'success' : 'active'} />
      <Typography.Text type="secondary">{progressText(state)}</Typography.Text>
      {pollError && (
        <div>
          <Typography.Text type="warning">暂时无法获取进度（{pollError}），正在重试；导入本身不受影响</Typography.Text>
        </div>
      )}
    </div>
  );
}
