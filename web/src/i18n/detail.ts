// The words of card actions and of what events carry, Chinese first (as the workflows' own labels in
// workflows/*/…labels.ts, which the board cannot import), English through the language switch.
import { ITEM_ACTIONS, TASK_ACTIONS } from '../actions/specs';
import type { Locale } from './index';

type Words = Record<string, { zh: string; en: string }>;

// Action names are the action forms' own labels (web/src/actions/specs.ts), so a button and the form it opens say
// the same thing.
const labelsOf = (specs: Record<string, { label: { zh: string; en: string } }>): Words => Object.fromEntries(Object.entries(specs).map(([action, spec]) => [action, spec.label]));

/** Lifecycle actions on an indicator task (IndicatorTaskAction). */
export const TASK_ACTION_WORDS: Words = labelsOf(TASK_ACTIONS);

/** Actions on a rectification item (ItemAction); a repeated report is recorded, never chosen from a card. */
export const ITEM_ACTION_WORDS: Words = { ...labelsOf(ITEM_ACTIONS), REPORT_DUPLICATE: { zh: '重复上报', en: 'Repeated report' } };

export const REVIEW_WORDS: Words = {
  SELF_CHECK_REVIEW: { zh: '自查结果待审核', en: 'Self-check awaiting review' },
  RECTIFICATION_REVIEW: { zh: '整改完成待审核', en: 'Rectification awaiting review' },
  ARCHIVE_REVIEW: { zh: '档案材料待验收', en: 'Archive material awaiting acceptance' },
};

export const METHOD_WORDS: Words = {
  FIELD: { zh: '实地考察', en: 'Field inspection' },
  MATERIAL: { zh: '材料审核', en: 'Material review' },
  SURVEY: { zh: '问卷调查', en: 'Survey' },
  SIMULATED: { zh: '模拟暗访', en: 'Simulated visit' },
};

/** An action's label in the chosen language; an unknown code is shown as it is. */
export function actionLabel(kind: 'task' | 'item', action: string, locale: Locale): string {
  const words = kind === 'task' ? TASK_ACTION_WORDS : ITEM_ACTION_WORDS;
  return words[action]?.[locale] ?? action;
}

export function wordOf(words: Words, code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  return words[code]?.[locale] ?? code;
}

