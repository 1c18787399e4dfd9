import { useState } from 'react';
import { Alert, Badge, Button, Drawer, Grid, Spin, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { ApiError } from '../api/client';
import type { InboxNotificationFragment } from '../api/graphql.generated';
import { formatTime } from '../detail/format';
import { useWords } from '../i18n';
import { DELIVERY_WORDS, INBOX_WORDS } from '../i18n/inbox';
import { NotificationSettings } from './NotificationSettings';
import { routeHref } from './navigation';
import { useInbox } from './useInbox';
import { navigate } from './useRoute';

/** Where a notification leads: its task's or item's card on the board (the board opens the card from the route). */
function cardRoute(n: InboxNotificationFragment): string | null {
  if (n.taskId) return routeHref('board', { card: n.taskId, kind: 'task' });
  if (n.itemId) return routeHref('board', { view: 'items', card: n.itemId, kind: 'item' });
  return null;
}

/** The bell in the header with the unread count; it opens the person's notifications, newest first. */
export function NotificationBell() {
  const w = useWords(INBOX_WORDS);
  const dw = useWords(DELIVERY_WORDS);
  const [settings, setSettings] = useState(false);
  const phone = Grid.useBreakpoint().md === false;
  const inbox = useInbox();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  const show = () => {
    setOpen(true);
    setFailed(null);
    void inbox.load();
  };
  const act = (run: () => Promise<void>) => run().catch((err: unknown) => setFailed(err instanceof ApiError ? err.message : String(err)));
  const openOne = (n: InboxNotificationFragment) => {
    void act(() => inbox.markRead(n));
    const href = cardRoute(n);
    if (href) {
      setOpen(false);
      navigate(href);
    }
  };

  const label = inbox.unread > 0 ? `${w('inbox')}，${inbox.unread} ${w('unread')}` : w('inbox');
  return (
    <>
      <Badge count={inbox.unread} size="small" overflowCount={99} data-testid="inbox-badge">
        <Button size="small" icon={<BellOutlined />} aria-label={label} data-testid="inbox-bell" onClick={show} />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size={phone ? '100%' : 420}
        styles={{ wrapper: { maxWidth: '100vw' }, body: { padding: 0 } }}
        title={w('inbox')}
        extra={
          <>
            <Button size="small" type="link" onClick={() => setSettings(true)} data-testid="notification-settings-open">
              {dw('settings')}
            </Button>
            <Button size="small" disabled={inbox.unread === 0} onClick={() => void act(inbox.markAllRead)}>
              {w('markAll')}
            </Button>
          </>
        }
      >
        {(failed ?? inbox.error) && <Alert type="error" showIcon title={failed ?? w('loadFailed')} description={failed ? null : inbox.error?.message} />}
        <ul className="inbox-list" data-testid="inbox-list">
          {inbox.notifications?.map((n) => (
            <li key={n.id}>
              <button type="button" className={n.readAt ? 'inbox-item' : 'inbox-item unread'} onClick={() => openOne(n)} data-testid="inbox-item">
                <span className="inbox-title">
                  {n.urgent && <Tag color="red">{w('urgent')}</Tag>}
                  {n.title}
                </span>
                <Typography.Text type="secondary" className="inbox-text">
                  {n.text}
                </Typography.Text>
                <Typography.Text type="secondary" className="inbox-time">
                  {formatTime(n.createdAt)}
                </Typography.Text>
              </button>
            </li>
          ))}
        </ul>
        {inbox.notifications?.length === 0 && !inbox.loading && <Typography.Paragraph className="inbox-empty">{w('empty')}</Typography.Paragraph>}
        {inbox.loading && <Spin className="inbox-spin" />}
        {inbox.hasMore && !inbox.loading && (
          <Button type="link" block onClick={() => void inbox.loadMore()}>
            {w('loadMore')}
          </Button>
        )}
      </Drawer>
      {settings && <NotificationSettings onClose={() => setSettings(false)} />}
    </>
  );
}
