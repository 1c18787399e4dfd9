// The detail of one card, an indicator task or a rectification item, in a drawer (the whole screen on a phone):
// what it is and where it stands, the actions the signed-in person may take now (as buttons: the screen that
// opened the drawer runs them, with a form when they need input), evidence and photos with previews, archive
// materials, linked items, comments, and the full history. It reads the card again when `id` or `version` changes.
//
// The contract the board relies on:
//   kind: which card; id: the card to show (null: closed); onClose: the person closes it;
//   onAction(action): the person chose one of the card's allowed actions (the board runs it, with a form when it
//   needs input); version: bumps when the card changed, so that the drawer reads it again.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Flex, Grid, Input, Result, Select, Tag, Typography, Upload } from 'antd';
import { ExportOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError, gql, uploadFile } from '../api/client';
import { ITEM, TASK } from '../api/documents';
import { useI18n, useWords } from '../i18n';
import { AREA_LABELS, CLASSIFICATION_LABELS, ESCALATION_COLORS, ESCALATION_LABELS } from '../i18n/labels';
import { useMe } from '../session/session';
import { ADD_COMMENT, ASSIGN_ITEM_PERSON, ASSIGN_TASK_PERSON, UPLOAD_EVIDENCE } from './documents';
import { FileGallery } from './FileGallery';
import { AccountabilitySection } from './Accountability';
import { KeyFlagSection } from './KeyFlagSection';
import { formatDay, formatTime } from './format';
import { HistoryTimeline } from './history';
import { NoticesSection } from './Notices';
import { NOTICE_WORDS } from '../i18n/notices';
import { NotificationLog } from './NotificationLog';
import { DELIVERY_WORDS } from '../i18n/inbox';
import { METHOD_WORDS, REVIEW_WORDS, actionLabel, wordOf } from '../i18n/detail';
import type { ItemDetail, TaskDetail } from './types';
import './detail.css';
import type {
  DetailAddCommentMutation,
  DetailAssignItemPersonMutation,
  DetailAssignTaskPersonMutation,
  DetailUploadEvidenceMutation,
  ItemQuery,
  TaskQuery,
} from '../api/graphql.generated';
import { DRAWER_WORDS as WORDS } from '../i18n/detail';

export interface CardDrawerProps {
  kind: 'task' | 'item';
  id: string | null;
  version?: number;
  onClose(): void;
  onAction(action: string): void;
}

type Loaded = { kind: 'task'; data: TaskDetail } | { kind: 'item'; data: ItemDetail };

const MATERIAL_COLORS: Record<string, string> = { MISSING: 'default', SUBMITTED: 'processing', ACCEPTED: 'success', RETURNED: 'error' };
/** Moves that decide on someone's submission: shown as the main buttons. */
const DECISIONS = new Set(['CONFIRM_SELF_CHECK', 'APPROVE_RECTIFICATION', 'APPROVE_EXTENSION', 'ACCEPT_ARCHIVE_MATERIAL', 'START_ARCHIVING', 'VERIFY', 'APPROVE_DISPATCH_RETURN']);
const OPERATOR_ROLES = new Set(['OFFICE', 'LEADER']);
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export default function CardDrawer(props: CardDrawerProps) {
  return <DetailDrawer {...props} />;
}

/**
 * The drawer itself; a linked card opens in a second drawer over it (`onAction` absent: its actions are taken where
 * that card is on the board).
 */