/** The card drawer's words. */
export const DRAWER_WORDS = {
  loading: { zh: '正在加载卡片…', en: 'Loading the card…' },
  loadFailed: { zh: '卡片加载失败', en: 'Could not load the card' },
  reloadFailed: { zh: '刷新失败，显示的可能不是最新内容', en: 'Refresh failed: this may not be the latest' },
  retry: { zh: '重试', en: 'Retry' },
  item: { zh: '整改问题', en: 'Rectification item' },
  actions: { zh: '可执行操作', en: 'Actions' },
  noActions: { zh: '您当前没有可执行的操作', en: 'Nothing for you to do now' },
  openToAct: { zh: '请在看板中打开此卡片办理', en: 'Open this card on the board to act on it' },
  temporal: { zh: '在 Temporal 中查看工作流', en: 'Workflow in Temporal' },
  overview: { zh: '基本情况', en: 'Overview' },
  itemName: { zh: '测评项目', en: 'Assessment item' },
  unit: { zh: '责任单位', en: 'Unit' },
  responsible: { zh: '责任人', en: 'Responsible person' },
  noResponsible: { zh: '未指定', en: 'Not named yet' },
  assignResponsible: { zh: '指定责任人', en: 'Name' },
  changeResponsible: { zh: '更换责任人', en: 'Change' },
  choosePerson: { zh: '选择本单位人员', en: 'Choose a person of the unit' },
  responsibleAssigned: { zh: '已指定责任人', en: 'Responsible person named' },
  leadUnit: { zh: '牵头单位', en: 'Lead unit' },
  stage: { zh: '阶段', en: 'Stage' },
  classification: { zh: '达标情况', en: 'Classification' },
  awaiting: { zh: '待审核', en: 'Awaiting' },
  none: { zh: '无', en: 'None' },
  stageDue: { zh: '阶段时限', en: 'Stage due' },
  due: { zh: '完成时限', en: 'Due' },
  escalation: { zh: '提醒督办', en: 'Escalation' },
  plan: { zh: '整改方案', en: 'Rectification plan' },
  planDeadline: { zh: '期限', en: 'deadline' },
  failed: { zh: '失分项', en: 'Criteria that lost points' },
  nextRecheck: { zh: '下次复查', en: 'Next re-check' },
  recheckDue: { zh: '（已到期）', en: ' (due)' },
  relapses: { zh: '反弹次数', en: 'Relapses' },
  method: { zh: '测评方法', en: 'Method' },
  points: { zh: '分', en: 'points' },
  standard: { zh: '测评标准', en: 'Standard' },
  extension: { zh: '延期申请', en: 'Extension request' },
  extensionUntil: { zh: '申请延至', en: 'Until' },
  dispatchReturn: { zh: '退回申请（非本单位职责）', en: 'Request to return the dispatch' },
  evidence: { zh: '佐证材料', en: 'Evidence' },
  noEvidence: { zh: '暂无佐证材料', en: 'No evidence yet' },
  attach: { zh: '上传佐证材料', en: 'Attach evidence' },
  attachNote: { zh: '材料说明（选填）', en: 'Note (optional)' },
  attached: { zh: '材料已上传', en: 'Evidence attached' },
  tooLarge: { zh: '文件超过 20 MB 的上限', en: 'The file is over 20 MB' },
  materials: { zh: '档案材料', en: 'Archive materials' },
  accepted: { zh: '已验收', en: 'accepted' },
  submittedBy: { zh: '提交', en: 'handed in' },
  reviewedBy: { zh: '验收', en: 'reviewed' },
  returnedBy: { zh: '退回', en: 'returned' },
  returnReason: { zh: '退回原因', en: 'Why returned' },
  notHandedIn: { zh: '尚未提交文件', en: 'No file yet' },
  linked: { zh: '关联整改问题', en: 'Linked rectification items' },
  noLinked: { zh: '暂无关联的整改问题', en: 'No linked items' },
  comments: { zh: '意见', en: 'Comments' },
  noComments: { zh: '暂无意见', en: 'No comments yet' },
  commentText: { zh: '意见内容', en: 'Comment' },
  commentPlaceholder: { zh: '写下您的意见…', en: 'Write a comment…' },
  addComment: { zh: '发表意见', en: 'Post comment' },
  commentRequired: { zh: '请填写意见内容', en: 'Write the comment first' },
  commented: { zh: '意见已发表', en: 'Comment posted' },
  history: { zh: '办理记录（最新在前）', en: 'History (newest first)' },
  description: { zh: '问题描述', en: 'Description' },
  state: { zh: '状态', en: 'State' },
  source: { zh: '来源', en: 'Source' },
  area: { zh: '专项领域', en: 'Area' },
  address: { zh: '地址', en: 'Address' },
  coordinates: { zh: '经纬度', en: 'Coordinates' },
  toDispatch: { zh: '待派单', en: 'Not dispatched' },
  itemDue: { zh: '整改时限', en: 'Due' },
  atDispatch: { zh: '派单时确定', en: 'Set on dispatch' },
  recheck: { zh: '巩固复查', en: 'Re-check' },
  duplicates: { zh: '重复上报', en: 'Repeated reports' },
  times: { zh: '次', en: 'time(s)' },
  reportedBy: { zh: '上报人', en: 'Reported by' },
  covert: { zh: '暗访组', en: 'Covert inspection team' },
  reportedAt: { zh: '上报时间', en: 'Reported' },
  task: { zh: '关联指标任务', en: 'Indicator task' },
  openTask: { zh: '查看指标任务', en: 'Open the task' },
  criterion: { zh: '测评内容', en: 'Criterion' },
  lastReturn: { zh: '最近退回原因', en: 'Last returned because' },
  photos: { zh: '问题照片', en: 'Photos of the problem' },
  noPhotos: { zh: '未附照片', en: 'No photos' },
  submission: { zh: '整改结果', en: 'The fix' },
  afterPhotos: { zh: '整改后照片', en: 'After-photos' },
  submittedAt: { zh: '提交于', en: 'handed in' },
};

/** The file gallery's words. */
export const GALLERY_WORDS = {
  preview: { zh: '预览图片', en: 'Preview image' },
  download: { zh: '下载', en: 'Download' },
  failed: { zh: '加载失败', en: 'Failed to load' },
  downloadFailed: { zh: '下载失败', en: 'Download failed' },
};

