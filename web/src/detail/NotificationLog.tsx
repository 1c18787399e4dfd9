// 通知记录 on a card: each notification the card caused, its recipient, whether they read it in the inbox, and how
// each channel went (送达 / 失败 / 待发送 / 未发送, with the time or the reason). Read again when the card changes.
import { useEffect, useState } from 'react';
import { Tag, Tooltip, Typography } from 'antd';
import { ApiError, gql } from '../api/client';
import type { NotificationLogQuery } from '../api/graphql.generated';
import { useWords } from '../i18n';
import { CHANNEL_WORDS, DELIVERY_STATUS_WORDS, DELIVERY_WORDS, INBOX_WORDS } from '../i18n/inbox';
import { NOTIFICATION_LOG } from './documents';
import { formatTime } from './format';

const STATUS_COLOURS: Record<string, string> = { SENT: 'green', FAILED: 'red', PENDING: 'blue', SKIPPED: 'default' };

export function NotificationLog({ kind, id, refreshKey }: { kind: 'task' | 'item'; id: string; refreshKey: unknown }) {
  const w = useWords(DELIVERY_WORDS);
  const inbox = useWords(INBOX_WORDS);
  const channelWord = useWords(CHANNEL_WORDS);
  const statusWord = useWords(DELIVERY_STATUS_WORDS);
  const [log, setLog] = useState<NotificationLogQuery['notificationLog'] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    gql<NotificationLogQuery>(NOTIFICATION_LOG, kind === 'task' ? { taskId: id } : { itemId: id })
      .then((d) => live && (setLog(d.notificationLog), setError(null)))
      .catch((err: unknown) => live && setError(err instanceof ApiError ? err.message : String(err)));
    return () => {
      live = false;
    };
  }, [kind, id, refreshKey]);

  if (error) return <Typography.Text type="secondary">{w('logFailed')}：{error}</Typography.Text>;
  if (log === null) return null;
  if (log.length === 0) return <Typography.Text type="secondary">{w('logEmpty')}</Typography.Text>;
  return (
    <ol className="detail-list notification-log" data-testid="notification-log">
      {log.map((n) => (
        <li key={n.notificationId}>
          <div>
            {n.urgent && <Tag color="red">{inbox('urgent')}</Tag>}
            <Typography.Text strong>{n.recipientName}</Typography.Text>
            <Typography.Text type="secondary"> · {formatTime(n.createdAt)}</Typography.Text>
          </div>
          <div>{n.title}</div>
          <div>
            <Tag color={n.readAt ? 'green' : 'default'}>
              {inbox('inbox')}：{n.readAt ? `${w('read')} ${formatTime(n.readAt)}` : w('unreadOne')}
            </Tag>
            {n.deliveries.map((d) => {
              const detail = [d.sentAt ? formatTime(d.sentAt) : null, d.reason, d.lastError && d.status !== 'SENT' ? d.lastError : null, d.attempts > 1 ? `${d.attempts} ${w('attempts')}` : null]
                .filter(Boolean)
                .join('；');
              return (
                <Tooltip key={d.channel} title={detail || null}>
                  <Tag color={STATUS_COLOURS[d.status]} data-testid={`delivery-${d.channel}`}>
                    {channelWord(d.channel)}：{statusWord(d.status)}
                    {d.status === 'SENT' && d.sentAt ? ` ${formatTime(d.sentAt)}` : ''}
                  </Tag>
                </Tooltip>
              );
            })}
          </div>
        </li>
      ))}
    </ol>
  );
}
