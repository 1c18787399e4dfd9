// The official notices of a card (督办通知单, 整改通知书, 约谈通知书): number, kind, when issued, when acknowledged
// (签收) or 未签收 with its deadline, a download of the .docx, and the 签收 button for the head of the notice's unit
// (canAcknowledge, decided by the API with the workflow's own rule). Read on their own, again whenever the card changes.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Flex, Input, Popconfirm, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError, gql } from '../api/client';
import type { AcknowledgeNoticeMutation, ItemNoticesQuery, NoticeFragment, TaskNoticesQuery } from '../api/graphql.generated';
import { useI18n, useWords } from '../i18n';
import { NOTICE_KIND_WORDS, NOTICE_WORDS } from '../i18n/notices';
import { ACKNOWLEDGE_NOTICE, ITEM_NOTICES, TASK_NOTICES } from './documents';
import { downloadFile } from './files';
import { formatTime } from './format';

export function NoticesSection({ kind, id, version, title }: { kind: 'task' | 'item'; id: string; version: number; title: (count: number) => ReactNode }) {
  const w = useWords(NOTICE_WORDS);
  const { locale } = useI18n();
  const { message } = App.useApp();
  const [notices, setNotices] = useState<NoticeFragment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [note, setNote] = useState('');

  // When the notices were read: what 逾期 is judged against (render stays pure).
  const [readAt, setReadAt] = useState(0);

  useEffect(() => {
    let live = true;
    const read =
      kind === 'task'
        ? gql<TaskNoticesQuery>(TASK_NOTICES, { id }).then((d) => d.indicatorTask.officialNotices)
        : gql<ItemNoticesQuery>(ITEM_NOTICES, { id }).then((d) => d.rectificationItem.officialNotices);
    read.then(
      (data) => {
        if (!live) return;
        setNotices(data);
        setReadAt(Date.now());
        setError(null);
      },
      (err: unknown) => live && setError(err instanceof ApiError ? err.message : w('loadFailed')),
    );
    return () => {
      live = false;
    };
  }, [kind, id, version, w]);

  const acknowledge = async (n: NoticeFragment) => {
    setBusy(n.id);
    try {
      const done = (await gql<AcknowledgeNoticeMutation>(ACKNOWLEDGE_NOTICE, { id: n.id, note: note.trim() || null })).acknowledgeOfficialNotice;
      setNotices((list) => list?.map((x) => (x.id === done.id ? done : x)) ?? null);
      setNote('');
      message.success(`${w('acknowledged')}：${done.number}`);
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const download = async (n: NoticeFragment) => {
    try {
      await downloadFile(n.downloadUrl, `${n.kindLabel}（${n.number}）.docx`);
    } catch (err) {
      message.error(err instanceof ApiError ? err.message : String(err));
    }
  };

  const list = notices ?? [];
  return (
    <section className="detail-section" data-testid="official-notices">
      <Typography.Title level={5} className="detail-section-title">
        {title(list.length)}
      </Typography.Title>
      {error && <Alert type="error" showIcon title={error} />}
      {notices && list.length === 0 && <Typography.Text type="secondary">{w('none')}</Typography.Text>}
      <ul className="detail-list">
        {list.map((n) => {
          const overdue = n.state === 'ISSUED' && Date.parse(n.ackDueAt) < readAt;
          return (
            <li key={n.id} data-testid="official-notice" data-number={n.number}>
              <Flex wrap gap={8} align="center">
                <Tag color={n.kind === 'INTERVIEW' ? 'red' : n.kind === 'SUPERVISION' ? 'orange' : 'gold'}>{locale === 'zh' ? n.kindLabel : (NOTICE_KIND_WORDS[n.kind]?.en ?? n.kindLabel)}</Tag>
                <Typography.Text strong>{n.number}</Typography.Text>
                <Typography.Text type="secondary">
                  {w('issued')} {formatTime(n.issuedAt)}
                </Typography.Text>
                {n.acknowledgedAt ? (
                  <Tag color="success" data-testid="notice-acknowledged">
                    {w('acknowledgedAt')} {formatTime(n.acknowledgedAt)}
                    {n.acknowledgedByName ? `（${n.acknowledgedByName}）` : ''}
                  </Tag>
                ) : (
                  <Tag color={overdue ? 'error' : 'warning'} data-testid="notice-unacknowledged">
                    {w('unacknowledged')} · {w('ackDue')} {formatTime(n.ackDueAt)}
                    {overdue ? ` · ${w('overdue')}` : ''}
                  </Tag>
                )}
                <Button size="small" icon={<DownloadOutlined />} onClick={() => void download(n)}>
                  {w('download')}
                </Button>
                {n.canAcknowledge && (
                  <Popconfirm
                    title={w('confirmTitle')}
                    description={<Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder={w('ackNote')} autoSize={{ minRows: 2 }} style={{ width: 260 }} />}
                    onConfirm={() => acknowledge(n)}
                    okText={w('acknowledge')}
                  >
                    <Button size="small" type="primary" loading={busy === n.id}>
                      {w('acknowledge')}
                    </Button>
                  </Popconfirm>
                )}
              </Flex>
              <Typography.Text type="secondary" className="prewrap">
                {n.title}
                {n.note ? ` · ${n.note}` : ''}
              </Typography.Text>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
