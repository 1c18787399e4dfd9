// 工作简报 / 督查通报 (统筹策划组, issue 19), a tab of 文书档案: the office drafts (optionally pre-filled from the
// month's report, the 红黑榜 and the month's findings), edits, submits and publishes; a leader approves or returns
// with a reason; every unit reads the published ones and downloads them (.docx, PDF); the head of a unit a circular
// names acknowledges it (签收), and the office sees who did. What each person may do comes from the API (can…).
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Flex, Input, InputNumber, Modal, Popconfirm, Segmented, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { ApiError, gql, uploadFile } from '../api/client';
import type {
  BriefingDetailFragment,
  BriefingKind,
  BriefingPrefillQuery,
  BriefingQuery,
  BriefingRowFragment,
  BriefingsQuery,
  BriefingUnitsQuery,
} from '../api/graphql.generated';
import { downloadFile } from '../detail/files';
import { formatTime } from '../detail/format';
import { useWords } from '../i18n';
import { useMe } from '../session/session';
import {
  ACKNOWLEDGE_BRIEFING,
  APPROVE_BRIEFING,
  BRIEFING,
  BRIEFING_PREFILL,
  BRIEFING_UNITS,
  BRIEFINGS,
  CREATE_BRIEFING,
  PUBLISH_BRIEFING,
  RETURN_BRIEFING,
  SUBMIT_BRIEFING,
  UPDATE_BRIEFING_DRAFT,
} from './documents';
import { BRIEFING_WORDS } from './words';

const STATE_COLORS: Record<string, string> = { DRAFT: 'default', SUBMITTED: 'processing', APPROVED: 'warning', PUBLISHED: 'success' };
const POLL_MS = 20_000;
const errorText = (err: unknown) => (err instanceof ApiError ? err.message : String(err));

interface DraftForm {
  kind: BriefingKind;
  title: string;
  sections: { heading: string; body: string }[];
  attachments: { id: string; name: string }[];
  namedUnitCodes: string[];
  ackDays: number;
}

const emptyForm = (kind: BriefingKind): DraftForm => ({ kind, title: '', sections: [{ heading: '一、', body: '' }], attachments: [], namedUnitCodes: [], ackDays: 3 });

export default function BriefingsTab() {
  const w = useWords(BRIEFING_WORDS);
  const me = useMe();
  const { message } = App.useApp();
  const [kind, setKind] = useState<BriefingKind | 'ALL'>('ALL');
  const [rows, setRows] = useState<BriefingRowFragment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string | null; version: number | null; form: DraftForm } | null>(null);
  const isOffice = me.role === 'OFFICE';
  const notify = useCallback((text: string, ok: boolean) => void (ok ? message.success(text) : message.error(text)), [message]);

  const [reloads, setReloads] = useState(0);
  const load = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    let live = true;
    const read = () =>
      gql<BriefingsQuery>(BRIEFINGS, { kind: kind === 'ALL' ? null : kind }).then(
        (data) => {
          if (!live) return;
          setRows(data.briefings);
          setError(null);
        },
        (err: unknown) => live && setError(`${w('loadFailed')}：${errorText(err)}`),
      );
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [kind, w, reloads]);

  const awaiting = (rows ?? []).filter((r) => r.canAcknowledge);

  const openEditor = (b: BriefingDetailFragment | null) => {
    setEditing(
      b
        ? {
            id: b.id,
            version: b.version,
            form: {
              kind: b.kind,
              title: b.title,
              sections: b.sections.map((s) => ({ ...s })),
              attachments: b.attachments.map((a) => ({ id: a.fileId, name: a.name })),
              namedUnitCodes: b.namedUnits.map((u) => u.unit.code),
              ackDays: b.ackDays,
            },
          }
        : { id: null, version: null, form: emptyForm(kind === 'ALL' ? 'WORK_BRIEFING' : kind) },
    );
  };

  return (
    <div data-testid="briefings-tab">
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <Segmented
          value={kind}
          onChange={(v) => setKind(v as BriefingKind | 'ALL')}
          options={[
            { value: 'ALL', label: w('all') },
            { value: 'WORK_BRIEFING', label: w('workBriefing') },
            { value: 'SUPERVISION_CIRCULAR', label: w('circular') },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={load}>
          {w('refresh')}
        </Button>
        {isOffice && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => openEditor(null)} data-testid="briefing-create">
            {w('create')}
          </Button>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {awaiting.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="briefings-awaiting"
          title={`${w('awaiting')}（${awaiting.length}）：${awaiting.map((r) => r.number ?? r.title).join('、')}`}
        />
      )}
      <Table<BriefingRowFragment>
        rowKey="id"
        size="middle"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        locale={{ emptyText: w('none') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' }, 'data-testid': 'briefing-row' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: w('number'), dataIndex: 'number', render: (n: string | null) => n ?? <Typography.Text type="secondary">{w('unpublished')}</Typography.Text> },
          { title: w('kind'), dataIndex: 'kindLabel' },
          { title: w('title'), dataIndex: 'title' },
          { title: w('state'), dataIndex: 'state', render: (_: string, r) => <Tag color={STATE_COLORS[r.state]}>{r.stateLabel}</Tag> },
          {
            title: w('units'),
            render: (_: unknown, r) => (r.namedUnits.length === 0 ? '—' : `${r.namedUnits.filter((u) => u.acknowledged).length}/${r.namedUnits.length}`),
          },
          { title: w('updated'), dataIndex: 'updatedAt', render: (t: string) => formatTime(t) },
        ]}
      />
      <BriefingDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onChanged={load}
        onEdit={(b) => openEditor(b)}
        notify={notify}
      />
      {editing && (
        <BriefingEditor
          key={editing.id ?? 'new'}
          editing={editing}
          onClose={() => setEditing(null)}
          onSaved={(b) => {
            setEditing(null);
            setOpenId(b.id);
            load();
          }}
        />
      )}
    </div>
  );
}