function DetailDrawer({ kind, id, version, onClose, onAction }: Omit<CardDrawerProps, 'onAction'> & { onAction?(action: string): void }) {
  const w = useWords(WORDS);
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);
  // What the last answered request was, and how it ended: the drawer is loading until the current one answers.
  const [answered, setAnswered] = useState<{ key: string; error: ApiError | null } | null>(null);
  const [linked, setLinked] = useState<{ from: string; kind: 'task' | 'item'; id: string } | null>(null);
  const requestKey = id ? `${kind}\n${id}\n${version ?? ''}\n${attempt}` : null;

  useEffect(() => {
    if (!id || !requestKey) return;
    let live = true;
    const request =
      kind === 'task'
        ? gql<TaskQuery>(TASK, { id }).then((d): Loaded => ({ kind: 'task', data: d.indicatorTask }))
        : gql<ItemQuery>(ITEM, { id }).then((d): Loaded => ({ kind: 'item', data: d.rectificationItem }));
    request
      .then((next) => {
        if (!live) return;
        setLoaded(next);
        setAnswered({ key: requestKey, error: null });
      })
      .catch((err: unknown) => live && setAnswered({ key: requestKey, error: err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL_SERVER_ERROR') }));
    return () => {
      live = false;
    };
  }, [kind, id, requestKey]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // Only this card: nothing of the last one stays on screen while another loads.
  const current = loaded && loaded.data.id === id && loaded.kind === kind ? loaded : null;
  const loading = requestKey !== null && answered?.key !== requestKey;
  const error = !loading && answered ? answered.error : null;
  const linkedHere = linked && linked.from === id ? linked : null;
  const openLinked = (next: { kind: 'task' | 'item'; id: string }) => id && setLinked({ from: id, ...next });

  const title = !current
    ? kind === 'task'
      ? ''
      : w('item')
    : current.kind === 'task'
      ? `${current.data.indicator.code} ${current.data.indicator.name}`
      : `${w('item')} · ${current.data.stateLabel}`;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={phone ? '100%' : 760}
      styles={{ wrapper: { maxWidth: '100vw' }, body: { paddingTop: 12 } }}
      title={title || w('loading')}
      extra={
        current?.kind === 'task' && <TemporalLink url={current.data.temporalUiUrl} label={w('temporal')} />
      }
      loading={loading && !current && !error}
      // The actions stay in sight however far the person scrolls, on a phone too.
      footer={current && <ActionButtons kind={current.kind} actions={current.data.allowedActions} onAction={onAction} />}
      destroyOnHidden
      rootClassName="card-drawer"
      data-testid="card-drawer"
    >
      {error && !current && (
        <Result
          status="error"
          title={w('loadFailed')}
          subTitle={error.message}
          extra={
            <Button icon={<ReloadOutlined />} onClick={retry}>
              {w('retry')}
            </Button>
          }
        />
      )}
      {error && current && (
        <Alert
          type="warning"
          showIcon
          className="detail-alert"
          title={`${w('reloadFailed')}：${error.message}`}
          action={
            <Button size="small" onClick={retry}>
              {w('retry')}
            </Button>
          }
        />
      )}
      {current?.kind === 'task' && (
        <TaskBody task={current.data} onChanged={(data) => setLoaded({ kind: 'task', data })} onOpenItem={(itemId) => openLinked({ kind: 'item', id: itemId })} />
      )}
      {current?.kind === 'item' && (
        <ItemBody item={current.data} onChanged={(data) => setLoaded({ kind: 'item', data })} onOpenTask={(taskId) => openLinked({ kind: 'task', id: taskId })} />
      )}
      {linkedHere && <DetailDrawer kind={linkedHere.kind} id={linkedHere.id} onClose={() => setLinked(null)} />}
      <span className="visually-hidden" aria-live="polite">
        {loading && current ? w('loading') : ''}
      </span>
    </Drawer>
  );
}

function TemporalLink({ url, label }: { url: string | null; label: string }) {
  const me = useMe();
  // Operators only; never anything but an http(s) address.
  if (!url || !OPERATOR_ROLES.has(me.role) || !/^https?:\/\//.test(url)) return null;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" data-testid="temporal-link">
      <ExportOutlined /> {label}
    </a>
  );
}

function Section({ title, children, testId }: { title: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className="detail-section" data-testid={testId}>
      <Typography.Title level={5} className="detail-section-title">
        {title}
      </Typography.Title>
      {children}
    </section>
  );
}

function ActionButtons({ kind, actions, onAction }: { kind: 'task' | 'item'; actions: string[]; onAction?(action: string): void }) {
  const w = useWords(WORDS);
  const { locale } = useI18n();
  if (actions.length === 0) return <Typography.Text type="secondary" data-testid="card-actions">{w('noActions')}</Typography.Text>;
  if (!onAction) return <Typography.Text type="secondary">{w('openToAct')}</Typography.Text>;
  return (
    <Flex wrap gap={8} align="center" data-testid="card-actions" role="group" aria-label={w('actions')}>
      {actions.map((a) => (
        <Button key={a} type={DECISIONS.has(a) ? 'primary' : 'default'} onClick={() => onAction(a)}>
          {actionLabel(kind, a, locale)}
        </Button>
      ))}
    </Flex>
  );
}

function TaskBody({ task, onChanged, onOpenItem }: { task: TaskDetail; onChanged(task: TaskDetail): void; onOpenItem(id: string): void }) {
  const w = useWords(WORDS);
  const nw = useWords(NOTICE_WORDS);
  const logTitle = useWords(DELIVERY_WORDS);
  const { locale } = useI18n();
  const ind = task.indicator;
  const accepted = task.archiveMaterials.filter((m) => m.status === 'ACCEPTED').length;
  const rows: { label: string; value: ReactNode }[] = [
    { label: w('itemName'), value: ind.itemName },
    { label: w('unit'), value: task.unit.name },
    {
      label: w('responsible'),
      value: (
        <ResponsiblePerson
          person={task.responsiblePerson}
          candidates={task.responsiblePersonCandidates}
          assign={async (login) => (await gql<DetailAssignTaskPersonMutation>(ASSIGN_TASK_PERSON, { input: { taskId: task.id, login, expectedVersion: task.version } })).assignTaskResponsiblePerson}
          onChanged={onChanged}
        />
      ),
    },
    { label: w('leadUnit'), value: task.leadUnit.name },
    { label: w('stage'), value: task.stageLabel },
    { label: w('classification'), value: task.classification ? (CLASSIFICATION_LABELS[task.classification] ?? task.classification) : w('none') },
    { label: w('awaiting'), value: task.awaitingReview ? <Tag color="blue">{wordOf(REVIEW_WORDS, task.awaitingReview, locale)}</Tag> : w('none') },
    { label: w('stageDue'), value: task.stageDueAt ? formatDay(task.stageDueAt) : w('none') },
    { label: w('due'), value: formatDay(task.dueAt) },
    {
      label: w('escalation'),
      value: task.escalationLevel ? <Tag color={ESCALATION_COLORS[task.escalationLevel]}>{ESCALATION_LABELS[task.escalationLevel]}</Tag> : w('none'),
    },
    ...(task.rectificationPlan ? [{ label: w('plan'), value: `${task.rectificationPlan.plan}（${w('planDeadline')} ${formatDay(task.rectificationPlan.deadline)}）` }] : []),
    ...(task.failedCriteria.length ? [{ label: w('failed'), value: task.failedCriteria.join('、') }] : []),
    ...(task.nextRecheckAt ? [{ label: w('nextRecheck'), value: `${formatDay(task.nextRecheckAt)}${task.recheckDue ? w('recheckDue') : ''}` }] : []),
    { label: w('relapses'), value: String(task.relapseCount) },
    { label: w('method'), value: `${wordOf(METHOD_WORDS, ind.method, locale)} · ${ind.points} ${w('points')}` },
    ...(ind.standard ? [{ label: w('standard'), value: ind.standard }] : []),
  ];
  return (
    <div className="detail-body" data-kind="task">
      {task.pendingExtension && (
        <Alert
          type="info"
          showIcon
          className="detail-alert"
          title={`${w('extension')}：${w('extensionUntil')} ${formatDay(task.pendingExtension.requestedDueAt)}`}
          description={task.pendingExtension.reason}
        />
      )}
      <Section title={w('overview')}>
        <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }} items={rows.map((r, i) => ({ key: i, label: r.label, children: r.value }))} />
      </Section>
      <NoticesSection kind="task" id={task.id} version={task.version} title={(n) => `${nw('notices')}（${n}）`} />
      <Section title={`${w('evidence')}（${task.evidence.length}）`} testId="evidence">
        <FileGallery
          files={task.evidence.map((e) => ({
            ...e,
            caption: (
              <>
                {e.uploadedBy.displayName} · {formatTime(e.at)}
                {e.note && <div className="prewrap">{e.note}</div>}
              </>
            ),
          }))}
          empty={<Typography.Text type="secondary">{w('noEvidence')}</Typography.Text>}
        />
        {task.sideActions.includes('ATTACH_EVIDENCE') && <EvidenceUpload taskId={task.id} onChanged={onChanged} />}
      </Section>
      {task.archiveMaterials.length > 0 && (
        <Section title={`${w('materials')}（${w('accepted')} ${accepted} / ${task.archiveMaterials.length}）`} testId="materials">
          <ul className="detail-list">
            {task.archiveMaterials.map((m) => (
              <li key={m.code} data-material={m.code}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{m.name}</Typography.Text>
                  <Tag color={MATERIAL_COLORS[m.status]}>{m.statusLabel}</Tag>
                </Flex>
                {m.file ? (
                  <FileGallery files={[{ ...m.file }]} />
                ) : (
                  <Typography.Text type="secondary">{w('notHandedIn')}</Typography.Text>
                )}
                <div className="file-meta">
                  {m.submittedBy && m.submittedAt && `${m.submittedBy.displayName} ${w('submittedBy')} · ${formatTime(m.submittedAt)}`}
                  {m.reviewedBy && m.reviewedAt && `；${m.reviewedBy.displayName} ${m.status === 'RETURNED' ? w('returnedBy') : w('reviewedBy')} · ${formatTime(m.reviewedAt)}`}
                </div>
                {m.note && <div className="prewrap">{m.note}</div>}
                {m.returnReason && (
                  <div>
                    <Typography.Text type="secondary">{w('returnReason')}：</Typography.Text>
                    {m.returnReason}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title={`${w('linked')}（${task.linkedItems.length}）`} testId="linked-items">
        {task.linkedItems.length === 0 ? (
          <Typography.Text type="secondary">{w('noLinked')}</Typography.Text>
        ) : (
          <ul className="detail-list">
            {task.linkedItems.map((i) => (
              <li key={i.id}>
                <Tag>{i.stateLabel}</Tag>
                <Button type="link" className="inline-link" onClick={() => onOpenItem(i.id)}>
                  {i.description}
                </Button>
                {i.unit && <Typography.Text type="secondary"> · {i.unit.name}</Typography.Text>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <KeyFlagSection card={{ kind: 'task', data: task }} onChanged={(c) => c.kind === 'task' && onChanged(c.data)} />
      <AccountabilitySection card={{ kind: 'task', data: task }} unitCode={task.unit.code} onChanged={(c) => c.kind === 'task' && onChanged(c.data)} />
      <Section title={`${w('comments')}（${task.comments.length}）`} testId="comments">
        {task.comments.length === 0 ? (
          <Typography.Text type="secondary">{w('noComments')}</Typography.Text>
        ) : (
          <ol className="detail-list comments">
            {task.comments.map((c, i) => (
              <li key={i} data-testid="comment">
                <div>
                  <Typography.Text strong>{c.author.displayName}</Typography.Text>
                  <Typography.Text type="secondary"> · {formatTime(c.at)}</Typography.Text>
                </div>
                <div className="prewrap">{c.text}</div>
              </li>
            ))}
          </ol>
        )}
        {task.sideActions.includes('ADD_COMMENT') && <CommentForm taskId={task.id} onChanged={onChanged} />}
      </Section>
      <Section title={logTitle('log')} testId="notification-log-section">
        <NotificationLog kind="task" id={task.id} refreshKey={task.history.length} />
      </Section>
      <Section title={w('history')}>
        <HistoryTimeline history={task.history} />
      </Section>
    </div>
  );
}

/**
 * Sends one change to the task from the drawer: while it is sent, `sending`; then the task as it now stands goes to
 * `onChanged`, the form is emptied (`reset`) and `done` is said; a refusal stays in `error`, under the form.
 */
function useTaskChange(onChanged: (task: TaskDetail) => void) {
  const { message } = App.useApp();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = async (send: () => Promise<TaskDetail>, reset: () => void, done: string) => {
    setSending(true);
    setError(null);
    try {
      onChanged(await send());
      reset();
      message.success(done);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  };
  return { sending, error, setError, change };
}

/**
 * The 责任人: their name, and for whoever may name one (the unit head, the office: the API lists the unit's people
 * only to them) a choice of the unit's people. The card as it stands after the change goes to `onChanged`.
 */
function ResponsiblePerson<T>({
  person,
  candidates,
  assign,
  onChanged,
}: {
  person: { login: string; name: string } | null;
  candidates: { login: string; name: string }[];
  assign(login: string): Promise<T>;
  onChanged(card: T): void;
}) {
  const w = useWords(WORDS);
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choose = async (login: string) => {
    setSending(true);
    setError(null);
    try {
      onChanged(await assign(login));
      setEditing(false);
      message.success(w('responsibleAssigned'));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  };
  const name = person ? (
    <Typography.Text data-testid="responsible-person">
      {person.name}
      <Typography.Text type="secondary"> （{person.login}）</Typography.Text>
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary" data-testid="responsible-person">
      {w('noResponsible')}
    </Typography.Text>
  );
  if (candidates.length === 0) return name;
  return (
    <Flex gap={8} align="center" wrap>
      {name}
      {editing ? (
        <Select
          size="small"
          autoFocus
          defaultOpen
          showSearch
          optionFilterProp="label"
          loading={sending}
          disabled={sending}
          style={{ minWidth: 180 }}
          placeholder={w('choosePerson')}
          aria-label={w('choosePerson')}
          options={candidates.filter((c) => c.login !== person?.login).map((c) => ({ value: c.login, label: `${c.name}（${c.login}）` }))}
          onChange={(login: string) => void choose(login)}
          onBlur={() => !sending && setEditing(false)}
        />
      ) : (
        <Button size="small" onClick={() => setEditing(true)} data-testid="assign-responsible">
          {person ? w('changeResponsible') : w('assignResponsible')}
        </Button>
      )}
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}

function CommentForm({ taskId, onChanged }: { taskId: string; onChanged(task: TaskDetail): void }) {
  const w = useWords(WORDS);
  const [text, setText] = useState('');
  const { sending, error, setError, change } = useTaskChange(onChanged);
  const send = async () => {
    if (!text.trim()) {
      setError(w('commentRequired'));
      return;
    }
    const comment = async () => (await gql<DetailAddCommentMutation>(ADD_COMMENT, { input: { taskId, text } })).addComment;
    await change(comment, () => setText(''), w('commented'));
  };
  return (
    <div className="comment-form">
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label={w('commentText')}
        placeholder={w('commentPlaceholder')}
        autoSize={{ minRows: 2, maxRows: 6 }}
        maxLength={2000}
        status={error ? 'error' : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void send();
        }}
      />
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
      <Button type="primary" loading={sending} onClick={() => void send()}>
        {w('addComment')}
      </Button>
    </div>
  );
}

function EvidenceUpload({ taskId, onChanged }: { taskId: string; onChanged(task: TaskDetail): void }) {
  const w = useWords(WORDS);
  const [note, setNote] = useState('');
  const { sending, error, setError, change } = useTaskChange(onChanged);
  const send = async (file: File) => {
    setError(null);
    if (file.size > MAX_UPLOAD_BYTES) return setError(w('tooLarge'));
    const attach = async () => {
      const uploaded = await uploadFile(file);
      return (await gql<DetailUploadEvidenceMutation>(UPLOAD_EVIDENCE, { input: { taskId, fileId: uploaded.id, note: note.trim() || null } })).uploadEvidence;
    };
    await change(attach, () => setNote(''), w('attached'));
  };
  return (
    <Flex className="evidence-upload" gap={8} wrap>
      <Input className="evidence-note" value={note} onChange={(e) => setNote(e.target.value)} placeholder={w('attachNote')} aria-label={w('attachNote')} maxLength={200} />
      <Upload
        accept=".jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={sending}>
          {w('attach')}
        </Button>
      </Upload>
      {error && (
        <Typography.Text type="danger" role="alert" className="evidence-error">
          {error}
        </Typography.Text>
      )}
    </Flex>
  );
}

function ItemBody({ item, onChanged, onOpenTask }: { item: ItemDetail; onChanged(item: ItemDetail): void; onOpenTask(id: string): void }) {
  const w = useWords(WORDS);
  const nw = useWords(NOTICE_WORDS);
  const logTitle = useWords(DELIVERY_WORDS);
  const rows: { label: string; value: ReactNode }[] = [
    { label: w('description'), value: <span className="prewrap">{item.description}</span> },
    { label: w('state'), value: item.stateLabel },
    { label: w('source'), value: item.sourceLabel },
    { label: w('area'), value: item.area ? (AREA_LABELS[item.area] ?? item.area) : w('none') },
    { label: w('address'), value: item.location.address },
    ...(item.location.latitude != null ? [{ label: w('coordinates'), value: `${item.location.latitude}, ${item.location.longitude}` }] : []),
    { label: w('unit'), value: item.unit ? item.unit.name : w('toDispatch') },
    ...(item.unit
      ? [
          {
            label: w('responsible'),
            value: (
              <ResponsiblePerson
                person={item.responsiblePerson}
                candidates={item.responsiblePersonCandidates}
                assign={async (login) => (await gql<DetailAssignItemPersonMutation>(ASSIGN_ITEM_PERSON, { input: { itemId: item.id, login, expectedVersion: item.version } })).assignItemResponsiblePerson}
                onChanged={onChanged}
              />
            ),
          },
        ]
      : []),
    { label: w('itemDue'), value: item.dueAt ? formatDay(item.dueAt) : w('atDispatch') },
    {
      label: w('escalation'),
      value: item.escalationLevel ? <Tag color={ESCALATION_COLORS[item.escalationLevel]}>{ESCALATION_LABELS[item.escalationLevel]}</Tag> : w('none'),
    },
    ...(item.recheckAt ? [{ label: w('recheck'), value: `${formatDay(item.recheckAt)}${item.state === 'RECHECK' ? w('recheckDue') : ''}` }] : []),
    { label: w('relapses'), value: String(item.relapseCount) },
    { label: w('duplicates'), value: `${item.duplicateReports} ${w('times')}` },
    { label: w('reportedBy'), value: item.reportedBy ? item.reportedBy.displayName : w('covert') },
    { label: w('reportedAt'), value: formatTime(item.createdAt) },
    ...(item.indicatorTaskId
      ? [
          {
            label: w('task'),
            value: (
              <Button type="link" className="inline-link" onClick={() => onOpenTask(item.indicatorTaskId!)}>
                {w('openTask')}
              </Button>
            ),
          },
        ]
      : []),
    ...(item.criterionCode ? [{ label: w('criterion'), value: item.criterionCode }] : []),
    ...(item.returnReason ? [{ label: w('lastReturn'), value: item.returnReason }] : []),
  ];
  const sub = item.submission;
  return (
    <div className="detail-body" data-kind="item">
      {item.pendingExtension && (
        <Alert
          type="info"
          showIcon
          className="detail-alert"
          title={`${w('extension')}${item.pendingExtension.requestedDueAt ? `：${w('extensionUntil')} ${formatDay(item.pendingExtension.requestedDueAt)}` : ''}`}
          description={item.pendingExtension.reason}
        />
      )}
      {item.pendingDispatchReturn && <Alert type="info" showIcon className="detail-alert" title={w('dispatchReturn')} description={item.pendingDispatchReturn.reason} />}
      <Section title={w('overview')}>
        <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }} items={rows.map((r, i) => ({ key: i, label: r.label, children: r.value }))} />
      </Section>
      <NoticesSection kind="item" id={item.id} version={item.version} title={(n) => `${nw('notices')}（${n}）`} />
      <Section title={`${w('photos')}（${item.photos.length}）`} testId="photos">
        <FileGallery files={item.photos} empty={<Typography.Text type="secondary">{w('noPhotos')}</Typography.Text>} />
      </Section>
      {sub && (
        <Section title={w('submission')} testId="submission">
          <Typography.Text type="secondary">
            {sub.submittedBy.displayName} {w('submittedAt')} {formatTime(sub.submittedAt)}
          </Typography.Text>
          <p className="prewrap">{sub.note}</p>
          <Typography.Text strong>
            {w('afterPhotos')}（{sub.photos.length}）
          </Typography.Text>
          <FileGallery files={sub.photos} empty={<Typography.Text type="secondary">{w('noPhotos')}</Typography.Text>} />
        </Section>
      )}
      <Section title={logTitle('log')} testId="notification-log-section">
        <NotificationLog kind="item" id={item.id} refreshKey={item.history.length} />
      </Section>
      <KeyFlagSection card={{ kind: 'item', data: item }} onChanged={(c) => c.kind === 'item' && onChanged(c.data)} />
      <AccountabilitySection card={{ kind: 'item', data: item }} unitCode={item.unit?.code ?? null} onChanged={(c) => c.kind === 'item' && onChanged(c.data)} />
      <Section title={w('history')}>
        <HistoryTimeline history={item.history} />
      </Section>
    </div>
  );
}
