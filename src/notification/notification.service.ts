// The inbox's rules: a person sees and marks only their own notifications (bounded by their login, never by an id
// alone); at most MAX_MARK_IDS ids at a time; the live stream passes on only the caller's.
import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/access-policy';
import { DomainError } from '../platform/errors/domain-error';
import { decodeCursor, pageSize, toConnection } from '../platform/graphql/cursor';
import type { Notification } from '../platform/graphql/graphql.generated';
import { LiveEventsService } from '../platform/live/live-events.service';
import { INBOX_ORDERING, NotificationRepository, type NotificationRow } from './notification.repository';

/** How many ids one markNotificationsRead may name. */
export const MAX_MARK_IDS = 200;
const INBOX_PAGE = { pageSize: 20, maxPageSize: 200 };

export function notificationView(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as Notification['kind'],
    campaignId: row.campaign_id,
    taskId: row.task_id,
    itemId: row.item_id,
    title: row.title,
    text: row.text,
    urgent: row.urgent,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
  };
}

@Injectable()
export class NotificationService {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly live: LiveEventsService,
  ) {}

  async page(caller: Caller, args: { first: number | null; after: string | null; unreadOnly: boolean | null }) {
    const size = pageSize(args.first, INBOX_PAGE);
    const position = args.after === null || args.after === undefined ? null : decodeCursor(args.after, INBOX_ORDERING);
    const login = await this.repository.loginOf(caller.userId);
    const rows = login === null ? [] : await this.repository.page(login, args.unreadOnly === true, position, size + 1);
    const connection = toConnection(INBOX_ORDERING, rows, size, notificationView, async () => 0);
    return { edges: connection.edges, pageInfo: connection.pageInfo, unreadCount: () => (login === null ? 0 : this.repository.unreadCount(login)) };
  }

  async markRead(caller: Caller, ids: readonly string[]): Promise<number> {
    if (ids.length > MAX_MARK_IDS) {
      throw new DomainError('BAD_USER_INPUT', `一次最多标记 ${MAX_MARK_IDS} 条消息为已读，本次有 ${ids.length} 条，请分批标记`, 'ids');
    }
    const login = await this.repository.loginOf(caller.userId);
    return login === null ? 0 : this.repository.markRead(login, ids);
  }

  async markAllRead(caller: Caller): Promise<number> {
    const login = await this.repository.loginOf(caller.userId);
    return login === null ? 0 : this.repository.markRead(login, null);
  }

  /** The caller's new notifications as they are written, on any instance; nobody else's. */
  async *added(caller: Caller): AsyncGenerator<{ notificationAdded: Notification }> {
    const source = this.live.subscribeNotifications();
    try {
      const login = await this.repository.loginOf(caller.userId);
      if (login === null) return;
      for await (const notice of source) {
        if (notice.recipientUserId !== caller.userId || notice.recipientLogin !== login) continue;
        const row = await this.repository.findForRecipient(notice.id, login);
        if (row) yield { notificationAdded: notificationView(row) };
      }
    } finally {
      await source.return?.();
    }
  }
}