function BriefingDrawer({
  id,
  onClose,
  onChanged,
  onEdit,
  notify,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
  onEdit: (b: BriefingDetailFragment) => void;
  notify: (text: string, ok: boolean) => void;
}) {
  const w = useWords(BRIEFING_WORDS);
  const [read, setRead] = useState<{ id: string; briefing: BriefingDetailFragment } | null>(null);
  const b = read && read.id === id ? read.briefing : null;
  const setB = (briefing: BriefingDetailFragment) => setRead({ id: briefing.id, briefing });
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');

  useEffect(() => {
    let live = true;
    if (id) gql<BriefingQuery>(BRIEFING, { id }).then((d) => live && setRead({ id, briefing: d.briefing }), (err: unknown) => live && notify(errorText(err), false));
    return () => {
      live = false;
    };
  }, [id, notify]);

  const act = async (document: string, variables: Record<string, unknown>, field: string) => {
    setBusy(true);
    try {
      const data = await gql<Record<string, BriefingDetailFragment>>(document, { id: b!.id, ...variables });
      setB(data[field]);
      setNote('');
      setReason('');
      notify(`${w('done')}：${data[field].stateLabel}${data[field].number ? `（${data[field].number}）` : ''}`, true);
      onChanged();
    } catch (err) {
      notify(errorText(err), false);
    } finally {
      setBusy(false);
    }
  };

  const download = async (url: string, ext: string) => {
    try {
      await downloadFile(url, `${b!.kindLabel}（${b!.number ?? '草稿'}）${b!.title}.${ext}`);
    } catch (err) {
      notify(errorText(err), false);
    }
  };

  return (
    <Drawer open={id !== null} onClose={onClose} size={760} title={b ? (b.number ?? b.kindLabel) : ''} styles={{ wrapper: { maxWidth: '100vw' } }}>
      {b && (
        <div data-testid="briefing-detail">
          <Typography.Title level={4} style={{ textAlign: 'center' }}>
            {b.title}
          </Typography.Title>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Tag color={STATE_COLORS[b.state]} data-testid="briefing-state">
              {b.stateLabel}
            </Tag>
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(b.docxUrl, 'docx')}>
              {w('docx')}
            </Button>
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(b.pdfUrl, 'pdf')}>
              {w('pdf')}
            </Button>
          </Flex>
          {b.returnReason && b.state === 'DRAFT' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`${w('returnReason')}：${b.returnReason}`} />}
          {b.approvalNote && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`${w('approvalNote')}：${b.approvalNote}`} />}
          <Space wrap style={{ marginBottom: 12 }}>
            {b.canEdit && <Button onClick={() => onEdit(b)}>{w('edit')}</Button>}
            {b.canSubmit && (
              <Button type="primary" loading={busy} onClick={() => void act(SUBMIT_BRIEFING, {}, 'submitBriefing')}>
                {w('submit')}
              </Button>
            )}
            {b.canPublish && (
              <Popconfirm title={w('confirmPublish')} okText={w('publish')} cancelText={w('cancel')} onConfirm={() => void act(PUBLISH_BRIEFING, {}, 'publishBriefing')}>
                <Button type="primary" loading={busy}>
                  {w('publish')}
                </Button>
              </Popconfirm>
            )}
          </Space>
          {b.canApprove && (
            <Flex vertical gap={8} style={{ marginBottom: 12 }}>
              <Input placeholder={w('note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
              <Button type="primary" loading={busy} onClick={() => void act(APPROVE_BRIEFING, { note: note.trim() || null }, 'approveBriefing')}>
                {w('approve')}
              </Button>
              <Input placeholder={w('reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} data-testid="briefing-return-reason" />
              <Button danger loading={busy} disabled={reason.trim() === ''} onClick={() => void act(RETURN_BRIEFING, { reason: reason.trim() }, 'returnBriefing')}>
                {w('return')}
              </Button>
            </Flex>
          )}
          {b.canAcknowledge && (
            <Flex gap={8} style={{ marginBottom: 12 }}>
              <Input placeholder={w('note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
              <Button type="primary" loading={busy} onClick={() => void act(ACKNOWLEDGE_BRIEFING, { note: note.trim() || null }, 'acknowledgeBriefing')}>
                {w('acknowledge')}
              </Button>
            </Flex>
          )}
          <Typography.Title level={5}>{w('sections')}</Typography.Title>
          {b.sections.map((s, i) => (
            <div key={i} style={{ marginBottom: 12 }}>
              {s.heading && <Typography.Text strong>{s.heading}</Typography.Text>}
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', textIndent: '2em', marginBottom: 0 }}>{s.body}</Typography.Paragraph>
            </div>
          ))}
          {b.attachments.length > 0 && (
            <>
              <Typography.Title level={5}>{w('attachments')}</Typography.Title>
              {b.attachments.map((a) => (
                <div key={a.fileId}>
                  <Button type="link" onClick={() => void downloadFile(a.downloadUrl, a.name).catch((err: unknown) => notify(errorText(err), false))}>
                    {a.name}
                  </Button>
                </div>
              ))}
            </>
          )}
          {b.namedUnits.length > 0 && (
            <>
              <Typography.Title level={5}>
                {w('namedUnits')}
                {b.ackDueAt ? `（${w('ackDue')} ${formatTime(b.ackDueAt)}）` : ''}
              </Typography.Title>
              <Descriptions size="small" column={1} bordered data-testid="briefing-acks">
                {b.namedUnits.map((u) => (
                  <Descriptions.Item key={u.unit.code} label={u.unit.name}>
                    {u.acknowledged ? (
                      <Tag color="success">
                        {w('acknowledged')} {u.acknowledgedByName} {formatTime(u.acknowledgedAt)}
                        {u.note ? `：${u.note}` : ''}
                      </Tag>
                    ) : (
                      <Tag color={b.state === 'PUBLISHED' ? 'error' : 'default'}>{w('unacknowledged')}</Tag>
                    )}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {w('history')}
          </Typography.Title>
          <Timeline
            items={b.history.map((h) => ({
              content: (
                <span>
                  {formatTime(h.at)} {h.actorName} {h.label}
                  {h.note ? `（${h.note}）` : ''}
                </span>
              ),
            }))}
          />
        </div>
      )}
    </Drawer>
  );
}

function BriefingEditor({
  editing,
  onClose,
  onSaved,
}: {
  editing: { id: string | null; version: number | null; form: DraftForm };
  onClose: () => void;
  onSaved: (b: BriefingDetailFragment) => void;
}) {
  const w = useWords(BRIEFING_WORDS);
  const { message } = App.useApp();
  const [form, setForm] = useState<DraftForm>(editing.form);
  const [units, setUnits] = useState<{ code: string; name: string }[]>([]);
  const [month, setMonth] = useState('');
  const [sources, setSources] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const patch = (change: Partial<DraftForm>) => setForm((f) => ({ ...f, ...change }));
  const setSection = (i: number, change: Partial<{ heading: string; body: string }>) => patch({ sections: form.sections.map((s, j) => (j === i ? { ...s, ...change } : s)) });

  useEffect(() => {
    gql<BriefingUnitsQuery>(BRIEFING_UNITS).then((d) => setUnits(d.units), () => undefined);
  }, []);

  const prefill = async () => {
    setBusy(true);
    try {
      const p = (await gql<BriefingPrefillQuery>(BRIEFING_PREFILL, { kind: form.kind, month: month.trim() || null })).briefingPrefill;
      patch({ title: p.title, sections: p.sections });
      setSources(p.sources);
      message.success(w('prefilled'));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setBusy(true);
    const draft = {
      title: form.title,
      sections: form.sections,
      attachmentIds: form.attachments.map((a) => a.id),
      namedUnitCodes: form.kind === 'SUPERVISION_CIRCULAR' ? form.namedUnitCodes : [],
      ackDays: form.ackDays,
    };
    try {
      const saved = editing.id
        ? (await gql<{ updateBriefingDraft: BriefingDetailFragment }>(UPDATE_BRIEFING_DRAFT, { id: editing.id, draft, expectedVersion: editing.version })).updateBriefingDraft
        : (await gql<{ createBriefing: BriefingDetailFragment }>(CREATE_BRIEFING, { input: { kind: form.kind, draft } })).createBriefing;
      message.success(w('saved'));
      onSaved(saved);
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={editing.id ? w('editorEdit') : w('editorNew')} onCancel={onClose} onOk={() => void save()} okText={w('save')} cancelText={w('cancel')} confirmLoading={busy} width={820} destroyOnHidden>
      <Flex vertical gap={10} data-testid="briefing-editor">
        {!editing.id && (
          <Segmented
            value={form.kind}
            onChange={(v) => patch({ kind: v as BriefingKind })}
            options={[
              { value: 'WORK_BRIEFING', label: w('workBriefing') },
              { value: 'SUPERVISION_CIRCULAR', label: w('circular') },
            ]}
          />
        )}
        <Flex gap={8}>
          <Input placeholder={w('month')} value={month} onChange={(e) => setMonth(e.target.value)} style={{ maxWidth: 260 }} />
          <Button onClick={() => void prefill()} loading={busy}>
            {w('prefill')}
          </Button>
        </Flex>
        {sources.length > 0 && <Alert type="info" showIcon title={sources.join('；')} />}
        <Input placeholder={w('title')} value={form.title} onChange={(e) => patch({ title: e.target.value })} maxLength={100} data-testid="briefing-title" />
        {form.sections.map((s, i) => (
          <Flex key={i} vertical gap={4}>
            <Flex gap={8}>
              <Input placeholder={w('heading')} value={s.heading} onChange={(e) => setSection(i, { heading: e.target.value })} maxLength={50} />
              <Button danger onClick={() => patch({ sections: form.sections.filter((_, j) => j !== i) })}>
                {w('remove')}
              </Button>
            </Flex>
            <Input.TextArea placeholder={w('body')} value={s.body} onChange={(e) => setSection(i, { body: e.target.value })} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={5000} data-testid="briefing-body" />
          </Flex>
        ))}
        {form.sections.length < 20 && <Button onClick={() => patch({ sections: [...form.sections, { heading: '', body: '' }] })}>{w('addSection')}</Button>}
        {form.kind === 'SUPERVISION_CIRCULAR' && (
          <>
            <Select
              mode="multiple"
              placeholder={w('chooseUnits')}
              value={form.namedUnitCodes}
              onChange={(v: string[]) => patch({ namedUnitCodes: v })}
              options={units.map((u) => ({ value: u.code, label: u.name }))}
              optionFilterProp="label"
              data-testid="briefing-units"
            />
            <Flex gap={8} align="center">
              <Typography.Text>{w('ackDays')}</Typography.Text>
              <InputNumber min={1} max={30} value={form.ackDays} onChange={(v) => patch({ ackDays: v ?? 3 })} />
            </Flex>
          </>
        )}
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{w('attachments')}：</Typography.Text>
          {form.attachments.map((a) => (
            <Tag key={a.id} closable onClose={() => patch({ attachments: form.attachments.filter((x) => x.id !== a.id) })}>
              {a.name}
            </Tag>
          ))}
          {form.attachments.length < 10 && (
            <label>
              <input
                type="file"
                style={{ display: 'none' }}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (!file) return;
                  uploadFile(file).then(
                    (up) => patch({ attachments: [...form.attachments, { id: up.id, name: up.name }] }),
                    (err: unknown) => message.error(errorText(err)),
                  );
                }}
              />
              <Button onClick={(e) => ((e.currentTarget.previousSibling as HTMLInputElement | null)?.click())}>{w('upload')}</Button>
            </label>
          )}
        </Flex>
      </Flex>
    </Modal>
  );
}