/** The words of a card's history: what each event carried. */
export const HISTORY_WORDS = {
  classification: { zh: '达标情况', en: 'Classification' },
  reason: { zh: '原因', en: 'Reason' },
  note: { zh: '说明', en: 'Note' },
  text: { zh: '意见', en: 'Comment' },
  plan: { zh: '整改方案', en: 'Plan' },
  deadline: { zh: '整改期限', en: 'Deadline' },
  requestedDueAt: { zh: '申请延至', en: 'Requested until' },
  dueAt: { zh: '时限', en: 'Due' },
  stageDueAt: { zh: '阶段时限', en: 'Stage due' },
  level: { zh: '督办步骤', en: 'Escalation' },
  passed: { zh: '结果', en: 'Result' },
  pass: { zh: '合格', en: 'Passed' },
  fail: { zh: '不合格', en: 'Failed' },
  score: { zh: '得分', en: 'Score' },
  material: { zh: '档案材料', en: 'Material' },
  file: { zh: '文件', en: 'File' },
  unit: { zh: '责任单位', en: 'Unit' },
  previousUnit: { zh: '原责任单位', en: 'Previous unit' },
  responsible: { zh: '责任人', en: 'Responsible person' },
  previousResponsible: { zh: '原责任人', en: 'Previous responsible person' },
  description: { zh: '问题描述', en: 'Description' },
  address: { zh: '地址', en: 'Address' },
  area: { zh: '领域', en: 'Area' },
  photos: { zh: '照片', en: 'Photos' },
  photoCount: { zh: '张', en: 'photo(s)' },
  none: { zh: '暂无办理记录', en: 'No history yet' },
};

/** The words of 问责 decisions on a card (issue 16). */
export const ACCOUNTABILITY_WORDS = {
  title: { zh: '问责决定', en: 'Accountability decisions' },
  none: { zh: '暂无问责决定', en: 'No accountability decision' },
  propose: { zh: '提出问责决定', en: 'Propose a decision' },
  proposeHint: { zh: '任务已到「问责」步骤：请选择问责对象、方式并说明理由，报领导小组审批后生效。', en: 'The ladder has reached accountability: choose who, the form and the reason; it takes effect once a leader approves it.' },
  holdsUnit: { zh: '对责任单位问责', en: 'Hold the unit to account' },
  persons: { zh: '被问责人员（该单位人员，最多 20 人）', en: 'Persons of the unit (at most 20)' },
  form: { zh: '问责方式', en: 'Form' },
  formNote: { zh: '其他方式的说明（最多 100 字）', en: 'Describe the other form (100 characters at most)' },
  reason: { zh: '问责理由（最多 1000 字）', en: 'Reason (1000 characters at most)' },
  reasonRequired: { zh: '请填写问责理由', en: 'Give the reason' },
  whoRequired: { zh: '请选择问责对象：责任单位和/或该单位的人员', en: 'Choose the unit and/or persons of it' },
  formNoteRequired: { zh: '请填写其他问责方式的说明', en: 'Describe the other form' },
  proposed: { zh: '问责决定已提交，等待领导小组审批', en: 'Proposed: awaiting a leader' },
  approve: { zh: '批准问责决定', en: 'Approve' },
  returnIt: { zh: '退回问责决定', en: 'Return' },
  note: { zh: '审批意见或退回理由', en: 'Note, or the reason of a return' },
  returnReasonRequired: { zh: '退回须说明理由', en: 'A return needs a reason' },
  approved: { zh: '问责决定已批准生效', en: 'Approved: in effect' },
  returned: { zh: '问责决定已退回创建办', en: 'Returned to the office' },
  unit: { zh: '责任单位', en: 'the unit' },
  proposedBy: { zh: '提出', en: 'proposed by' },
  decidedBy: { zh: '审批', en: 'decided by' },
  deadline: { zh: '逾期时限', en: 'Deadline missed' },
  reasonLabel: { zh: '理由', en: 'Reason' },
  noteLabel: { zh: '意见', en: 'Note' },
};

export const ACCOUNTABILITY_FORM_WORDS: Words = {
  CRITICISM_NOTICE: { zh: '通报批评', en: 'Criticism notice' },
  INTERVIEW: { zh: '约谈', en: 'Interview' },
  ADMONITION: { zh: '诫勉谈话', en: 'Admonition' },
  OTHER: { zh: '其他', en: 'Other' },
};

/** 重点难点 in the card drawer. */
export const KEY_FLAG_WORDS = {
  title: { zh: '重点难点', en: 'Key / difficult' },
  none: { zh: '未标记', en: 'Not marked' },
  KEY: { zh: '重点', en: 'Key' },
  DIFFICULT: { zh: '难点', en: 'Difficult' },
  BOTH: { zh: '重点、难点', en: 'Key and difficult' },
  kind: { zh: '标记类型', en: 'Kind' },
  reason: { zh: '标记理由（必填，最多 500 字）', en: 'Why (required, at most 500 characters)' },
  reasonLabel: { zh: '理由', en: 'Why' },
  reasonRequired: { zh: '请填写标记理由', en: 'Please say why' },
  flaggedBy: { zh: '标记人', en: 'Marked by' },
  set: { zh: '标记', en: 'Mark' },
  change: { zh: '修改标记', en: 'Change the mark' },
  clear: { zh: '取消标记', en: 'Clear the mark' },
  saved: { zh: '已标记', en: 'Marked' },
  cleared: { zh: '已取消标记', en: 'Mark cleared' },
};
