// The words of official notices on the card (督办通知单, 整改通知书, 约谈通知书, 签收), Chinese first.
export const NOTICE_WORDS = {
  notices: { zh: '正式通知', en: 'Official notices' },
  none: { zh: '暂无正式通知', en: 'No official notices' },
  issued: { zh: '印发', en: 'Issued' },
  acknowledgedAt: { zh: '签收于', en: 'Acknowledged' },
  unacknowledged: { zh: '未签收', en: 'Not acknowledged' },
  ackDue: { zh: '签收期限', en: 'Acknowledge by' },
  overdue: { zh: '已逾期', en: 'overdue' },
  download: { zh: '下载', en: 'Download' },
  acknowledge: { zh: '签收', en: 'Acknowledge' },
  acknowledged: { zh: '已签收', en: 'Acknowledged' },
  confirmTitle: { zh: '确认签收这份通知？', en: 'Acknowledge this notice?' },
  ackNote: { zh: '签收意见（可不填）', en: 'Note (optional)' },
  loadFailed: { zh: '正式通知加载失败', en: 'Could not load the notices' },
  by: { zh: '签收人', en: 'by' },
};

/** The kinds in English; Chinese comes from the API's kindLabel. */
export const NOTICE_KIND_WORDS: Record<string, { zh: string; en: string }> = {
  SUPERVISION: { zh: '督办通知单', en: 'Supervision notice' },
  RECTIFICATION: { zh: '整改通知书', en: 'Rectification notice' },
  INTERVIEW: { zh: '约谈通知书', en: 'Interview notice' },
};
