// 创文任务看板 — a dependency-free board over the GraphQL API (see graphql/schema.graphql and rectification.graphql):
// 指标任务 (indicator tasks by stage, live over graphql-ws) and 整改问题 (rectification items by state, polled).
// All text reaches the page through textContent (the h() helper below), never innerHTML, so names and notes
// typed by users cannot inject markup.
'use strict';

/* ---------- Fixed vocabulary: mirrors src/demo/demo-organisation.ts and indicator-task.labels.ts ---------- */

const UNITS = [
  ['DZB', '街道党政办'], ['XCB', '街道宣传统战办'], ['ZHZF', '街道综合行政执法队'], ['HWS', '街道环卫所'],
  ['PAB', '街道平安办'], ['SCJG', '街道市场监管所'], ['BMFW', '街道便民服务中心'], ['WTSQ', '外滩社区'],
  ['BJSQ', '滨江社区'], ['DHC', '东湖村'], ['ZXXX', '街道中心小学'], ['NMSC', '外滩农贸市场有限公司'],
];
// Demo identities until real sign-in arrives; unit users carry their unit code.
const USERS = [
  { login: 'leader', name: '王组长（领导小组）' },
  { login: 'office', name: '张霞（创建办主任）' },
  { login: 'supervisor', name: '李督查（督查检查组）' },
  { login: 'supervisor2', name: '赵督查（督查检查组）' },
  { login: 'archivist', name: '陈档案（档案组）' },
  ...UNITS.flatMap(([code, name]) => [
    { login: `${code.toLowerCase()}.head`, name: `${name}负责人`, unit: code },
    { login: `${code.toLowerCase()}.member`, name: `${name}工作人员`, unit: code },
  ]),
];
const STAGES = [
  ['SELF_CHECK', '自查自评'], ['RECTIFICATION', '整改'], ['MOCK_ASSESSMENT', '模拟测评'],
  ['CONSOLIDATION', '巩固'], ['ARCHIVING', '归档'], ['ARCHIVED', '已归档'],
];
const CLASSIFICATIONS = { MET: '达标', NOT_MET: '未达标', UNKNOWN: '未知可否达标', RELAPSE_PRONE: '易反弹' };
const REVIEWS = { SELF_CHECK_REVIEW: '自查结果待审核', RECTIFICATION_REVIEW: '整改完成待审核', ARCHIVE_REVIEW: '档案材料待验收' };
const ROLES = { LEADER: '领导小组', OFFICE: '创建办', SUPERVISOR: '督查检查组', ARCHIVIST: '档案组', UNIT_HEAD: '单位负责人', UNIT_MEMBER: '责任单位成员' };
const ESCALATIONS = { REMINDER: '提醒', URGE: '催办', SUPERVISE: '督办', INTERVIEW: '约谈', ACCOUNTABILITY: '问责' };
const METHODS = { FIELD: '实地考察', MATERIAL: '材料审核', SURVEY: '问卷调查', SIMULATED: '模拟暗访' };
// 整改问题: mirrors workflows/rectification-item/rectification-item.labels.ts (the test checks the keys against the schema).
const ITEM_STATES = [
  ['REPORTED', '上报'], ['DISPATCHED', '派单'], ['RECTIFYING', '整改中'], ['SUBMITTED', '待复核'],
  ['RETURNED', '退回'], ['VERIFIED', '已复核'], ['RECHECK', '巩固复查'], ['CLOSED', '销号'],
];
const ITEM_SOURCES = { SUPERVISION: '督查', OPEN_INSPECTION: '明察', COVERT_INSPECTION: '暗访', MOCK_ASSESSMENT: '模拟测评', LEADER_VISIT: '领导现场办公', CITIZEN_REPORT: '群众反映' };
const AREAS = { TRAFFIC_ORDER: '交通秩序', CITY_APPEARANCE: '市容市貌', PUBLIC_SECURITY: '社会治安', SANITATION: '环境卫生', MARKETS: '集贸市场', SERVICE_WINDOWS: '窗口服务' };
// Who may report a problem (the API checks again): the leading group, the office and the supervisors.
const REPORTER_ROLES = ['LEADER', 'OFFICE', 'SUPERVISOR'];
// The states in which the unit owes the fix by its due date: only these count down and turn overdue.
const ITEM_WORK_STATES = new Set(['DISPATCHED', 'RECTIFYING', 'RETURNED']);
const TZ = 'Asia/Shanghai';
const USER_KEY = 'chuangwen.board.user';
const VIEW_KEY = 'chuangwen.board.view';
// Optional ?campaign=<id>; without it the API picks the latest campaign.
const CAMPAIGN_PARAM = new URLSearchParams(location.search).get('campaign') || null;

/* ---------- GraphQL documents (validated against schema.graphql) ---------- */

const CARD = `fragment Card on IndicatorTask {
  id campaignId stage stageLabel classification awaitingReview dueAt relapseCount version allowedActions updatedAt
  stageDueAt escalationLevel recheckDue nextRecheckAt pendingExtension { requestedDueAt reason } rectificationPlan { plan deadline }
  indicator { code name itemName } unit { code name } leadUnit { code name }
}`;
const DETAIL = `fragment Detail on IndicatorTask {
  ...Card temporalUiUrl failedCriteria indicator { method points standard criteria { code content points deductionRule } }
  history { streamVersion label occurredAt data actor { displayName } }
  sideActions comments { text at author { displayName } }
  evidence { sha256 name size note url at uploadedBy { displayName } }
  archiveMaterials { code name status statusLabel note returnReason submittedAt reviewedAt
    file { name size url } submittedBy { displayName } reviewedBy { displayName } }
  linkedItems { id state stateLabel description }
}`;
const ME_QUERY = 'query Me { me { login displayName role unit { code name } } }';
const BOARD_QUERY = `query Board($campaign: String, $unit: String) {
  board(campaignId: $campaign, unitCode: $unit) {
    campaign { id name inspectionDate daysToInspection }
    columns { stage label count cards { ...Card } }
  }
}\n${CARD}`;
const TASK_QUERY = `query Task($id: String!) { indicatorTask(id: $id) { ...Detail } }\n${DETAIL}\n${CARD}`;
const LIVE_SUBSCRIPTION = `subscription Live($c: String) { boardChanged(campaignId: $c) { eventType task { ...Card } } }\n${CARD}`;

const ITEM_CARD = `fragment ItemCard on RectificationItem {
  id campaignId state stateLabel source sourceLabel area description dueAt recheckAt escalationLevel
  relapseCount duplicateReports version allowedActions createdAt updatedAt
  location { address latitude longitude } unit { code name }
  pendingExtension { requestedDueAt reason } pendingDispatchReturn { reason }
}`;
const ITEM_DETAIL = `fragment ItemDetail on RectificationItem {
  ...ItemCard indicatorTaskId criterionCode returnReason reportedBy { displayName }
  photos { sha256 name size url }
  submission { note submittedAt photos { sha256 name size url } submittedBy { displayName } }
  history { streamVersion label occurredAt data actor { displayName } }
}`;
const ITEM_BOARD_QUERY = `query ItemBoard($campaign: String, $unit: String, $area: RectificationArea, $source: ItemSource) {
  itemBoard(campaignId: $campaign, unitCode: $unit, area: $area, source: $source) {
    campaign { id name inspectionDate daysToInspection }
    columns { state label count items { ...ItemCard } }
  }
}\n${ITEM_CARD}`;
const ITEM_QUERY = `query Item($id: String!) { rectificationItem(id: $id) { ...ItemDetail } }\n${ITEM_DETAIL}\n${ITEM_CARD}`;
const REPORT_ITEM_MUTATION = `mutation ReportItem($input: ReportItemInput!) {
  reportItem(input: $input) { duplicate item { ...ItemDetail } }
}\n${ITEM_DETAIL}\n${ITEM_CARD}`;
// One mutation for every item action; like the task mutations it returns the full detail.
const ACT_ON_ITEM_MUTATION = `mutation ActOnItem($input: ItemActionInput!) { actOnItem(input: $input) { ...ItemDetail } }\n${ITEM_DETAIL}\n${ITEM_CARD}`;

// One entry per IndicatorTaskAction. Fields ending in '!' are required.
const ACTIONS = {
  SUBMIT_SELF_CHECK: { label: '提交自查结果', mutation: 'submitSelfCheck', input: 'SubmitSelfCheckInput', fields: ['classification!', 'note!'] },
  CONFIRM_SELF_CHECK: { label: '确认自查结果', mutation: 'confirmSelfCheck', input: 'ApproveInput', fields: ['note'] },
  RETURN_SELF_CHECK: { label: '退回自查结果', mutation: 'returnSelfCheck', input: 'ReturnInput', fields: ['reason!'] },
  SUBMIT_RECTIFICATION_PLAN: { label: '提交整改方案', mutation: 'submitRectificationPlan', input: 'RectificationPlanInput', fields: ['plan!', 'deadline!'] },
  REPORT_RECTIFICATION_PROGRESS: { label: '报告整改进展', mutation: 'reportRectificationProgress', input: 'NoteInput', fields: ['note!'] },
  SUBMIT_RECTIFICATION: { label: '提交整改完成', mutation: 'submitRectification', input: 'NoteInput', fields: ['note!'] },
  APPROVE_RECTIFICATION: { label: '审核通过整改', mutation: 'approveRectification', input: 'ApproveInput', fields: ['note'] },
  RETURN_RECTIFICATION: { label: '退回整改', mutation: 'returnRectification', input: 'ReturnInput', fields: ['reason!'] },
  RECORD_MOCK_ASSESSMENT: { label: '录入模拟测评结果', mutation: 'recordMockAssessment', input: 'RecordMockAssessmentInput', fields: ['scores!', 'note'] },
  START_ARCHIVING: { label: '转入归档', mutation: 'startArchiving', input: 'ApproveInput', fields: ['note'] },
  RECORD_RECHECK: { label: '录入复查结果', mutation: 'recordRecheck', input: 'RecordRecheckInput', fields: ['passed!', 'note'] },
  REQUEST_EXTENSION: { label: '申请延期', mutation: 'requestExtension', input: 'RequestExtensionInput', fields: ['requestedDueAt!', 'reason!'] },
  APPROVE_EXTENSION: { label: '批准延期', mutation: 'approveExtension', input: 'ApproveInput', fields: ['note'] },
  REFUSE_EXTENSION: { label: '不予延期', mutation: 'refuseExtension', input: 'ReturnInput', fields: ['reason!'] },
};
// Archive materials are handed in and reviewed one by one, in the materials section, not as whole-card moves.
const MATERIAL_ACTIONS = new Set(['SUBMIT_ARCHIVE_MATERIAL', 'ACCEPT_ARCHIVE_MATERIAL', 'RETURN_ARCHIVE_MATERIAL']);
const MATERIAL_STATUS = { MISSING: '未提交', SUBMITTED: '待验收', ACCEPTED: '已验收', RETURNED: '已退回' };
const FIELD_LABELS = {
  classification: '达标情况', note: '说明', reason: '原因', score: '得分率（0–100）', passed: '是否达标',
  plan: '整改方案', deadline: '整改期限', requestedDueAt: '申请延至', scores: '各项测评内容得分',
};
const DATE_FIELDS = new Set(['deadline', 'requestedDueAt']);
// The mutation returns the full detail, so one round trip refreshes both the card and the panel.
const mutationFor = (a) => `mutation Act($input: ${a.input}!) { ${a.mutation}(input: $input) { ...Detail } }\n${DETAIL}\n${CARD}`;

