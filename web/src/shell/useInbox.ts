// The signed-in person's inbox (站内消息): the unread count from the start, kept current by the notificationAdded
// subscription (restarted after a lost connection, with the count read again for what was missed), and the list
// of notifications, read a page at a time only once the person opens it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, gql, subscribe } from '../api/client';
import type { InboxNotificationFragment, InboxQuery, InboxUnreadQuery, MarkAllNotificationsReadMutation, MarkNotificationsReadMutation, NotificationAddedSubscription } from '../api/graphql.generated';
import { INBOX, INBOX_UNREAD, MARK_ALL_NOTIFICATIONS_READ, MARK_NOTIFICATIONS_READ, NOTIFICATION_ADDED } from './documents';

/** Notifications per page of the list. */
const INBOX_PAGE = 20;

export interface Inbox {
  unread: number;
  /** Newest first; null until the list is first opened. */
  notifications: InboxNotificationFragment[] | null;
  hasMore: boolean;
  loading: boolean;
  error: ApiError | null;
  /** The first page, again (on opening the list). */
  load(): Promise<void>;
  loadMore(): Promise<void>;
  markRead(notification: InboxNotificationFragment): Promise<void>;
  markAllRead(): Promise<void>;
}

const asApiError = (err: unknown) => (err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL_SERVER_ERROR'));

/** `added` first, then those of `list` it does not repeat. */
function prepend(list: InboxNotificationFragment[] | null, added: InboxNotificationFragment): InboxNotificationFragment[] | null {
  return list && [added, ...list.filter((n) => n.id !== added.id)];
}

export function useInbox(): Inbox {
  const [unread, setUnread] = useState(0);
  const [notifications, setNotifications] = useState<InboxNotificationFragment[] | null>(null);
  const [cursor, setCursor] = useState<{ hasMore: boolean; end: string | null }>({ hasMore: false, end: null });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const seen = useRef(new Set<string>());

  const readCount = useCallback(
    () =>
      gql<InboxUnreadQuery>(INBOX_UNREAD).then(
        (d) => setUnread(d.notifications.unreadCount),
        () => undefined, // the badge keeps its number until the next look
      ),
    [],
  );

  useEffect(() => {
    let stopped = false;
    let stop: () => void = () => undefined;
    let retry: ReturnType<typeof setTimeout> | null = null;
    const start = () => {
      stop = subscribe<NotificationAddedSubscription>(
        NOTIFICATION_ADDED,
        {},
        ({ notificationAdded: added }) => {
          if (seen.current.has(added.id)) return;
          seen.current.add(added.id);
          if (!added.readAt) setUnread((n) => n + 1);
          setNotifications((list) => prepend(list, added));
        },
        () => {
          if (stopped) return;
          stop();
          retry = setTimeout(() => {
            if (stopped) return;
            start();
            void readCount();
          }, 5_000);
        },
      );
    };
    start();
    void readCount();
    return () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      stop();
    };
  }, [readCount]);

  const page = useCallback(async (after: string | null) => {
    setLoading(true);
    try {
      const d = await gql<InboxQuery>(INBOX, { first: INBOX_PAGE, after });
      const nodes = d.notifications.edges.map((e) => e.node);
      for (const n of nodes) seen.current.add(n.id);
      setUnread(d.notifications.unreadCount);
      setNotifications((list) => (after === null || !list ? nodes : [...list, ...nodes.filter((n) => !list.some((o) => o.id === n.id))]));
      setCursor({ hasMore: d.notifications.pageInfo.hasNextPage, end: d.notifications.pageInfo.endCursor });
      setError(null);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setLoading(false);
    }
  }, []);

  const load = useCallback(() => page(null), [page]);
  const loadMore = useCallback(async () => {
    if (cursor.hasMore && !loading) await page(cursor.end);
  }, [cursor, loading, page]);

  const markRead = useCallback(async (notification: InboxNotificationFragment) => {
    if (notification.readAt) return;
    const d = await gql<MarkNotificationsReadMutation>(MARK_NOTIFICATIONS_READ, { ids: [notification.id] });
    const now = new Date().toISOString();
    setNotifications((list) => list && list.map((n) => (n.id === notification.id ? { ...n, readAt: n.readAt ?? now } : n)));
    setUnread((n) => Math.max(0, n - d.markNotificationsRead));
  }, []);

  const markAllRead = useCallback(async () => {
    await gql<MarkAllNotificationsReadMutation>(MARK_ALL_NOTIFICATIONS_READ);
    const now = new Date().toISOString();
    setNotifications((list) => list && list.map((n) => (n.readAt ? n : { ...n, readAt: now })));
    setUnread(0);
  }, []);

  return { unread, notifications, hasMore: cursor.hasMore, loading, error, load, loadMore, markRead, markAllRead };
}
