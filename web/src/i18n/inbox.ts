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
