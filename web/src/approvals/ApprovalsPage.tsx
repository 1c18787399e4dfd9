// 待我审批: everything waiting for the signed-in supervisor, archivist or office, oldest first. A row is one
// decision (a card may wait for two: a self-check and an extension, or several archive materials). Rows can be
// approved one by one or in a batch (each with the card's version, so a card someone else decided meanwhile is
// refused with the API's own words), or returned with a reason; a row opens the card's detail. The queue follows
// the board live: a card another supervisor decided leaves it at once.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Segmented, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { ApiError, subscribe } from '../api/client';
import { BOARD_CHANGED, ITEM_CHANGED } from '../api/documents';
import CardDrawer from '../detail/CardDrawer';
import { actionLabel } from '../i18n/detail';
import { ago, formatTime } from '../detail/format';
import { useI18n, useWords } from '../i18n';
import { useMe } from '../session/session';
import { routeHref, type Route } from '../shell/navigation';
import { navigate } from '../shell/useRoute';
import { everyListed } from '../api/board-pages';
import { APPROVAL_ITEMS, APPROVAL_TASKS } from './documents';
import { DECISIONS, decide, queueRows, type ApprovalItem, type ApprovalTask, type Decided, type QueueRow } from './queue';
import { ReasonModal } from './ReasonModal';
import './approvals.css';
import type { BoardChangedSubscription, ItemChangedSubscription } from '../api/graphql.generated';
import { APPROVAL_WORDS as WORDS } from '../i18n/approvals';

type Filter = 'all' | 'task' | 'item';
interface Outcome {
  key: string;
  title: string;
  what: string;
  ok: boolean;
  message: string;
}
interface Cards {
  tasks: Map<string, ApprovalTask>;
  items: Map<string, ApprovalItem>;
}

/** Newer versions win, whichever arrives first: a slow reload never undoes a decision just taken. */
function merged<T extends { id: string; version: number }>(old: Map<string, T>, incoming: T[], replaceAll: boolean): Map<string, T> {
  const next = new Map(replaceAll ? [] : old);
  for (const card of incoming) {
    const known = old.get(card.id);
    next.set(card.id, known && known.version > card.version ? known : card);
  }
  return next;
}

