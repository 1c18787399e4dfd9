// The inbox bell's words (站内消息), Chinese first.
export const INBOX_WORDS = {
  inbox: { zh: '站内消息', en: 'Messages' },
  unread: { zh: '条未读', en: 'unread' },
  markAll: { zh: '全部标为已读', en: 'Mark all read' },
  loadMore: { zh: '加载更多', en: 'Load more' },
  empty: { zh: '暂无消息', en: 'No messages' },
  urgent: { zh: '紧急', en: 'Urgent' },
  loadFailed: { zh: '消息加载失败', en: 'Could not load messages' },
};

// Delivery beyond the inbox (issue 16): the settings panel and the card's 通知记录.
export const DELIVERY_WORDS = {
  settings: { zh: '通知设置', en: 'Notification settings' },
  channels: { zh: '接收渠道', en: 'Channels' },
  channelsHelp: { zh: '站内消息总会收到；勾选还要从哪些渠道接收。短信只用于紧急消息。', en: 'The inbox always gets them; tick the other channels you want. SMS is for urgent ones only.' },
  noChannels: { zh: '本部署未开通站内消息以外的渠道。', en: 'No channel besides the inbox is configured here.' },
  quietHours: { zh: '免打扰', en: 'Quiet hours' },
  quietHelp: { zh: '这段时间（北京时间）产生的非紧急消息等结束后再发；紧急消息照常立即发出。', en: 'Non-urgent messages wait until the end (Beijing time); urgent ones go at once.' },
  from: { zh: '从', en: 'From' },
  to: { zh: '到', en: 'to' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '通知设置已保存', en: 'Settings saved' },
  cancel: { zh: '取消', en: 'Cancel' },
  log: { zh: '通知记录', en: 'Notifications sent' },
  logEmpty: { zh: '这张卡片还没有发出通知', en: 'No notification for this card yet' },
  logFailed: { zh: '通知记录加载失败', en: 'Could not load the notification log' },
  read: { zh: '已读', en: 'Read' },
  unreadOne: { zh: '未读', en: 'Unread' },
  inboxOnly: { zh: '仅站内消息', en: 'Inbox only' },
  attempts: { zh: '次尝试', en: 'attempts' },
};

export const CHANNEL_WORDS: Record<string, { zh: string; en: string }> = {
  EMAIL: { zh: '邮件', en: 'Email' },
  WEBHOOK: { zh: '推送接口', en: 'Webhook' },
  WECOM: { zh: '企业微信', en: 'WeCom' },
  DINGTALK: { zh: '钉钉', en: 'DingTalk' },
  SMS: { zh: '短信', en: 'SMS' },
};

export const DELIVERY_STATUS_WORDS: Record<string, { zh: string; en: string }> = {
  SENT: { zh: '送达', en: 'Sent' },
  FAILED: { zh: '失败', en: 'Failed' },
  PENDING: { zh: '待发送', en: 'Pending' },
  SKIPPED: { zh: '未发送', en: 'Skipped' },
};