// One entry per ItemAction offered as a form ('!' required; '?' required only in some cases, checked below).
// Every field is a field of ItemActionInput.
const ITEM_ACTIONS = {
  DISPATCH: { label: '派单', fields: ['unitCode!', 'dueAt', 'note'], labels: { note: '派单说明' }, hints: { dueAt: '不填则按活动规定的整改天数' } },
  START_RECTIFICATION: { label: '签收并开始整改', fields: ['note'] },
  SUBMIT_RECTIFICATION: { label: '提交整改结果', fields: ['note!', 'photos!'], labels: { note: '整改情况' } },
  VERIFY: { label: '复核通过', fields: ['note'] },
  RETURN: { label: '退回重改', fields: ['reason!'], labels: { reason: '退回原因' } },
  RECORD_RECHECK: { label: '录入巩固复查结果', fields: ['passed!', 'note?'], labels: { note: '复查说明（不合格时必填）' } },
  REQUEST_EXTENSION: { label: '申请延期', fields: ['requestedDueAt!', 'reason!'], labels: { reason: '延期理由' } },
  APPROVE_EXTENSION: { label: '批准延期', fields: ['note'] },
  REFUSE_EXTENSION: { label: '不予延期', fields: ['reason!'], labels: { reason: '不予延期的理由' } },
  REQUEST_DISPATCH_RETURN: { label: '申请退回（非本单位职责）', fields: ['reason!'], labels: { reason: '申请退回的理由' } },
  APPROVE_DISPATCH_RETURN: { label: '同意退回', fields: ['note'] },
  REFUSE_DISPATCH_RETURN: { label: '不同意退回', fields: ['reason!'], labels: { reason: '不同意退回的理由' } },
};
// Not a button: a repeated report goes through 上报问题, and the API links it to the open item by itself.
const ITEM_ACTIONS_BY_REPORT = new Set(['REPORT_DUPLICATE']);
const ITEM_FIELD_LABELS = {
  unitCode: '责任单位', dueAt: '整改时限', note: '说明', reason: '原因', passed: '复查是否合格', requestedDueAt: '申请延至', photos: '整改后照片',
};
const ITEM_DATE_FIELDS = new Set(['dueAt', 'requestedDueAt']);
// Where the API names a nested or file field, the form control that holds it.
const FIELD_ALIASES = {
  'location.address': 'address', 'location.latitude': 'latitude', 'location.longitude': 'longitude', location: 'latitude',
  fileName: 'photos', file: 'photos',
};

/* ---------- Small helpers ---------- */

/** Builds an element; strings become text nodes (escaped by construction). */
function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c != null && c !== false && c !== '') el.append(c instanceof Node ? c : String(c));
  return el;
}

/** Replaces an element's children, skipping absent ones (null, false, '') as h() does. */
function fill(el, ...children) {
  el.replaceChildren(...children.flat().filter((c) => c != null && c !== false && c !== ''));
}

class ApiError extends Error {
  constructor(message, code, field) { super(message); this.code = code; this.field = field; }
}

/** POST /graphql as the chosen demo user; throws the server's (Chinese) message on any error. */
async function gql(query, variables) {
  let res;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-demo-user': state.login },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络后重试', 'NETWORK');
  }
  // The body parser refuses requests over 14 MB of JSON (about 10 MB of files once base64-encoded).
  if (res.status === 413) throw new ApiError('上传的内容超过服务器单次接收的上限（约 10 MB），请减少或压缩文件后重试', 'HTTP');
  let body;
  try { body = await res.json(); } catch { throw new ApiError(`服务器返回了无法识别的响应（HTTP ${res.status}）`, 'HTTP'); }
  const err = body.errors?.[0];
  if (err) throw new ApiError(err.message || '请求失败', err.extensions?.code, err.extensions?.field);
  if (!body.data) throw new ApiError(`请求失败（HTTP ${res.status}）`, 'HTTP');
  return body.data;
}

// Dates are shown in the campaign's time zone whatever the browser's own is.
const dayFmt = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const shanghaiDay = (iso) => dayFmt.format(new Date(iso)); // YYYY-MM-DD
const daysFromToday = (iso) => Math.round((Date.parse(shanghaiDay(iso)) - Date.parse(dayFmt.format(new Date()))) / 86400000);

/** Days left (or overdue) until a due date, and the card style for it. */
function countdown(iso) {
  const n = daysFromToday(iso);
  if (n < 0) return { text: `已逾期 ${-n} 天`, cls: 'overdue' };
  if (n === 0) return { text: '今天到期', cls: 'soon' };
  return { text: `还剩 ${n} 天`, cls: n <= 7 ? 'soon' : '' };
}

function dueInfo(t) {
  if (t.stage === 'ARCHIVED') return { text: '', cls: '' }; // finished work cannot be late any more
  return countdown(t.stageDueAt || t.dueAt);
}

/** An item's date line: the due date counts down only while the unit owes the fix. */
function itemDueInfo(i) {
  if (i.state === 'REPORTED' || i.state === 'CLOSED') return null; // not dispatched yet (the unit line says so), or done
  if (i.state === 'VERIFIED') return i.recheckAt ? { label: `巩固复查 ${shanghaiDay(i.recheckAt)}`, text: '', cls: '' } : null;
  if (i.state === 'RECHECK') return { label: '巩固复查已到期', text: '', cls: 'soon' };
  if (!i.dueAt) return null;
  return { label: `时限 ${shanghaiDay(i.dueAt)}`, ...(ITEM_WORK_STATES.has(i.state) ? countdown(i.dueAt) : { text: '', cls: '' }) };
}

/** A date typed as YYYY-MM-DD means the end of that day in Shanghai, like every deadline on the board. */
function endOfShanghaiDay(raw, label) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return { error: `${label}格式不正确` };
  if (raw < dayFmt.format(new Date())) return { error: `${label}不能早于今天` };
  return { iso: `${raw}T23:59:59+08:00` };
}

const itemFieldLabel = (spec, name) => spec.labels?.[name] || ITEM_FIELD_LABELS[name];

/**
 * Builds ItemActionInput from a form's raw values (strings) and the photos already read ({ fileName, contentBase64 }),
 * or says in Chinese what is missing: { input } or { error, field }. Pure, so the test can check it against the schema.
 */
function itemActionInput(item, action, raw, photos) {
  const spec = ITEM_ACTIONS[action];
  const input = { itemId: item.id, action, expectedVersion: item.version }; // optimistic concurrency: CONFLICT if it moved on
  for (const f of spec.fields) {
    const name = f.replace(/[!?]$/, '');
    const label = itemFieldLabel(spec, name);
    if (name === 'photos') {
      if (!photos.length && f.endsWith('!')) return { error: `请上传${label}`, field: name };
      if (photos.length) input.photos = photos;
      continue;
    }
    const value = String(raw[name] ?? '').trim();
    if (!value) {
      if (f.endsWith('!')) return { error: `${name === 'unitCode' || name === 'passed' ? '请选择' : '请填写'}${label}`, field: name };
      continue;
    }
    if (name === 'passed') input.passed = value === 'true';
    else if (ITEM_DATE_FIELDS.has(name)) {
      const day = endOfShanghaiDay(value, label);
      if (day.error) return { error: day.error, field: name };
      input[name] = day.iso;
    } else input[name] = value;
  }
  if (action === 'RECORD_RECHECK' && input.passed === false && !input.note) return { error: '复查不合格时请填写发现的问题', field: 'note' };
  return { input };
}

/** Builds ReportItemInput from the report form's raw values, or { error, field }. Pure, like itemActionInput. */
function reportItemInput(raw, photos, campaignId) {
  const v = (k) => String(raw[k] ?? '').trim();
  if (!v('source')) return { error: '请选择问题来源', field: 'source' };
  if (!v('area')) return { error: '请选择专项整治领域', field: 'area' };
  if (!v('address')) return { error: '请填写问题所在地址', field: 'address' };
  let latitude = null;
  let longitude = null;
  if (v('latitude') || v('longitude')) {
    if (!v('latitude') || !v('longitude')) return { error: '经纬度须同时填写或同时不填', field: v('latitude') ? 'longitude' : 'latitude' };
    latitude = Number(v('latitude'));
    longitude = Number(v('longitude'));
    if (!Number.isFinite(latitude) || latitude < -90 || latitude > 90) return { error: '纬度须为 -90 到 90 之间的数字', field: 'latitude' };
    if (!Number.isFinite(longitude) || longitude < -180 || longitude > 180) return { error: '经度须为 -180 到 180 之间的数字', field: 'longitude' };
  }
  if (!v('description')) return { error: '请填写问题描述', field: 'description' };
  if (v('dueAt') && !v('unitCode')) return { error: '填写整改时限时须同时选择责任单位', field: 'unitCode' };
  const input = {
    campaignId: campaignId || null,
    source: v('source'),
    area: v('area'),
    location: { address: v('address'), latitude, longitude },
    description: v('description'),
    photos,
    indicatorTaskId: v('indicatorTaskId') || null,
    unitCode: v('unitCode') || null,
    dueAt: null,
  };
  if (v('dueAt')) {
    const day = endOfShanghaiDay(v('dueAt'), '整改时限');
    if (day.error) return { error: day.error, field: 'dueAt' };
    input.dueAt = day.iso;
  }
  return { input };
}