export default function ApprovalsPage({ route }: { route: Route }) {
  const w = useWords(WORDS);
  const { locale } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  const withItems = me.role === 'SUPERVISOR';
  const office = me.role === 'OFFICE';
  const [cards, setCards] = useState<Cards>({ tasks: new Map(), items: new Map() });
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [liveError, setLiveError] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState<Set<string>>(new Set());
  const [batchRunning, setBatchRunning] = useState(false);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null);
  const [rejecting, setRejecting] = useState<QueueRow | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(async () => {
    try {
      const [t, i] = await Promise.all([everyListed<ApprovalTask>(APPROVAL_TASKS, 'tasks'), withItems ? everyListed<ApprovalItem>(APPROVAL_ITEMS, 'items') : Promise.resolve(null)]);
      setCampaignId(t.campaign.id);
      setCards((old) => ({
        tasks: merged(old.tasks, t.nodes, true),
        items: i ? merged(old.items, i.nodes, true) : old.items,
      }));
      setLoadError(null);
    } catch (err) {
      setLoadError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  }, [withItems]);

  // Changes arrive as cards without what only the queue asks for (archive materials, submissions, when the stage
  // began): the card is updated at once (so a decided card leaves now) and, when a row needs those, the queue is read
  // again shortly after, once for a burst of changes.
  const reloadTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reloadSoon = useCallback(() => {
    if (reloadTimer.current) return;
    reloadTimer.current = setTimeout(() => {
      reloadTimer.current = null;
      void load();
    }, 400);
  }, [load]);
  const known = useRef(cards);
  useEffect(() => {
    known.current = cards;
  }, [cards]);

  useEffect(() => {
    void load();
    // A safety net for changes missed while the live connection was down, and for the "waiting since" texts.
    const timer = setInterval(() => {
      setNow(Date.now());
      void load();
    }, 60_000);
    return () => {
      clearInterval(timer);
      if (reloadTimer.current) clearTimeout(reloadTimer.current);
    };
  }, [load]);

  useEffect(() => {
    if (!campaignId) return;
    const onError = () => setLiveError(true);
    const offTasks = subscribe<BoardChangedSubscription>(
      BOARD_CHANGED,
      { campaign: campaignId },
      ({ boardChanged: { task } }) => {
        setLiveError(false);
        const before = known.current.tasks.get(task.id);
        setCards((old) => {
          const card: ApprovalTask = { stageEnteredAt: task.updatedAt, archiveMaterials: [], ...old.tasks.get(task.id), ...task };
          return { ...old, tasks: merged(old.tasks, [card], false) };
        });
        const a = task.allowedActions;
        if (a.includes('ACCEPT_ARCHIVE_MATERIAL') || (office && a.includes('START_ARCHIVING') && before?.stage !== task.stage)) reloadSoon();
      },
      onError,
    );
    const offItems = withItems
      ? subscribe<ItemChangedSubscription>(
          ITEM_CHANGED,
          { campaign: campaignId },
          ({ itemChanged: { item } }) => {
            setLiveError(false);
            setCards((old) => {
              const card: ApprovalItem = { submission: null, ...old.items.get(item.id), ...item };
              return { ...old, items: merged(old.items, [card], false) };
            });
            if (item.allowedActions.includes('VERIFY')) reloadSoon();
          },
          onError,
        )
      : () => undefined;
    return () => {
      offTasks();
      offItems();
    };
  }, [campaignId, withItems, office, reloadSoon]);

  const allRows = useMemo(() => queueRows(me, cards.tasks.values(), cards.items.values(), locale), [me, cards, locale]);
  const rows = useMemo(() => (filter === 'all' ? allRows : allRows.filter((r) => r.kind === filter)), [allRows, filter]);
  const rowKeys = useMemo(() => new Set(rows.map((r) => r.key)), [rows]);
  // A row that left the queue (decided here or elsewhere) is no longer selected.
  const selectedRows = rows.filter((r) => selected.includes(r.key));

  const apply = useCallback((decided: Decided) => {
    setCards((old) =>
      decided.kind === 'task' ? { ...old, tasks: merged(old.tasks, [decided.card], false) } : { ...old, items: merged(old.items, [decided.card], false) },
    );
  }, []);

  const mark = (key: string, on: boolean) =>
    setBusy((old) => {
      const next = new Set(old);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const errorText = (err: unknown) => (err instanceof ApiError ? `${err.message}（${err.code}）` : String(err));

  const approveOne = async (row: QueueRow) => {
    const spec = DECISIONS[row.decision];
    mark(row.key, true);
    try {
      apply(await decide(row, true, null, row.version));
      setRowErrors(({ [row.key]: _gone, ...rest }) => rest);
      message.success(`${w('done')}${spec.approveLabel[locale]}：${row.title}`);
    } catch (err) {
      setRowErrors((old) => ({ ...old, [row.key]: errorText(err) }));
      message.error(errorText(err));
    } finally {
      mark(row.key, false);
    }
  };

  const approveSelected = async () => {
    const chosen = selectedRows;
    if (chosen.length === 0) return;
    setBatchRunning(true);
    setOutcomes(null);
    const results: Outcome[] = [];
    // A card decided twice in one batch (two materials) is sent with the version our own first decision left.
    const versions = new Map<string, number>();
    for (const row of chosen) {
      const spec = DECISIONS[row.decision];
      const card = `${row.kind}:${row.id}`;
      mark(row.key, true);
      try {
        const decided = await decide(row, true, null, versions.get(card) ?? row.version);
        versions.set(card, decided.card.version);
        apply(decided);
        results.push({ key: row.key, title: row.title, what: spec.what[locale], ok: true, message: `${spec.approveLabel[locale]}` });
        setRowErrors(({ [row.key]: _gone, ...rest }) => rest);
      } catch (err) {
        results.push({ key: row.key, title: row.title, what: spec.what[locale], ok: false, message: errorText(err) });
        setRowErrors((old) => ({ ...old, [row.key]: errorText(err) }));
      } finally {
        mark(row.key, false);
      }
    }
    setSelected(results.filter((r) => !r.ok).map((r) => r.key));
    setOutcomes(results);
    setBatchRunning(false);
  };

  // The drawer: `#/approvals?card=…&kind=task|item`, so that Back closes it and a link opens it.
  const openId = route.params.get('card');
  const openKind = route.params.get('kind') === 'item' ? 'item' : 'task';
  const openVersion = openId ? (openKind === 'task' ? cards.tasks.get(openId)?.version : cards.items.get(openId)?.version) : undefined;
  const openCard = (row: { kind: 'task' | 'item'; id: string }) => navigate(routeHref('approvals', { card: row.id, kind: row.kind }));
  const closeCard = () => navigate(routeHref('approvals'));

  /** An action chosen in the drawer: the row's own decision when it is one, else the board's business. */
  const onDrawerAction = (action: string) => {
    if (!openId) return;
    const mine = allRows.filter((r) => r.id === openId && r.kind === openKind);
    const approving = mine.filter((r) => DECISIONS[r.decision].approve === action);
    const returning = mine.filter((r) => DECISIONS[r.decision].reject === action);
    if (mine.some((r) => r.decision === 'ITEM_RECHECK') && action === 'RECORD_RECHECK') {
      message.info(w('useRecheckRows'));
    } else if (approving.length === 1) {
      void approveOne(approving[0]);
    } else if (returning.length === 1) {
      setRejecting(returning[0]);
    } else if (approving.length > 1 || returning.length > 1) {
      message.info(w('useRows'));
    } else {
      message.info(`${w('onBoard')}：${actionLabel(openKind, action, locale)}`);
    }
  };

  const intro = me.role === 'ARCHIVIST' ? w('introArchivist') : me.role === 'OFFICE' ? w('introOffice') : w('introSupervisor');

  const columns: TableColumnsType<QueueRow> = [
    {
      key: 'since',
      title: w('waiting'),
      width: 150,
      responsive: ['sm'],
      render: (_, row) => (
        <div className="since">
          <time dateTime={row.since}>{formatTime(row.since)}</time>
          <Typography.Text type="secondary" className="since-ago">
            {ago(row.since, now, locale)}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'matter',
      title: w('matter'),
      render: (_, row) => {
        const spec = DECISIONS[row.decision];
        return (
          <div className="matter">
            <Flex gap={6} wrap align="center">
              <Tag color={spec.kind === 'task' ? 'blue' : 'purple'} className="matter-what">
                {spec.what[locale]}
              </Tag>
              <Typography.Text type="secondary" className="since-phone">
                {ago(row.since, now, locale)}
              </Typography.Text>
            </Flex>
            <Button type="link" className="matter-title" onClick={() => openCard(row)} aria-label={`${w('open')}：${row.title}`} data-testid="open-card">
              {row.title}
            </Button>
            <div className="matter-meta">
              {row.unitName && <Typography.Text>{row.unitName}</Typography.Text>}
              {row.detail && (
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: row.detail }} className="matter-detail">
                  {row.detail}
                </Typography.Paragraph>
              )}
            </div>
            {rowErrors[row.key] && (
              <Typography.Text type="danger" role="alert" className="row-error" data-testid="row-error">
                {rowErrors[row.key]}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
    {
      key: 'actions',
      title: w('actions'),
      width: 210,
      render: (_, row) => {
        const spec = DECISIONS[row.decision];
        return (
          <Flex gap={8} wrap>
            <Button
              type="primary"
              size="small"
              icon={<CheckOutlined />}
              loading={busy.has(row.key)}
              disabled={batchRunning}
              onClick={() => void approveOne(row)}
              aria-label={`${spec.approveLabel[locale]}：${row.title}`}
            >
              {spec.approveLabel[locale]}
            </Button>
            {spec.rejectLabel && (
              <Button size="small" danger disabled={batchRunning || busy.has(row.key)} onClick={() => setRejecting(row)} aria-label={`${spec.rejectLabel[locale]}：${row.title}`}>
                {spec.rejectLabel[locale]}
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];

  const counts = { all: allRows.length, task: allRows.filter((r) => r.kind === 'task').length, item: allRows.filter((r) => r.kind === 'item').length };

  return (
    <div className="approvals" data-testid="approvals">
      <Flex justify="space-between" align="center" wrap gap={8} className="approvals-head">
        <div>
          <Typography.Title level={4} className="approvals-title">
            {w('title')} <Tag color="red" data-testid="queue-count">{allRows.length}</Tag>
          </Typography.Title>
          <Typography.Text type="secondary">{intro}</Typography.Text>
        </div>
        <Flex gap={8} wrap align="center">
          {withItems && (
            <Segmented<Filter>
              value={filter}
              onChange={setFilter}
              aria-label={w('matter')}
              options={[
                { value: 'all', label: `${w('all')} ${counts.all}` },
                { value: 'task', label: `${w('tasks')} ${counts.task}` },
                { value: 'item', label: `${w('items')} ${counts.item}` },
              ]}
            />
          )}
          <Popconfirm
            title={`${w('batchConfirm')} ${selectedRows.length} ${w('batchConfirmTail')}`}
            okText={w('ok')}
            cancelText={w('cancel')}
            onConfirm={() => approveSelected()}
            disabled={selectedRows.length === 0 || batchRunning}
          >
            <Button type="primary" icon={<CheckOutlined />} disabled={selectedRows.length === 0} loading={batchRunning} data-testid="batch-approve">
              {w('batch')}
              {selectedRows.length > 0 ? `（${selectedRows.length}）` : ''}
            </Button>
          </Popconfirm>
          <Tooltip title={w('refresh')}>
            <Button icon={<ReloadOutlined />} aria-label={w('refresh')} onClick={() => void load()} />
          </Tooltip>
        </Flex>
      </Flex>
      {liveError && <Alert type="warning" showIcon title={w('liveLost')} className="approvals-alert" />}
      {loadError && (
        <Alert
          type="error"
          showIcon
          title={w('loadFailed')}
          description={loadError}
          className="approvals-alert"
          action={
            <Button size="small" onClick={() => void load()}>
              {w('refresh')}
            </Button>
          }
        />
      )}
      {outcomes && (
        <Alert
          type={outcomes.every((o) => o.ok) ? 'success' : 'warning'}
          showIcon
          closable={{ onClose: () => setOutcomes(null) }}
          className="approvals-alert"
          data-testid="batch-result"
          title={`${w('batchResult')}：${w('succeeded')} ${outcomes.filter((o) => o.ok).length} ${w('unit')}，${w('failed')} ${outcomes.filter((o) => !o.ok).length} ${w('unit')}`}
          description={
            <ul className="outcomes">
              {outcomes.map((o) => (
                <li key={o.key} className={o.ok ? 'ok' : 'refused'}>
                  <strong>{o.title}</strong>（{o.what}）—{' '}
                  {o.ok ? `${w('passed')}（${o.message}）` : <Typography.Text type="danger">{`${w('failed')}：${o.message}`}</Typography.Text>}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table<QueueRow>
        className="approval-table"
        data-testid="approval-queue"
        rowKey="key"
        size="middle"
        loading={loading}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: w('empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        rowSelection={{
          selectedRowKeys: selected.filter((k) => rowKeys.has(k)),
          onChange: (keys) => setSelected(keys.map(String)),
          preserveSelectedRowKeys: true,
          getCheckboxProps: (row) => ({ 'aria-label': `${w('select')}：${DECISIONS[row.decision].what[locale]} ${row.title}`, disabled: batchRunning }),
        }}
      />
      <ReasonModal
        row={rejecting}
        stillWaiting={rejecting ? allRows.some((r) => r.key === rejecting.key) : false}
        onClose={() => setRejecting(null)}
        onDone={(decided, row) => {
          apply(decided);
          setRejecting(null);
          setRowErrors(({ [row.key]: _gone, ...rest }) => rest);
          message.success(`${w('done')}${DECISIONS[row.decision].rejectLabel?.[locale] ?? ''}：${row.title}`);
        }}
      />
      <CardDrawer kind={openKind} id={openId} version={openVersion} onClose={closeCard} onAction={onDrawerAction} />
    </div>
  );
}
