// Delivery beyond the inbox, as people see it (issue 16): their own preferences (channels, quiet hours), and the
// notification log of a card, shown to whoever may see the card (a unit only its own tasks and items).
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../auth/access-policy';
import { mayReadUnit, visibleUnit } from '../auth/access-policy';
import { CONFIG } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { DomainError } from '../platform/errors/domain-error';
import type {
  DeliveryStatus,
  NotificationDelivery,
  NotificationLogEntry,
  NotificationPreferences,
  NotificationPreferencesInput,
} from '../platform/graphql/graphql.generated';
import { configuredChannelNames } from './channels/channels';
import type { DeliveryChannel } from './channels/notification-channel';
import { NotificationDeliveryRepository, type CardLogRow } from './notification-delivery.repository';
import { DEFAULT_PREFERENCES, isDeliveryChannel, validatePreferences, type Preferences } from './notification-preferences';
import { DEFAULT_QUIET_HOURS } from '../../workflows/notification-delivery/notification-delivery.schedule';

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = { SENT: '送达', FAILED: '失败', PENDING: '待发送', SKIPPED: '未发送' };
/** Ids are short; anything longer is not one. */
const MAX_ID_LENGTH = 200;

@Injectable()
export class NotificationDeliveryService {
  private readonly available: DeliveryChannel[];

  constructor(
    private readonly repository: NotificationDeliveryRepository,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.available = configuredChannelNames(config.notifications);
  }

  private view(preferences: Preferences): NotificationPreferences {
    const quiet = preferences.quietHours ?? DEFAULT_QUIET_HOURS;
    return {
      availableChannels: this.available,
      channels: preferences.channels ?? this.available,
      defaultChannels: preferences.channels === null,
      quietHoursEnabled: preferences.quietHours !== null,
      quietStart: quiet.start,
      quietEnd: quiet.end,
    };
  }

  private async login(caller: Caller): Promise<string> {
    const login = await this.repository.loginOf(caller.userId);
    if (login === null) throw new DomainError('FORBIDDEN', '只有人员账号才有通知偏好');
    return login;
  }

  async preferences(caller: Caller): Promise<NotificationPreferences> {
    const login = await this.repository.loginOf(caller.userId);
    return this.view(login === null ? DEFAULT_PREFERENCES : await this.repository.preferences(login));
  }

  async updatePreferences(caller: Caller, input: NotificationPreferencesInput): Promise<NotificationPreferences> {
    const login = await this.login(caller);
    const next = validatePreferences(input, await this.repository.preferences(login));
    await this.repository.savePreferences(login, next);
    return this.view(next);
  }

  /** The log of the card, newest notification first; a card the caller may not see is not found. */
  async cardLog(caller: Caller, args: { taskId?: string | null; itemId?: string | null }): Promise<NotificationLogEntry[]> {
    const taskId = args.taskId ?? null;
    const itemId = args.itemId ?? null;
    if ((taskId === null) === (itemId === null)) throw new DomainError('BAD_USER_INPUT', '请给出任务编号（taskId）或整改问题编号（itemId）中的一个', taskId === null ? 'taskId' : 'itemId');
    const id = (taskId ?? itemId) as string;
    if (id.length > MAX_ID_LENGTH) throw new DomainError('BAD_USER_INPUT', `编号过长（最多 ${MAX_ID_LENGTH} 个字符）`, taskId !== null ? 'taskId' : 'itemId');
    let visible: boolean;
    if (taskId !== null) {
      const units = await this.repository.taskUnits(taskId);
      const own = visibleUnit(caller);
      visible = units !== null && (own === null || units.unitCode === own || units.leadUnitCode === own);
    } else {
      const unit = await this.repository.itemUnit(id);
      visible = unit !== null && mayReadUnit(caller, unit.unitCode);
    }
    if (!visible) throw new DomainError('NOT_FOUND', `${taskId !== null ? '任务' : '整改问题'}「${id.slice(0, 80)}」不存在或无权查看`);
    const rows = await this.repository.cardLog(taskId !== null ? { taskId } : { itemId: id });
    return groupLog(rows);
  }
}

function delivery(row: CardLogRow): NotificationDelivery | null {
  if (row.channel === null || !isDeliveryChannel(row.channel)) return null;
  const status = row.status as DeliveryStatus;
  return {
    channel: row.channel,
    status,
    statusLabel: DELIVERY_STATUS_LABELS[status] ?? status,
    attempts: row.attempts ?? 0,
    sentAt: row.sent_at?.toISOString() ?? null,
    updatedAt: (row.updated_at ?? row.created_at).toISOString(),
    reason: row.reason,
    lastError: row.last_error,
  };
}

/** One entry per notification, its channels in the rows' order. */
export function groupLog(rows: readonly CardLogRow[]): NotificationLogEntry[] {
  const entries = new Map<string, NotificationLogEntry>();
  for (const row of rows) {
    let entry = entries.get(row.notification_id);
    if (!entry) {
      entry = {
        notificationId: row.notification_id,
        kind: row.kind as NotificationLogEntry['kind'],
        title: row.title,
        urgent: row.urgent,
        createdAt: row.created_at.toISOString(),
        recipientLogin: row.recipient_login,
        recipientName: row.recipient_name ?? row.recipient_login,
        readAt: row.read_at?.toISOString() ?? null,
        deliveries: [],
      };
      entries.set(row.notification_id, entry);
    }
    const d = delivery(row);
    if (d) entry.deliveries.push(d);
  }
  return [...entries.values()];
}
