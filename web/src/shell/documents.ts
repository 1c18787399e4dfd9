// The shell's own GraphQL documents: the inbox bell (站内消息) in the header, for every signed-in person.
const NOTIFICATION = `fragment InboxNotification on Notification { id kind taskId itemId title text urgent createdAt readAt }`;

/** A page of the caller's notifications, newest first, with the unread count over all pages. */
export const INBOX = `query Inbox($first: Int, $after: String) {
  notifications(first: $first, after: $after) { unreadCount edges { cursor node { ...InboxNotification } } pageInfo { hasNextPage endCursor } }
}
${NOTIFICATION}`;

/** Only the unread count, for the badge. */
export const INBOX_UNREAD = `query InboxUnread { notifications(first: 1) { unreadCount } }`;

export const MARK_NOTIFICATIONS_READ = `mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`;

export const MARK_ALL_NOTIFICATIONS_READ = `mutation MarkAllNotificationsRead { markAllNotificationsRead }`;

export const NOTIFICATION_ADDED = `subscription NotificationAdded { notificationAdded { ...InboxNotification } }
${NOTIFICATION}`;

const PREFERENCES = `fragment NotificationPreferencesFields on NotificationPreferences { availableChannels channels defaultChannels quietHoursEnabled quietStart quietEnd }`;

/** The caller's channels and quiet hours (通知设置). */
export const MY_NOTIFICATION_PREFERENCES = `query MyNotificationPreferences { myNotificationPreferences { ...NotificationPreferencesFields } }
${PREFERENCES}`;

export const UPDATE_NOTIFICATION_PREFERENCES = `mutation UpdateNotificationPreferences($input: NotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) { ...NotificationPreferencesFields }
}
${PREFERENCES}`;