const classTag = (c) => h('span', { class: `tag cls-${c || 'NONE'}` }, c ? CLASSIFICATIONS[c] || c : '未分类');
const byDue = (a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
// The items board's order, as the API sends it: by due date (or report time before dispatch), then id.
const itemOrder = (a, b) => Date.parse(a.dueAt || a.createdAt) - Date.parse(b.dueAt || b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/* ---------- State ---------- */

/** One board's cards: data and card buttons by id, columns by stage or state. Tasks and items share the mechanics. */
function cardSet(spec) {
  return { ...spec, data: new Map(), els: new Map(), cols: new Map(), root: null };
}
const TASKS = cardSet({
  columns: STAGES, emptyText: '暂无任务', columnOf: (t) => t.stage, order: byDue,
  render: (t) => cardEl(t), matches: (t) => matchesSearch(t),
});
const ITEMS = cardSet({
  columns: ITEM_STATES, emptyText: '暂无问题', columnOf: (i) => i.state, order: itemOrder,
  render: (i) => itemCardEl(i), matches: (i) => itemMatchesSearch(i),
});

const state = {
  login: 'supervisor',
  me: null, // answer of the Me query for the current identity
  view: 'tasks', // 'tasks' (指标任务) or 'items' (整改问题)
  unit: '', // unit filter (office roles), both boards
  area: '', // items board filters
  source: '',
  search: '',
  campaign: null,
  itemCampaign: null,
  loadSeq: 0, // drops answers to superseded board loads
  itemLoadSeq: 0,
  pollTimer: null,
  status: { tasks: null, items: null }, // each board's status line: { message, retry }
  openKind: null, // what the dialog shows: 'task', 'item' or 'report'
  openId: null, // task or item shown in the dialog
  detail: null, // the task's latest data (card or full detail)
  item: null, // the item's latest data (card or full detail)
  formAction: null, // action whose form is open
  returnTo: null, // where focus goes when the dialog closes: { kind, id } of a card, or { el }
  fromTask: null, // the task whose linked-items list opened the item shown
  reportSeq: 0, // the report form on screen; an answer for a closed one opens nothing
};
const $ = (id) => document.getElementById(id);
let els;

/* ---------- Boards ---------- */

/** Each board has its own status line; only the visible board's is shown. */
function setStatus(message, retry, view = 'tasks') {
  state.status[view] = message ? { message, retry } : null;
  if (view === state.view) renderStatus();
}

function renderStatus() {
  const s = state.status[state.view];
  els.status.hidden = !s;
  els.status.replaceChildren(s?.message || '', s?.retry ? h('button', { type: 'button', onclick: s.retry }, '重试') : '');
}

function buildColumns(set = TASKS) {
  set.data.clear();
  set.els.clear();
  set.cols.clear();
  set.root.replaceChildren();
  for (const [key, label] of set.columns) {
    const count = h('span', { class: 'count' }, '0');
    const list = h('div', { class: 'cards' });
    const empty = h('p', { class: 'empty muted' }, set.emptyText);
    const col = h('section', { class: 'column', 'aria-label': label }, h('h2', {}, label, count), empty, list);
    set.cols.set(key, { col, list, count, empty });
    set.root.append(col);
  }
}

function cardEl(t) {
  const due = dueInfo(t);
  const actionable = t.allowedActions.length > 0;
  return h('button', { type: 'button', class: `card${actionable ? ' actionable' : ''}`, dataset: { id: t.id }, 'aria-haspopup': 'dialog' },
    h('span', { class: 'card-top' }, h('span', { class: 'code' }, t.indicator.code), classTag(t.classification)),
    h('span', { class: 'card-name' }, t.indicator.name),
    h('span', { class: 'muted small' }, t.indicator.itemName),
    h('span', { class: 'small' }, `责任：${t.unit.name}`),
    h('span', { class: 'small muted' }, `牵头：${t.leadUnit.name}`),
    h('span', { class: `due small ${due.cls}` }, `时限 ${shanghaiDay(t.stageDueAt || t.dueAt)}`, due.text && ` · ${due.text}`),
    h('span', { class: 'badges' },
      t.escalationLevel && h('span', { class: `badge esc esc-${t.escalationLevel.toLowerCase()}` }, ESCALATIONS[t.escalationLevel]),
      t.pendingExtension && h('span', { class: 'badge review' }, '延期待批'),
      t.recheckDue && h('span', { class: 'badge review' }, '待复查'),
      t.awaitingReview && h('span', { class: 'badge review' }, REVIEWS[t.awaitingReview] || t.awaitingReview),
      t.relapseCount > 0 && h('span', { class: 'badge relapse' }, `反弹 ${t.relapseCount} 次`),
      actionable && h('span', { class: 'badge act' }, '可操作')));
}

function itemCardEl(i) {
  const due = itemDueInfo(i);
  const actionable = i.allowedActions.length > 0;
  return h('button', { type: 'button', class: `card item-card${actionable ? ' actionable' : ''}`, dataset: { id: i.id }, 'aria-haspopup': 'dialog' },
    h('span', { class: 'card-top' }, h('span', { class: 'tag source' }, i.sourceLabel), i.area && h('span', { class: 'tag area' }, AREAS[i.area] || i.area)),
    h('span', { class: 'card-name desc' }, i.description),
    h('span', { class: 'small muted' }, `地址：${i.location.address}`),
    h('span', { class: 'small' }, i.unit ? `责任：${i.unit.name}` : '责任：待派单'),
    due && h('span', { class: `due small ${due.cls}` }, due.label, due.text && ` · ${due.text}`),
    h('span', { class: 'badges' },
      i.escalationLevel && h('span', { class: `badge esc esc-${i.escalationLevel.toLowerCase()}` }, ESCALATIONS[i.escalationLevel]),
      i.pendingExtension && h('span', { class: 'badge review' }, '延期待批'),
      i.pendingDispatchReturn && h('span', { class: 'badge review' }, '退回申请待批'),
      i.relapseCount > 0 && h('span', { class: 'badge relapse' }, `反弹 ${i.relapseCount} 次`),
      i.duplicateReports > 0 && h('span', { class: 'badge dup' }, `重复上报 ${i.duplicateReports} 次`),
      actionable && h('span', { class: 'badge act' }, '可操作')));
}

const searchText = () => state.search.trim().toLowerCase();

function matchesSearch(t) {
  const q = searchText();
  if (!q) return true;
  return [t.indicator.code, t.indicator.name, t.indicator.itemName, t.unit.name, t.leadUnit.name]
    .some((s) => s.toLowerCase().includes(q));
}

function itemMatchesSearch(i) {
  const q = searchText();
  if (!q) return true;
  return [i.description, i.location.address, i.unit?.name, i.sourceLabel, i.area && AREAS[i.area], i.stateLabel]
    .some((s) => s && s.toLowerCase().includes(q));
}

/** Puts a card in its column, replacing any older copy in place: keyed by id, so never duplicated. */
function upsertCard(set, x, flash) {
  const old = set.data.get(x.id);
  if (old && old.version > x.version) return; // a late, older copy must not undo a newer one
  const oldEl = set.els.get(x.id);
  // Same version and actions: nothing on the card changed, so keep the DOM (and focus) as it is.
  if (old && oldEl && old.version === x.version && String(old.allowedActions) === String(x.allowedActions)) return;
  set.data.set(x.id, x);
  const el = set.render(x);
  const hadFocus = oldEl && oldEl === document.activeElement;
  oldEl?.remove();
  set.els.delete(x.id);
  const list = set.cols.get(set.columnOf(x))?.list;
  if (!list) return;
  const before = [...list.children].find((c) => set.order(set.data.get(c.dataset.id), x) > 0);
  list.insertBefore(el, before || null);
  set.els.set(x.id, el);
  el.hidden = !set.matches(x);
  if (hadFocus) el.focus();
  if (flash) { el.classList.add('flash'); setTimeout(() => el.classList.remove('flash'), 1500); }
}

function removeCardOf(set, id) {
  set.els.get(id)?.remove();
  set.els.delete(id);
  set.data.delete(id);
}

const upsert = (t, flash) => upsertCard(TASKS, t, flash);
const removeCard = (id) => removeCardOf(TASKS, id);

/** A task from a mutation or a detail load: shown only if the unit filter lets it through. */
function placeTask(t, flash) {
  if (state.unit && t.unit.code !== state.unit) removeCard(t.id);
  else upsert(t, flash);
  refreshCounts();
}

const itemPassesFilters = (i) => (!state.itemCampaign || i.campaignId === state.itemCampaign.id)
  && (!state.unit || i.unit?.code === state.unit) && (!state.area || i.area === state.area) && (!state.source || i.source === state.source);

/** An item from a mutation or a detail load: shown only if the items board's filters let it through. */
function placeItem(i, flash) {
  if (itemPassesFilters(i)) upsertCard(ITEMS, i, flash);
  else removeCardOf(ITEMS, i.id);
  refreshCounts();
}

function refreshCounts() {
  for (const set of [TASKS, ITEMS]) {
    for (const { list, count, empty } of set.cols.values()) {
      const total = list.children.length;
      const shown = [...list.children].filter((c) => !c.hidden).length;
      count.textContent = searchText() ? `${shown}/${total}` : String(total);
      empty.hidden = shown > 0;
    }
  }
}

function applySearch() {
  for (const set of [TASKS, ITEMS]) for (const [id, el] of set.els) el.hidden = !set.matches(set.data.get(id));
  refreshCounts();
}

function renderCampaign(c) {
  els.campaignName.textContent = c.name;
  const n = c.daysToInspection;
  els.countdown.textContent = n > 0 ? `距迎检还有 ${n} 天` : n === 0 ? '今天迎检' : `迎检日已过 ${-n} 天`;
  els.countdown.title = `迎检日期 ${c.inspectionDate}`;
  document.title = `${c.name} · 创文任务看板`;
}

/** Loads the board and reconciles it card by card, so a reload (e.g. after reconnecting) does not flicker. */
async function loadBoard({ quiet = false } = {}) {
  const seq = ++state.loadSeq;
  if (!quiet) setStatus('正在加载看板…');
  try {
    const { board } = await gql(BOARD_QUERY, { campaign: CAMPAIGN_PARAM, unit: state.unit || null });
    if (seq !== state.loadSeq) return;
    state.campaign = board.campaign;
    renderCampaign(board.campaign);
    const seen = new Set();
    for (const col of board.columns) for (const t of col.cards) { seen.add(t.id); upsert(t, false); }
    for (const id of [...TASKS.data.keys()]) if (!seen.has(id)) removeCard(id);
    refreshCounts();
    setStatus('');
  } catch (e) {
    if (seq === state.loadSeq) setStatus(`看板加载失败：${e.message}`, () => loadBoard());
  }
}

/** A change pushed by the server: move/replace that one card. */
function onLiveChange({ task: t }) {
  if (state.campaign && t.campaignId !== state.campaign.id) return;
  placeTask(t, true); // a card of another unit leaves the board when the unit selector filters it out
  if (state.openKind === 'task' && t.id === state.openId && state.detail && t.version > state.detail.version) {
    if (state.formAction) panelMessage('此任务刚有新的变化，请刷新后再操作', 'warn', true); // don't wipe a half-typed form
    else loadDetail(t.id);
  }
}

/* ---------- Items board ---------- */

/** Loads the items board and reconciles it card by card, like the task board. */
async function loadItemBoard({ quiet = false } = {}) {
  const seq = ++state.itemLoadSeq;
  if (!quiet) setStatus('正在加载整改问题…', null, 'items');
  try {
    const { itemBoard } = await gql(ITEM_BOARD_QUERY, {
      campaign: CAMPAIGN_PARAM, unit: state.unit || null, area: state.area || null, source: state.source || null,
    });
    if (seq !== state.itemLoadSeq) return;
    state.itemCampaign = itemBoard.campaign;
    if (state.view === 'items') renderCampaign(itemBoard.campaign);
    const seen = new Set();
    for (const col of itemBoard.columns) for (const i of col.items) { seen.add(i.id); upsertCard(ITEMS, i, false); }
    for (const id of [...ITEMS.data.keys()]) if (!seen.has(id)) removeCardOf(ITEMS, id);
    refreshCounts();
    setStatus('', null, 'items');
    // The open item moved on meanwhile: reload it, unless that would wipe a half-typed form.
    const open = state.openKind === 'item' && ITEMS.data.get(state.openId);
    if (open && state.item && open.version > state.item.version) {
      if (state.formAction) panelMessage('此问题刚有新的变化，请刷新后再操作', 'warn', true);
      else loadItem(open.id);
    }
  } catch (e) {
    if (seq === state.itemLoadSeq) setStatus(`整改问题加载失败：${e.message}`, () => loadItemBoard(), 'items');
  }
}

// There is no subscription for rectification items yet (boardChanged carries indicator tasks only), so the
// items board polls itemBoard while it is on screen, and reloads at once after an action by this user.
const ITEM_POLL_MS = 15_000;

function startItemPolling() {
  stopItemPolling();
  state.pollTimer = setInterval(() => {
    if (state.view === 'items' && !document.hidden) loadItemBoard({ quiet: true });
  }, ITEM_POLL_MS);
}

function stopItemPolling() {
  clearInterval(state.pollTimer);
  state.pollTimer = null;
}

/** 指标任务 or 整改问题: one board on screen at a time; the task board keeps its live updates in the background. */
function setView(view, { load = true } = {}) {
  state.view = view;
  try { localStorage.setItem(VIEW_KEY, view); } catch { /* storage blocked: just don't remember */ }
  const items = view === 'items';
  els.viewTasks.setAttribute('aria-pressed', String(!items));
  els.viewItems.setAttribute('aria-pressed', String(items));
  els.board.hidden = items;
  els.itemBoard.hidden = !items;
  els.areaWrap.hidden = !items;
  els.sourceWrap.hidden = !items;
  els.search.placeholder = items ? '问题描述、地址、来源或单位' : '指标名称、编码或单位';
  const campaign = items ? state.itemCampaign || state.campaign : state.campaign;
  if (campaign) renderCampaign(campaign);
  renderStatus();
  if (items) {
    if (load) loadItemBoard({ quiet: ITEMS.data.size > 0 });
    startItemPolling();
  } else stopItemPolling();
}

/* ---------- Live updates: graphql-transport-ws by hand ---------- */

const live = {
  ws: null, timer: null, attempt: 0, synced: false,

  /** (Re)connects as the current user; a previous socket is dropped and its late messages ignored. */
  connect() {
    this.stop();
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`, 'graphql-transport-ws');
    const login = state.login;
    this.ws = ws;
    setLive(this.attempt ? 'retry' : 'connecting');
    ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init', payload: { 'x-demo-user': login } }));
    ws.onmessage = (ev) => {
      if (ws !== this.ws) return;
      let msg;
      try { msg = JSON.parse(ev.data); } catch { return; }
      this.onMessage(ws, msg);
    };
    ws.onclose = () => { if (ws === this.ws) { this.ws = null; this.retry(); } };
  },

  onMessage(ws, msg) {
    switch (msg.type) {
      case 'connection_ack':
        this.attempt = 0;
        setLive('open');
        ws.send(JSON.stringify({ id: 'board', type: 'subscribe', payload: { query: LIVE_SUBSCRIPTION, variables: { c: state.campaign?.id ?? CAMPAIGN_PARAM } } }));
        // Catch up on what happened while disconnected (or load the board if the first load failed).
        if (this.synced || !state.campaign) loadBoard({ quiet: true });
        this.synced = true;
        break;
      case 'ping': ws.send(JSON.stringify({ type: 'pong' })); break;
      case 'next': if (msg.payload?.data?.boardChanged) onLiveChange(msg.payload.data.boardChanged); break;
      case 'error': // the subscription was refused (e.g. unknown user): report it and try again later
        this.drop(ws, msg.payload?.[0]?.message);
        break;
      case 'complete': this.drop(ws); break; // server ended the stream: start over
    }
  },

  drop(ws, reason) {
    this.ws = null;
    ws.close(1000);
    this.retry(reason);
  },

  retry(reason) {
    const delay = Math.min(30000, 1000 * 2 ** this.attempt++) * (0.8 + Math.random() * 0.4); // backoff with jitter
    setLive('retry', reason);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.connect(), delay);
  },

  stop() {
    clearTimeout(this.timer);
    const ws = this.ws;
    this.ws = null;
    if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000);
  },

  /** A new identity: start afresh (no catch-up reload needed, the board was just loaded). */
  restart() { this.attempt = 0; this.synced = false; this.connect(); },
};

function setLive(kind, reason) {
  const text = { connecting: '连接中…', open: '已连接', retry: '重连中' }[kind];
  els.live.dataset.state = kind;
  els.live.textContent = `实时连接：${text}`;
  els.live.title = reason ? `上次失败原因：${reason}` : '';
}

/* ---------- Detail panel ---------- */

function panelMessage(text, kind = 'info', withRefresh = false) {
  els.panelMsg.className = `panel-msg ${kind}`;
  els.panelMsg.hidden = !text;
  els.panelMsg.replaceChildren(text || '', withRefresh ? h('button', { type: 'button', onclick: refreshOpen }, '刷新') : '');
}

/** Reloads whatever the dialog shows. */
function refreshOpen() {
  if (state.openKind === 'item') loadItem(state.openId);
  else if (state.openKind === 'task') loadDetail(state.openId);
}

/** Opens the dialog, remembering where focus returns on close; already open, it keeps the first opener's. */
function showDialog(returnTo) {
  if (els.dialog.open) return;
  state.returnTo = returnTo;
  els.dialog.showModal();
}

/** The dialog while its data is on the way (e.g. a task opened from an item, not on the board under this filter). */
function renderLoading(title) {
  els.title.textContent = title;
  els.panelMsg = h('div', { class: 'panel-msg', role: 'status', hidden: true });
  els.formArea = h('div', { class: 'form-area' });
  els.body.replaceChildren(els.panelMsg, h('p', { class: 'muted' }, '正在加载…'));
}

function openDetail(id, returnTo = { kind: 'task', id }) {
  const t = TASKS.data.get(id);
  state.openKind = 'task';
  state.openId = id;
  state.detail = t || null; // card data until the full detail arrives; its version is what we act on
  state.formAction = null;
  if (t) renderDetail(t);
  else renderLoading('任务详情');
  showDialog(returnTo);
  loadDetail(id);
}

async function loadDetail(id, message) {
  try {
    const { indicatorTask: t } = await gql(TASK_QUERY, { id });
    if (state.openKind !== 'task' || state.openId !== id) return;
    state.detail = t;
    state.formAction = null;
    placeTask(t, false);
    renderDetail(t);
    if (message) panelMessage(message, 'ok');
  } catch (e) {
    if (state.openKind === 'task' && state.openId === id) panelMessage(`加载失败：${e.message}`, 'error', true);
  }
}

function eventDetails(data) {
  if (!data || typeof data !== 'object') return [];
  const out = [];
  if (data.classification) out.push(['达标情况', CLASSIFICATIONS[data.classification] || data.classification]);
  if (typeof data.scoreRate === 'number') out.push(['得分', `${data.score} / ${data.maxScore}（${data.scoreRate}%）`]);
  else if (typeof data.score === 'number') out.push(['得分率', `${data.score}%`]);
  if (Array.isArray(data.failedCriteria) && data.failedCriteria.length) out.push(['失分项', data.failedCriteria.join('、')]);
  if (typeof data.passed === 'boolean') out.push(['测评结果', data.passed ? '达标' : '未达标']);
  if (data.dueAt) out.push(['时限', shanghaiDay(data.dueAt)]);
  if (data.plan) out.push(['整改方案', data.plan]);
  if (data.deadline) out.push(['整改期限', shanghaiDay(data.deadline)]);
  if (data.requestedDueAt) out.push(['申请延至', shanghaiDay(data.requestedDueAt)]);
  if (data.stageDueAt) out.push(['阶段时限', shanghaiDay(data.stageDueAt)]);
  if (data.reason) out.push(['原因', data.reason]);
  if (data.note) out.push(['说明', data.note]);
  return out;
}

function renderDetail(t) {
  const due = dueInfo(t);
  const ind = t.indicator;
  els.title.textContent = `${ind.code} ${ind.name}`;
  const rows = [
    ['测评项目', ind.itemName],
    ['责任单位', t.unit.name],
    ['牵头单位', t.leadUnit.name],
    ['阶段', t.stageLabel],
    ['达标情况', classTag(t.classification)],
    ['待审核', t.awaitingReview ? h('span', { class: 'badge review' }, REVIEWS[t.awaitingReview]) : '无'],
    ['阶段时限', t.stageDueAt ? h('span', { class: `due ${due.cls}` }, shanghaiDay(t.stageDueAt), due.text && `（${due.text}）`) : '无'],
    ['完成时限', shanghaiDay(t.dueAt)],
    ['提醒督办', t.escalationLevel ? ESCALATIONS[t.escalationLevel] : '无'],
    t.rectificationPlan && ['整改方案', `${t.rectificationPlan.plan}（期限 ${shanghaiDay(t.rectificationPlan.deadline)}）`],
    t.pendingExtension && ['延期申请', `申请延至 ${shanghaiDay(t.pendingExtension.requestedDueAt)}：${t.pendingExtension.reason}`],
    t.failedCriteria && t.failedCriteria.length > 0 && ['失分项', t.failedCriteria.join('、')],
    t.nextRecheckAt && ['下次复查', `${shanghaiDay(t.nextRecheckAt)}${t.recheckDue ? '（已到期）' : ''}`],
    ['反弹次数', String(t.relapseCount)],
    ind.method && ['测评方法', `${METHODS[ind.method] || ind.method} · ${ind.points} 分`],
    ind.standard && ['测评标准', ind.standard],
  ].filter(Boolean);
  els.panelMsg = h('div', { class: 'panel-msg', role: 'status', hidden: true });
  els.formArea = h('div', { class: 'form-area' });
  const actions = t.allowedActions.filter((a) => ACTIONS[a]).map((a) => h('button', { type: 'button', class: 'action', onclick: () => openForm(a) }, ACTIONS[a]?.label || a));
  const url = t.temporalUiUrl && /^https?:\/\//.test(t.temporalUiUrl) ? t.temporalUiUrl : null; // never a javascript: URL
  const history = t.history
    ? h('ol', { class: 'timeline' }, [...t.history].reverse().map((e) => h('li', {},
      h('div', { class: 'tl-head' }, h('strong', {}, e.label), h('span', { class: 'muted small' }, `${e.actor.displayName} · ${timeFmt.format(new Date(e.occurredAt))}`)),
      eventDetails(e.data).map(([k, v]) => h('div', { class: 'small' }, h('span', { class: 'muted' }, `${k}：`), v)))))
    : h('p', { class: 'muted' }, '正在加载办理记录…');
  fill(els.body,
    els.panelMsg,
    h('dl', { class: 'fields' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('section', {}, h('h3', {}, '可执行操作'),
      actions.length || t.allowedActions.length ? h('div', { class: 'actions' }, actions) : h('p', { class: 'muted' }, '当前用户在此阶段没有可执行的操作'),
      els.formArea),
    linkedItemsSection(t),
    materialsSection(t),
    reassignSection(t),
    sideSection(t),
    h('section', {}, h('h3', {}, '办理记录（最新在前）'), history),
    url && h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, '在 Temporal 中查看工作流')));
}

/** 关联整改问题: the items counted against this task; each opens the item's detail in the same dialog. */
function linkedItemsSection(t) {
  const items = t.linkedItems; // absent until the full detail arrives
  const canReport = REPORTER_ROLES.includes(state.me?.role);
  return h('section', {},
    h('h3', {}, items ? `关联整改问题（${items.length}）` : '关联整改问题'),
    !items ? h('p', { class: 'muted' }, '正在加载…')
      : items.length ? h('ul', { class: 'files linked' }, items.map((i) => h('li', {},
        h('button', { type: 'button', class: 'linked-item', 'aria-haspopup': 'dialog', onclick: () => openItem(i.id, { fromTask: t.id }) },
          h('span', { class: `badge state state-${i.state.toLowerCase()}` }, i.stateLabel), ' ', i.description))))
        : h('p', { class: 'muted' }, '暂无关联的整改问题'),
    canReport && h('button', { type: 'button', class: 'action', onclick: () => openReport({ task: t }) }, '针对此任务上报问题'));
}

/* ---------- Comments and evidence ---------- */

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Downloads with the identity header (a plain link could not send it), then hands the file to the browser. */
async function downloadEvidence(e) {
  try {
    const res = await fetch(e.url, { headers: { 'x-demo-user': state.login } });
    if (!res.ok) throw new Error((await res.json().catch(() => ({}))).message || `下载失败（HTTP ${res.status}）`);
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', { href: url, download: e.name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    panelMessage(err.message, 'error');
  }
}

async function sideMutation(mutation, inputType, input, done) {
  const t = state.detail;
  try {
    const data = await gql(`mutation Side($input: ${inputType}!) { ${mutation}(input: $input) { ...Detail } }\n${DETAIL}\n${CARD}`, { input: { taskId: t.id, ...input } });
    const updated = data[mutation];
    placeTask(updated, true);
    if (state.openKind !== 'task' || state.openId !== updated.id) return;
    state.detail = updated;
    renderDetail(updated);
    panelMessage(done, 'ok');
  } catch (e) {
    panelMessage(e.message, 'error', e.code === 'CONFLICT');
  }
}

function sideSection(t) {
  const canComment = (t.sideActions || []).includes('ADD_COMMENT');
  const canAttach = (t.sideActions || []).includes('ATTACH_EVIDENCE');
  const comments = (t.comments || []).map((c) => h('li', {}, h('div', { class: 'tl-head' }, h('strong', {}, c.author.displayName), h('span', { class: 'muted small' }, timeFmt.format(new Date(c.at)))), h('div', {}, c.text)));
  const files = (t.evidence || []).map((e) => h('li', {},
    h('button', { type: 'button', class: 'link', onclick: () => downloadEvidence(e) }, e.name),
    h('span', { class: 'muted small' }, ` ${(e.size / 1024).toFixed(0)} KB · ${e.uploadedBy.displayName} · ${timeFmt.format(new Date(e.at))}`),
    e.note && h('div', { class: 'small' }, e.note)));
  const text = h('textarea', { rows: 2, maxlength: 2000, 'aria-label': '意见内容' });
  const file = h('input', { type: 'file', accept: '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx', 'aria-label': '选择佐证材料' });
  const note = h('input', { type: 'text', maxlength: 200, placeholder: '材料说明（选填）', 'aria-label': '材料说明' });
  const sendComment = () => {
    if (!text.value.trim()) return panelMessage('请填写意见内容', 'error');
    sideMutation('addComment', 'AddCommentInput', { text: text.value, expectedVersion: null }, '意见已发表');
  };
  const sendFile = () => readFile(file, (fileName, contentBase64) =>
    sideMutation('uploadEvidence', 'UploadEvidenceInput', { fileName, contentBase64, note: note.value || null }, '材料已上传'));
  return h('section', {},
    h('h3', {}, `佐证材料（${files.length}）`),
    files.length ? h('ul', { class: 'files' }, files) : h('p', { class: 'muted' }, '暂无材料'),
    canAttach && h('div', { class: 'side-form' }, file, note, h('button', { type: 'button', onclick: sendFile }, '上传')),
    h('h3', {}, `意见（${comments.length}）`),
    comments.length ? h('ol', { class: 'timeline' }, comments) : h('p', { class: 'muted' }, '暂无意见'),
    canComment && h('div', { class: 'side-form' }, text, h('button', { type: 'button', onclick: sendComment }, '发表意见')));
}

/** Reads a chosen file as base64, within the upload limit; null (with a message) otherwise. */
function readFile(input, then) {
  const f = input.files && input.files[0];
  if (!f) return panelMessage('请选择文件', 'error');
  if (f.size > MAX_UPLOAD_BYTES) return panelMessage('文件超过 20 MB 的上限', 'error');
  const reader = new FileReader();
  reader.onload = () => then(f.name, String(reader.result).split(',')[1] || '');
  reader.onerror = () => panelMessage('读取文件失败', 'error');
  reader.readAsDataURL(f);
}

/** 档案材料: each material the indicator requires, where it stands, and what this user may do with it. */
function materialsSection(t) {
  const materials = t.archiveMaterials || [];
  if (!materials.length) return null;
  const canSubmit = t.allowedActions.includes('SUBMIT_ARCHIVE_MATERIAL');
  const canReview = t.allowedActions.includes('ACCEPT_ARCHIVE_MATERIAL');
  const accepted = materials.filter((m) => m.status === 'ACCEPTED').length;
  const row = (m) => {
    const file = h('input', { type: 'file', accept: '.jpg,.jpeg,.png,.webp,.pdf,.docx,.xlsx', 'aria-label': `为「${m.name}」选择文件` });
    const note = h('input', { type: 'text', maxlength: 200, placeholder: '说明（选填）', 'aria-label': `「${m.name}」的说明` });
    const reason = h('input', { type: 'text', maxlength: 200, placeholder: '退回原因', 'aria-label': `退回「${m.name}」的原因` });
    const submit = () => readFile(file, (fileName, contentBase64) => sideMutation('submitArchiveMaterial', 'SubmitArchiveMaterialInput',
      { materialCode: m.code, fileName, contentBase64, note: note.value || null, expectedVersion: t.version }, `已提交「${m.name}」`));
    const accept = () => sideMutation('acceptArchiveMaterial', 'AcceptArchiveMaterialInput', { materialCode: m.code, expectedVersion: t.version }, `「${m.name}」已验收`);
    const giveBack = () => {
      if (!reason.value.trim()) return panelMessage('请填写退回原因', 'error');
      sideMutation('returnArchiveMaterial', 'ReturnArchiveMaterialInput', { materialCode: m.code, reason: reason.value, expectedVersion: t.version }, `「${m.name}」已退回`);
    };
    const who = [m.submittedBy && `${m.submittedBy.displayName} 提交`, m.reviewedBy && `${m.reviewedBy.displayName} ${m.status === 'RETURNED' ? '退回' : '验收'}`].filter(Boolean).join(' · ');
    return h('li', { dataset: { material: m.code } },
      h('div', { class: 'tl-head' }, h('strong', {}, m.name), h('span', { class: `badge material ${m.status.toLowerCase()}` }, MATERIAL_STATUS[m.status] || m.status)),
      m.file && h('div', { class: 'small' }, h('button', { type: 'button', class: 'link', onclick: () => downloadEvidence(m.file) }, m.file.name), who && h('span', { class: 'muted' }, ` · ${who}`)),
      m.returnReason && h('div', { class: 'small' }, h('span', { class: 'muted' }, '退回原因：'), m.returnReason),
      canSubmit && (m.status === 'MISSING' || m.status === 'RETURNED') && h('div', { class: 'side-form' }, file, note, h('button', { type: 'button', onclick: submit }, '提交')),
      canReview && m.status === 'SUBMITTED' && h('div', { class: 'side-form' }, h('button', { type: 'button', class: 'primary', onclick: accept }, '验收通过'), reason, h('button', { type: 'button', onclick: giveBack }, '退回')));
  };
  return h('section', {}, h('h3', {}, `档案材料（已验收 ${accepted} / ${materials.length}）`), h('ul', { class: 'files materials' }, materials.map(row)));
}

/** 改派: the office moves the task to another responsible unit. */
function reassignSection(t) {
  if (!(t.sideActions || []).includes('REASSIGN')) return null;
  const unit = h('select', { 'aria-label': '改派到的单位' }, h('option', { value: '' }, '改派给…'),
    UNITS.filter(([code]) => code !== t.unit.code).map(([code, name]) => h('option', { value: code }, name)));
  const reason = h('input', { type: 'text', maxlength: 200, placeholder: '改派原因', 'aria-label': '改派原因' });
  const send = () => {
    if (!unit.value) return panelMessage('请选择改派到的单位', 'error');
    if (!reason.value.trim()) return panelMessage('请填写改派原因', 'error');
    sideMutation('reassignTask', 'ReassignTaskInput', { unitCode: unit.value, reason: reason.value, expectedVersion: t.version }, '任务已改派');
  };
  return h('section', {}, h('h3', {}, '改派责任单位'), h('div', { class: 'side-form' }, unit, reason, h('button', { type: 'button', onclick: send }, '改派')));
}

/** One score input per criterion of the indicator; the score rate decides whether it is met. */
function scoresControl() {
  const criteria = state.detail?.indicator?.criteria || [];
  if (!criteria.length) return h('p', { class: 'form-error' }, '该指标在测评体系中没有测评内容，无法评分');
  return h('fieldset', { class: 'field scores' }, h('legend', {}, `${FIELD_LABELS.scores} *`),
    criteria.map((c) => h('label', { class: 'score-row' },
      h('span', {}, `${c.code} ${c.content}（${c.points} 分）`),
      h('input', { name: `score:${c.code}`, type: 'number', min: 0, max: c.points, step: 'any', inputmode: 'decimal', dataset: { points: String(c.points) } }))));
}

function fieldControl(spec) {
  const name = spec.replace('!', '');
  const required = spec.endsWith('!');
  if (name === 'scores') return scoresControl();
  const choose = h('option', { value: '' }, '请选择');
  let control;
  if (name === 'classification') control = h('select', { name }, choose, Object.entries(CLASSIFICATIONS).map(([v, l]) => h('option', { value: v }, l)));
  else if (name === 'passed') control = h('select', { name }, choose, h('option', { value: 'true' }, '达标'), h('option', { value: 'false' }, '未达标'));
  else if (name === 'score') control = h('input', { name, type: 'number', min: 0, max: 100, step: 'any', inputmode: 'decimal' });
  else if (DATE_FIELDS.has(name)) control = h('input', { name, type: 'date' });
  else if (name === 'plan') control = h('textarea', { name, rows: 4, maxlength: 2000 });
  else control = h('textarea', { name, rows: 3, maxlength: 2000 });
  return h('label', { class: 'field' }, h('span', {}, FIELD_LABELS[name], required ? ' *' : '（选填）'), control);
}

function openForm(action) {
  const spec = ACTIONS[action];
  if (!spec) return;
  state.formAction = action;
  const error = h('p', { class: 'form-error', role: 'alert' });
  // Our own checks (novalidate) keep every message in Chinese, whatever the browser's language.
  const form = h('form', { class: 'action-form', novalidate: true }, h('h4', {}, spec.label),
    spec.fields.map(fieldControl), error,
    h('div', { class: 'form-buttons' },
      h('button', { type: 'submit', class: 'primary' }, `确认${spec.label}`),
      h('button', { type: 'button', onclick: () => { state.formAction = null; els.formArea.replaceChildren(); } }, '取消')));
  form.addEventListener('submit', (e) => { e.preventDefault(); submitAction(action, form, error); });
  els.formArea.replaceChildren(form);
  form.querySelector('select, input, textarea')?.focus();
}

async function submitAction(action, form, error) {
  const spec = ACTIONS[action];
  const task = state.detail;
  const fail = (message, field, refresh) => {
    error.replaceChildren(message, refresh ? h('button', { type: 'button', onclick: () => loadDetail(task.id) }, '刷新任务') : '');
    form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
    const c = field && form.elements[field];
    if (c) { c.setAttribute('aria-invalid', 'true'); c.focus(); }
  };
  const input = { taskId: task.id, expectedVersion: task.version }; // optimistic concurrency: CONFLICT if it moved on
  for (const f of spec.fields) {
    const name = f.replace('!', '');
    if (name === 'scores') {
      input.scores = [];
      for (const el of form.querySelectorAll('input[name^="score:"]')) {
        const n = Number(el.value.trim());
        const points = Number(el.dataset.points);
        if (el.value.trim() === '' || !Number.isFinite(n) || n < 0 || n > points) return fail(`每项得分须在 0 到该项分值之间（${el.name.slice(6)}）`, el.name);
        input.scores.push({ criterionCode: el.name.slice(6), score: n });
      }
      if (!input.scores.length) return fail('该指标没有可评分的测评内容', null);
      continue;
    }
    const raw = form.elements[name].value.trim();
    if (!raw) {
      if (f.endsWith('!')) return fail(`请填写${FIELD_LABELS[name]}`, name);
      continue;
    }
    if (name === 'score') {
      const n = Number(raw);
      if (!Number.isFinite(n) || n < 0 || n > 100) return fail('得分率须为 0 到 100 之间的数字', name);
      input.score = n;
    } else if (name === 'passed') input.passed = raw === 'true';
    else if (DATE_FIELDS.has(name)) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return fail(`${FIELD_LABELS[name]}格式不正确`, name);
      input[name] = `${raw}T23:59:59+08:00`; // a deadline is the end of that day in Shanghai
    }
    else input[name] = raw;
  }
  const buttons = form.querySelectorAll('button');
  buttons.forEach((b) => { b.disabled = true; });
  error.replaceChildren('正在提交…');
  try {
    const data = await gql(mutationFor(spec), { input });
    const t = data[spec.mutation];
    placeTask(t, true);
    if (state.openKind !== 'task' || state.openId !== t.id) return; // panel closed meanwhile
    state.detail = t;
    state.formAction = null;
    renderDetail(t);
    panelMessage(`已${spec.label}`, 'ok');
  } catch (e) {
    buttons.forEach((b) => { b.disabled = false; });
    fail(e.message, e.field, e.code === 'CONFLICT' || e.code === 'ILLEGAL_TRANSITION');
  }
}

/* ---------- 整改问题: detail, actions and reports ---------- */

const unitName = (code) => UNITS.find(([c]) => c === code)?.[1] || code;
const sizeText = (bytes) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

function openItem(id, { fromTask = null, detail = null, message = null } = {}) {
  const known = detail || ITEMS.data.get(id);
  state.openKind = 'item';
  state.openId = id;
  state.item = known || null; // card data until the full detail arrives; its version is what we act on
  state.formAction = null;
  state.fromTask = fromTask;
  if (known) renderItem(known);
  else renderLoading('整改问题详情');
  showDialog({ kind: 'item', id });
  if (detail) { if (message) panelMessage(message, 'ok'); } else loadItem(id);
}

async function loadItem(id, message) {
  try {
    const { rectificationItem: i } = await gql(ITEM_QUERY, { id });
    if (state.openKind !== 'item' || state.openId !== id) return;
    state.item = i;
    state.formAction = null;
    placeItem(i, false);
    renderItem(i);
    if (message) panelMessage(message, 'ok');
  } catch (e) {
    if (state.openKind === 'item' && state.openId === id) panelMessage(`加载失败：${e.message}`, 'error', true);
  }
}

/** What an item event's data says, in Chinese (see rectification-item.events.ts). */
function itemEventDetails(data) {
  if (!data || typeof data !== 'object') return [];
  const out = [];
  if (data.source) out.push(['来源', ITEM_SOURCES[data.source] || data.source]);
  if (data.area) out.push(['领域', AREAS[data.area] || data.area]);
  if (data.location?.address) out.push(['地址', data.location.address]);
  if (data.description) out.push(['问题描述', data.description]);
  if (Array.isArray(data.photos) && data.photos.length) out.push(['照片', `${data.photos.length} 张`]);
  if (data.unitCode) out.push(['责任单位', unitName(data.unitCode)]);
  if (data.previousUnitCode) out.push(['原责任单位', unitName(data.previousUnitCode)]);
  if (data.level) out.push(['督办步骤', ESCALATIONS[data.level] || data.level]);
  if (typeof data.passed === 'boolean') out.push(['复查结果', data.passed ? '合格' : '不合格']);
  if (data.dueAt) out.push(['整改时限', shanghaiDay(data.dueAt)]);
  if (data.requestedDueAt) out.push(['申请延至', shanghaiDay(data.requestedDueAt)]);
  if (data.recheckAt) out.push(['巩固复查', shanghaiDay(data.recheckAt)]);
  if (data.reason) out.push(['原因', data.reason]);
  if (data.note) out.push(['说明', data.note]);
  return out;
}

const photoList = (photos) => h('ul', { class: 'files' }, photos.map((p) => h('li', {},
  h('button', { type: 'button', class: 'link', onclick: () => downloadEvidence(p) }, `下载 ${p.name}`),
  h('span', { class: 'muted small' }, ` ${sizeText(p.size)}`))));

function renderItem(i) {
  const loaded = Array.isArray(i.history); // card data has no history, photos or submission yet
  const due = itemDueInfo(i);
  const task = i.indicatorTaskId && TASKS.data.get(i.indicatorTaskId);
  els.title.textContent = `整改问题 · ${i.stateLabel}`;
  const rows = [
    ['问题描述', i.description],
    ['状态', i.stateLabel],
    ['来源', i.sourceLabel],
    ['专项领域', i.area ? AREAS[i.area] || i.area : '无'],
    ['地址', i.location.address],
    i.location.latitude != null && ['经纬度', `${i.location.latitude}, ${i.location.longitude}`],
    ['责任单位', i.unit ? i.unit.name : '待派单'],
    ['整改时限', i.dueAt ? h('span', { class: `due ${due?.text ? due.cls : ''}` }, shanghaiDay(i.dueAt), due?.text && `（${due.text}）`) : '派单时确定'],
    ['提醒督办', i.escalationLevel ? ESCALATIONS[i.escalationLevel] : '无'],
    i.recheckAt && ['巩固复查', `${shanghaiDay(i.recheckAt)}${i.state === 'RECHECK' ? '（已到期）' : ''}`],
    ['反弹次数', String(i.relapseCount)],
    ['重复上报', `${i.duplicateReports} 次`],
    loaded && ['上报人', i.reportedBy ? i.reportedBy.displayName : '暗访组'],
    ['上报时间', timeFmt.format(new Date(i.createdAt))],
    i.indicatorTaskId && ['关联指标任务', h('button', { type: 'button', class: 'link', onclick: () => openDetail(i.indicatorTaskId) },
      task ? `${task.indicator.code} ${task.indicator.name}` : '查看指标任务')],
    i.criterionCode && ['测评内容', i.criterionCode],
    i.returnReason && ['最近退回原因', i.returnReason],
  ].filter(Boolean);
  const requests = [
    i.pendingExtension && h('li', {}, h('strong', {}, '延期申请'), `：申请延至 ${shanghaiDay(i.pendingExtension.requestedDueAt)}。理由：${i.pendingExtension.reason}`),
    i.pendingDispatchReturn && h('li', {}, h('strong', {}, '退回申请（非本单位职责）'), `：${i.pendingDispatchReturn.reason}`),
  ].filter(Boolean);
  els.panelMsg = h('div', { class: 'panel-msg', role: 'status', hidden: true });
  els.formArea = h('div', { class: 'form-area' });
  const actions = i.allowedActions.filter((a) => ITEM_ACTIONS[a])
    .map((a) => h('button', { type: 'button', class: 'action', onclick: () => openItemForm(a) }, ITEM_ACTIONS[a].label));
  const sub = i.submission;
  const history = loaded
    ? h('ol', { class: 'timeline' }, [...i.history].reverse().map((e) => h('li', {},
      h('div', { class: 'tl-head' }, h('strong', {}, e.label), h('span', { class: 'muted small' }, `${e.actor.displayName} · ${timeFmt.format(new Date(e.occurredAt))}`)),
      itemEventDetails(e.data).map(([k, v]) => h('div', { class: 'small' }, h('span', { class: 'muted' }, `${k}：`), v)))))
    : h('p', { class: 'muted' }, '正在加载办理记录…');
  fill(els.body,
    els.panelMsg,
    state.fromTask && h('p', {}, h('button', { type: 'button', class: 'link', onclick: () => openDetail(state.fromTask) }, '← 返回指标任务详情')),
    h('dl', { class: 'fields' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    requests.length > 0 && h('section', {}, h('h3', {}, '待审批的申请'), h('ul', { class: 'requests' }, requests)),
    h('section', {}, h('h3', {}, '可执行操作'),
      actions.length ? h('div', { class: 'actions' }, actions) : h('p', { class: 'muted' }, '当前用户在此状态没有可执行的操作'),
      els.formArea),
    h('section', {}, h('h3', {}, loaded ? `问题照片（${i.photos.length}）` : '问题照片'),
      !loaded ? h('p', { class: 'muted' }, '正在加载…') : i.photos.length ? photoList(i.photos) : h('p', { class: 'muted' }, '未附照片')),
    loaded && sub && h('section', {}, h('h3', {}, '整改结果'),
      h('p', { class: 'muted small' }, `${sub.submittedBy.displayName} 提交于 ${timeFmt.format(new Date(sub.submittedAt))}`),
      h('p', { class: 'prewrap' }, sub.note),
      h('h4', {}, `整改后照片（${sub.photos.length}）`),
      sub.photos.length ? photoList(sub.photos) : h('p', { class: 'muted' }, '未附照片')),
    h('section', {}, h('h3', {}, '办理记录（最新在前）'), history));
}

/** Marks the field the message is about and moves focus there; offers a refresh when the item moved on. */
function formFailer(form, error) {
  return (message, field, refresh) => {
    error.replaceChildren(message, refresh ? h('button', { type: 'button', onclick: refresh }, '刷新') : '');
    form.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
    const c = field && form.elements[FIELD_ALIASES[field] || field];
    if (c && typeof c.focus === 'function') { c.setAttribute('aria-invalid', 'true'); c.focus(); }
  };
}

const todayInShanghai = () => dayFmt.format(new Date());

function itemFieldControl(spec, f, item) {
  const name = f.replace(/[!?]$/, '');
  const label = itemFieldLabel(spec, name);
  const suffix = f.endsWith('!') ? ' *' : f.endsWith('?') ? '' : '（选填）';
  const choose = h('option', { value: '' }, '请选择');
  let control;
  if (name === 'unitCode') control = h('select', { name }, choose, UNITS.map(([code, n]) => h('option', { value: code }, n)));
  else if (name === 'passed') control = h('select', { name }, choose, h('option', { value: 'true' }, '合格（销号）'), h('option', { value: 'false' }, '不合格（反弹，重新整改）'));
  else if (ITEM_DATE_FIELDS.has(name)) control = h('input', { name, type: 'date', min: todayInShanghai() });
  else control = h('textarea', { name, rows: 3, maxlength: 2000 });
  const hint = spec.hints?.[name] || (name === 'requestedDueAt' && item.dueAt ? `现有时限 ${shanghaiDay(item.dueAt)}` : null);
  return h('label', { class: 'field' }, h('span', {}, label, suffix), control, hint && h('span', { class: 'muted small' }, hint));
}

function openItemForm(action) {
  const spec = ITEM_ACTIONS[action];
  if (!spec) return;
  state.formAction = action;
  const item = state.item;
  const error = h('p', { class: 'form-error', role: 'alert' });
  let picker = null;
  const controls = spec.fields.map((f) => {
    if (f.startsWith('photos')) {
      picker = photoPicker(itemFieldLabel(spec, 'photos'), f.endsWith('!'));
      return picker.el;
    }
    return itemFieldControl(spec, f, item);
  });
  // Our own checks (novalidate) keep every message in Chinese, whatever the browser's language.
  const form = h('form', { class: 'action-form', novalidate: true }, h('h4', {}, spec.label), controls, error,
    h('div', { class: 'form-buttons' },
      h('button', { type: 'submit', class: 'primary' }, `确认${spec.label}`),
      h('button', { type: 'button', onclick: () => { state.formAction = null; els.formArea.replaceChildren(); } }, '取消')));
  form.addEventListener('submit', (e) => { e.preventDefault(); submitItemAction(action, form, error, picker); });
  els.formArea.replaceChildren(form);
  form.querySelector('select, input:not([type="file"]), textarea, button')?.focus();
}

async function submitItemAction(action, form, error, picker) {
  const spec = ITEM_ACTIONS[action];
  const item = state.item;
  const fail = formFailer(form, error);
  const raw = {};
  for (const f of spec.fields) {
    const name = f.replace(/[!?]$/, '');
    if (name !== 'photos') raw[name] = form.elements[name].value;
  }
  const files = picker ? picker.files() : [];
  const built = itemActionInput(item, action, raw, files); // photos checked for presence here, read below
  if (built.error) return fail(built.error, built.field);
  const buttons = form.querySelectorAll('button');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    if (files.length) {
      error.replaceChildren('正在读取照片…');
      built.input.photos = await readPhotos(files);
    }
    error.replaceChildren('正在提交…');
    const { actOnItem: updated } = await gql(ACT_ON_ITEM_MUTATION, { input: built.input });
    placeItem(updated, true);
    if (state.view === 'items') loadItemBoard({ quiet: true }); // the board as the server now has it
    if (state.openKind === 'task' && state.detail?.linkedItems?.some((l) => l.id === updated.id)) loadDetail(state.openId);
    if (state.openKind !== 'item' || state.openId !== updated.id) return; // panel closed meanwhile
    state.item = updated;
    state.formAction = null;
    renderItem(updated);
    panelMessage(`已${spec.label}`, 'ok');
  } catch (e) {
    buttons.forEach((b) => { b.disabled = false; });
    const stale = e.code === 'CONFLICT' || e.code === 'ILLEGAL_TRANSITION';
    fail(e.message, e.field, stale ? () => loadItem(item.id) : null);
  }
}

/* Photos: taken with the camera or picked from the album, read as base64 for the mutation. */

const PHOTO_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp', '.pdf'];
const MAX_PHOTOS = 20;
// The API takes at most 14 MB of JSON per request, and base64 makes files a third larger.
const MAX_PHOTOS_BYTES = 10 * 1024 * 1024;
// Photos too large to send together are scaled down to this longest edge (JPEG) before they are refused.
const PHOTO_EDGE = 2048;

/**
 * A photo field for phones: 拍照 opens the camera (capture="environment"), 从相册选择 the album or files; every
 * choice is added to the list (the camera gives one photo at a time), and each can be removed again.
 */
function photoPicker(label, required) {
  const files = [];
  const list = h('ul', { class: 'files picked', 'aria-live': 'polite' });
  const add = (input) => { files.push(...input.files); input.value = ''; render(); };
  const cameraInput = h('input', { type: 'file', accept: 'image/*', capture: 'environment', multiple: true, class: 'vh-input', tabindex: '-1', 'aria-hidden': 'true', onchange: (e) => add(e.target) });
  const albumInput = h('input', { type: 'file', accept: 'image/*,.pdf', multiple: true, class: 'vh-input', tabindex: '-1', 'aria-hidden': 'true', onchange: (e) => add(e.target) });
  const camera = h('button', { type: 'button', name: 'photos', onclick: () => cameraInput.click() }, '拍照');
  const album = h('button', { type: 'button', onclick: () => albumInput.click() }, '从相册选择');
  function render() {
    list.replaceChildren(...files.map((f, n) => h('li', {}, `${f.name}（${sizeText(f.size)}）`, ' ',
      h('button', { type: 'button', class: 'link', 'aria-label': `移除照片 ${f.name}`, onclick: () => { files.splice(n, 1); render(); camera.focus(); } }, '移除'))));
    if (!files.length) list.append(h('li', { class: 'muted small' }, '尚未添加照片'));
  }
  render();
  const el = h('fieldset', { class: 'field photos' }, h('legend', {}, label, required ? ' *' : '（选填）'),
    h('div', { class: 'photo-buttons' }, camera, album), cameraInput, albumInput, list,
    h('span', { class: 'muted small' }, `jpg、png、webp 或 PDF，最多 ${MAX_PHOTOS} 张，合计不超过 10 MB（过大的照片会自动压缩）`));
  return { el, files: () => [...files] };
}

const extensionOf = (name) => (/\.[^.]+$/.exec(name.toLowerCase()) || [''])[0];

/** Scales a photo down to PHOTO_EDGE as JPEG; the original when it cannot (or the copy is no smaller). */
async function shrinkPhoto(file) {
  if (typeof createImageBitmap !== 'function' || !/^image\/(jpeg|png|webp)$/.test(file.type)) return file;
  try {
    const bitmap = await createImageBitmap(file); // turned upright by its EXIF orientation
    const scale = Math.min(1, PHOTO_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = h('canvas', { width: Math.round(bitmap.width * scale), height: Math.round(bitmap.height * scale) });
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff'; // transparent PNG areas would turn black in a JPEG
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close?.();
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    if (!blob || blob.size >= file.size) return file;
    return new File([blob], `${file.name.replace(/\.[^.]+$/, '')}.jpg`, { type: 'image/jpeg' });
  } catch {
    return file; // an image the browser cannot decode: send it as it is and let the server judge
  }
}

const base64Of = (file) => new Promise((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(String(reader.result).split(',')[1] || '');
  reader.onerror = () => reject(new ApiError(`读取「${file.name}」失败`, 'FILE', 'photos'));
  reader.readAsDataURL(file);
});

/** Checks the chosen photos, shrinks them if together they are too large to send, and reads them as base64. */
async function readPhotos(chosen) {
  if (chosen.length > MAX_PHOTOS) throw new ApiError(`照片最多 ${MAX_PHOTOS} 张`, 'FILE', 'photos');
  for (const f of chosen) {
    const ext = extensionOf(f.name);
    if (ext === '.heic' || ext === '.heif') throw new ApiError(`不支持 HEIC 格式的照片「${f.name}」，请在相机设置中选择“兼容性最佳”（JPEG），或改传 jpg、png、webp`, 'FILE', 'photos');
    if (!PHOTO_EXTENSIONS.includes(ext)) throw new ApiError(`不支持的文件类型「${f.name}」，请上传 jpg、png、webp 照片或 PDF`, 'FILE', 'photos');
    if (f.size === 0) throw new ApiError(`文件「${f.name}」是空的`, 'FILE', 'photos');
  }
  const total = (fs) => fs.reduce((n, f) => n + f.size, 0);
  let files = chosen;
  if (total(files) > MAX_PHOTOS_BYTES) files = await Promise.all(files.map((f) => (f.size > 512 * 1024 ? shrinkPhoto(f) : f)));
  if (total(files) > MAX_PHOTOS_BYTES) {
    throw new ApiError(`照片合计 ${sizeText(total(files))}，超过单次上传 10 MB 的上限，请减少张数`, 'FILE', 'photos');
  }
  return Promise.all(files.map(async (f) => ({ fileName: f.name, contentBase64: await base64Of(f) })));
}

/* 上报问题: supervisors, the office and the leading group report a problem found on the spot. */

function openReport({ task = null } = {}) {
  if (!REPORTER_ROLES.includes(state.me?.role)) return;
  state.openKind = 'report';
  state.openId = null;
  state.formAction = 'REPORT';
  els.title.textContent = '上报问题';
  els.panelMsg = h('div', { class: 'panel-msg', role: 'status', hidden: true });
  els.formArea = h('div', { class: 'form-area' });
  const choose = () => h('option', { value: '' }, '请选择');
  const field = (label, required, control, hint) => h('label', { class: 'field' }, h('span', {}, label, required ? ' *' : '（选填）'), control, hint && h('span', { class: 'muted small' }, hint));
  const latitude = h('input', { name: 'latitude', type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '如 30.25' });
  const longitude = h('input', { name: 'longitude', type: 'text', inputmode: 'decimal', autocomplete: 'off', placeholder: '如 120.16' });
  const locateMsg = h('span', { class: 'muted small', role: 'status' });
  const locate = h('button', { type: 'button', onclick: () => useMyLocation(locate, latitude, longitude, locateMsg) }, '使用我的位置');
  const picker = photoPicker('问题照片', false);
  const error = h('p', { class: 'form-error', role: 'alert' });
  const cancel = () => (task ? openDetail(task.id) : closeDetail());
  const form = h('form', { class: 'action-form report-form', novalidate: true },
    task && h('p', { class: 'small' }, h('span', { class: 'muted' }, '关联指标任务：'), `${task.indicator.code} ${task.indicator.name}`),
    task && h('input', { type: 'hidden', name: 'indicatorTaskId', value: task.id }),
    field('问题来源', true, h('select', { name: 'source' }, choose(), Object.entries(ITEM_SOURCES).map(([v, l]) => h('option', { value: v }, l)))),
    field('专项整治领域', true, h('select', { name: 'area' }, choose(), Object.entries(AREAS).map(([v, l]) => h('option', { value: v }, l)))),
    field('地址', true, h('input', { name: 'address', type: 'text', maxlength: 200, autocomplete: 'off', placeholder: '如 滨江路 18 号东侧人行道' })),
    h('fieldset', { class: 'field coords' }, h('legend', {}, '经纬度（选填，须同时填写）'),
      h('div', { class: 'coord-row' },
        h('label', { class: 'inline' }, '纬度', latitude),
        h('label', { class: 'inline' }, '经度', longitude)),
      'geolocation' in navigator && h('div', { class: 'coord-row' }, locate, locateMsg)),
    field('问题描述', true, h('textarea', { name: 'description', rows: 4, maxlength: 2000 })),
    picker.el,
    field('立即派给', false, h('select', { name: 'unitCode' }, h('option', { value: '' }, '暂不派单'), UNITS.map(([code, n]) => h('option', { value: code }, n))),
      '督查检查组或创建办之后也可以在问题详情中派单'),
    field('整改时限', false, h('input', { name: 'dueAt', type: 'date', min: todayInShanghai() }), '须同时选择责任单位；不填则按活动规定的整改天数'),
    error,
    h('div', { class: 'form-buttons' },
      h('button', { type: 'submit', class: 'primary' }, '确认上报'),
      h('button', { type: 'button', onclick: cancel }, task ? '返回任务' : '取消')));
  const seq = ++state.reportSeq;
  form.addEventListener('submit', (e) => { e.preventDefault(); submitReport(form, error, picker, seq, task); });
  els.formArea.replaceChildren(form);
  els.body.replaceChildren(els.panelMsg, els.formArea);
  showDialog({ el: document.activeElement });
  form.elements.source.focus();
}

/** Fills in the coordinates from the browser (WGS-84, as the API stores them). */
function useMyLocation(button, latitude, longitude, msg) {
  if (!window.isSecureContext) { msg.textContent = '浏览器只在 HTTPS 连接下提供定位，请手动填写地址'; return; }
  button.disabled = true;
  msg.textContent = '正在定位…';
  navigator.geolocation.getCurrentPosition((pos) => {
    button.disabled = false;
    latitude.value = pos.coords.latitude.toFixed(6);
    longitude.value = pos.coords.longitude.toFixed(6);
    msg.textContent = `已定位（精度约 ${Math.round(pos.coords.accuracy)} 米）`;
  }, (err) => {
    button.disabled = false;
    msg.textContent = err.code === 1 ? '未获得定位权限，请在浏览器设置中允许，或手动填写'
      : err.code === 3 ? '定位超时，请重试或手动填写' : '无法获取当前位置，请手动填写';
  }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
}

async function submitReport(form, error, picker, seq, task) {
  const fail = formFailer(form, error);
  const raw = {};
  for (const c of form.elements) if (c.name && c.type !== 'file' && c.tagName !== 'BUTTON') raw[c.name] = c.value;
  const campaignId = state.itemCampaign?.id || state.campaign?.id || CAMPAIGN_PARAM;
  const built = reportItemInput(raw, [], campaignId);
  if (built.error) return fail(built.error, built.field);
  const buttons = form.querySelectorAll('button');
  buttons.forEach((b) => { b.disabled = true; });
  try {
    const files = picker.files();
    if (files.length) {
      error.replaceChildren('正在读取照片…');
      built.input.photos = await readPhotos(files);
    }
    error.replaceChildren('正在上报…');
    const { reportItem: r } = await gql(REPORT_ITEM_MUTATION, { input: built.input });
    placeItem(r.item, true);
    if (state.view === 'items') loadItemBoard({ quiet: true });
    if (state.openKind !== 'report' || state.reportSeq !== seq) return; // the form was closed meanwhile
    const message = r.duplicate
      ? `同一地点、领域已有未销号的问题，本次上报已作为重复上报关联到该问题（累计重复上报 ${r.item.duplicateReports} 次）`
      : r.item.unit ? `问题已上报并派给${r.item.unit.name}` : '问题已上报，待派单';
    openItem(r.item.id, { fromTask: task?.id ?? null, detail: r.item, message });
  } catch (e) {
    buttons.forEach((b) => { b.disabled = false; });
    fail(e.message, e.field);
  }
}

function closeDetail() { if (els.dialog.open) els.dialog.close(); }

/* ---------- Identity and start-up ---------- */

async function switchUser(login) {
  state.login = login;
  try { localStorage.setItem(USER_KEY, login); } catch { /* private mode: just don't remember */ }
  live.stop(); // the old identity's socket must not feed cards into the new board
  setLive('connecting');
  closeDetail();
  buildColumns(TASKS);
  buildColumns(ITEMS);
  state.itemLoadSeq++; // an items load still on the way is the old identity's
  const unitUser = USERS.find((u) => u.login === login)?.unit;
  els.unitWrap.hidden = Boolean(unitUser); // unit users see only their own cards anyway
  if (unitUser) { state.unit = ''; els.unitFilter.value = ''; }
  els.who.textContent = '';
  state.me = null;
  els.report.hidden = true;
  gql(ME_QUERY).then(({ me }) => {
    if (state.login !== login) return;
    state.me = me;
    els.who.textContent = `${ROLES[me.role] || me.role}${me.unit ? ` · ${me.unit.name}` : ''}`;
    els.report.hidden = !REPORTER_ROLES.includes(me.role); // decided by the role, as the API decides
  }, () => { /* the board load reports the same error */ });
  if (state.view === 'items') loadItemBoard();
  await loadBoard();
  if (state.login === login) live.restart(); // subscribe for the campaign just loaded
}

function init() {
  els = {
    board: $('board'), itemBoard: $('item-board'), status: $('status'), live: $('live'), who: $('who'), campaignName: $('campaign-name'),
    countdown: $('countdown'), dialog: $('detail'), title: $('detail-title'), body: $('detail-body'),
    unitWrap: $('unit-filter-wrap'), unitFilter: $('unit-filter'), user: $('user'), search: $('search'),
    viewTasks: $('view-tasks'), viewItems: $('view-items'), areaWrap: $('area-filter-wrap'), areaFilter: $('area-filter'),
    sourceWrap: $('source-filter-wrap'), sourceFilter: $('source-filter'), report: $('report-item'),
  };
  TASKS.root = els.board;
  ITEMS.root = els.itemBoard;
  const office = USERS.filter((u) => !u.unit);
  els.user.append(
    h('optgroup', { label: '领导与工作组' }, office.map((u) => h('option', { value: u.login }, u.name))),
    h('optgroup', { label: '责任单位' }, USERS.filter((u) => u.unit).map((u) => h('option', { value: u.login }, u.name))));
  els.unitFilter.append(...UNITS.map(([code, name]) => h('option', { value: code }, name)));
  els.areaFilter.append(...Object.entries(AREAS).map(([v, l]) => h('option', { value: v }, l)));
  els.sourceFilter.append(...Object.entries(ITEM_SOURCES).map(([v, l]) => h('option', { value: v }, l)));

  let saved = null;
  let savedView = null;
  try { saved = localStorage.getItem(USER_KEY); savedView = localStorage.getItem(VIEW_KEY); } catch { /* storage blocked */ }
  const login = USERS.some((u) => u.login === saved) ? saved : 'supervisor';
  els.user.value = login;

  els.user.addEventListener('change', () => switchUser(els.user.value));
  els.unitFilter.addEventListener('change', () => {
    state.unit = els.unitFilter.value;
    closeDetail();
    loadBoard();
    if (state.view === 'items') loadItemBoard();
  });
  const itemFilter = () => { state.area = els.areaFilter.value; state.source = els.sourceFilter.value; loadItemBoard(); };
  els.areaFilter.addEventListener('change', itemFilter);
  els.sourceFilter.addEventListener('change', itemFilter);
  els.search.addEventListener('input', (e) => { state.search = e.target.value; applySearch(); });
  els.viewTasks.addEventListener('click', () => { if (state.view !== 'tasks') setView('tasks'); });
  els.viewItems.addEventListener('click', () => { if (state.view !== 'items') setView('items'); });
  els.report.addEventListener('click', () => openReport());
  // One listener per board for all its cards: buttons already handle Enter/Space and focus.
  els.board.addEventListener('click', (e) => {
    const card = e.target.closest('.card');
    if (card) openDetail(card.dataset.id);
  });
  els.itemBoard.addEventListener('click', (e) => {
    const card = e.target.closest('.card');
    if (card) openItem(card.dataset.id);
  });
  // Back to a hidden tab: catch up at once instead of waiting for the next poll.
  document.addEventListener('visibilitychange', () => { if (!document.hidden && state.view === 'items') loadItemBoard({ quiet: true }); });
  $('detail-close').addEventListener('click', closeDetail);
  els.dialog.addEventListener('click', (e) => { if (e.target === els.dialog) closeDetail(); }); // backdrop click
  // Esc closes the <dialog> natively; on any close, return focus to what opened it (a card may have been re-rendered).
  els.dialog.addEventListener('close', () => {
    if (els.dialog.open) return; // reopened before this (queued) event ran
    const back = state.returnTo;
    Object.assign(state, { openKind: null, openId: null, detail: null, item: null, formAction: null, fromTask: null, returnTo: null });
    const el = back?.el || (back?.kind === 'item' ? ITEMS : TASKS).els.get(back?.id);
    if (el && el.isConnected) el.focus();
  });
  setView(savedView === 'items' ? 'items' : 'tasks', { load: false }); // switchUser loads the board shown
  switchUser(login);
}

document.addEventListener('DOMContentLoaded', init);
