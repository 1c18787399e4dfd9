// The approval queue's words, Chinese first.

/** The return-reason dialog's words. */
export const REASON_WORDS = {
  cancel: { zh: '取消', en: 'Cancel' },
  gone: { zh: '该事项已不在待审批列表中，可能已被他人处理。', en: 'This is no longer waiting: someone else may have decided it.' },
  required: { zh: '请填写', en: 'Enter ' },
  refused: { zh: '操作未成功', en: 'Not done' },
};

/** The approval queue's words. */
export const APPROVAL_WORDS = {
  title: { zh: '待我审批', en: 'Waiting for me' },
  introSupervisor: {
    zh: '自查结果、整改完成、延期申请，以及整改问题的复核、退回申请和巩固复查，按等待时间先后排列。',
    en: 'Self-checks, rectifications, extension requests, and items to verify, return or re-check, oldest first.',
  },
  introArchivist: { zh: '各单位提交的档案材料，逐项验收或退回，按提交时间先后排列。', en: 'Archive materials handed in, to accept or return one by one, oldest first.' },
  introOffice: { zh: '已巩固、可以转入归档的任务，按进入巩固阶段的时间先后排列。', en: 'Tasks in consolidation, ready to move to archiving, oldest first.' },
  all: { zh: '全部', en: 'All' },
  tasks: { zh: '指标任务', en: 'Tasks' },
  items: { zh: '整改问题', en: 'Items' },
  batch: { zh: '批量通过', en: 'Approve selected' },
  batchConfirm: { zh: '确定逐项通过选中的', en: 'Approve the selected' },
  batchConfirmTail: { zh: '项吗？', en: ' one by one?' },
  ok: { zh: '通过', en: 'Approve' },
  cancel: { zh: '取消', en: 'Cancel' },
  refresh: { zh: '刷新', en: 'Refresh' },
  waiting: { zh: '等待时间', en: 'Waiting since' },
  matter: { zh: '待审批事项', en: 'Waiting for' },
  actions: { zh: '操作', en: 'Actions' },
  open: { zh: '查看详情', en: 'Open' },
  select: { zh: '选择', en: 'Select' },
  empty: { zh: '没有等待您审批的事项', en: 'Nothing is waiting for you' },
  loadFailed: { zh: '待审批列表加载失败', en: 'Could not load the queue' },
  liveLost: { zh: '实时更新中断，正在重连；列表可能不是最新，可点“刷新”。', en: 'Live updates lost, reconnecting; refresh to be sure.' },
  done: { zh: '已', en: 'Done: ' },
  batchResult: { zh: '批量通过结果', en: 'Batch result' },
  succeeded: { zh: '成功', en: 'succeeded' },
  failed: { zh: '未通过', en: 'refused' },
  unit: { zh: '项', en: '' },
  passed: { zh: '已通过', en: 'approved' },
  gone: { zh: '已不在待审批列表中（可能已被他人处理）', en: 'no longer waiting (someone else may have decided it)' },
  useRows: { zh: '该任务有多项档案材料待验收，请在列表中逐项办理', en: 'Several materials wait on this task: decide them in the list one by one' },
  useRecheckRows: { zh: '请在列表中选择“复查合格”或“不合格”', en: 'Choose Passed or Failed in the list' },
  onBoard: { zh: '请在任务看板中办理', en: 'Do this on the board' },
  selected: { zh: '已选', en: 'Selected' },
};
