// 创文任务看板 — a dependency-free board over the GraphQL API (see graphql/schema.graphql).
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
const TZ = 'Asia/Shanghai';
const USER_KEY = 'chuangwen.board.user';
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

function dueInfo(t) {
  if (t.stage === 'ARCHIVED') return { text: '', cls: '' }; // finished work cannot be late any more
  const n = daysFromToday(t.stageDueAt || t.dueAt);
  if (n < 0) return { text: `已逾期 ${-n} 天`, cls: 'overdue' };
  if (n === 0) return { text: '今天到期', cls: 'soon' };
  return { text: `还剩 ${n} 天`, cls: n <= 7 ? 'soon' : '' };
}

const classTag = (c) => h('span', { class: `tag cls-${c || 'NONE'}` }, c ? CLASSIFICATIONS[c] || c : '未分类');
const byDue = (a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/* ---------- State ---------- */

const state = {
  login: 'supervisor',
  unit: '', // unit filter (office roles)
  search: '',
  campaign: null,
  tasks: new Map(), // task id -> card data last shown
  cardEls: new Map(), // task id -> card button
  cols: new Map(), // stage -> { col, list, count, empty }
  loadSeq: 0, // drops answers to superseded board loads
  openId: null, // task shown in the detail panel
  detail: null, // its latest data (card or full detail)
  formAction: null, // action whose form is open
};
const $ = (id) => document.getElementById(id);
let els;

/* ---------- Board ---------- */

function setStatus(message, retry) {
  els.status.hidden = !message;
  els.status.replaceChildren(message || '', retry ? h('button', { type: 'button', onclick: retry }, '重试') : '');
}

function buildColumns() {
  state.tasks.clear();
  state.cardEls.clear();
  state.cols.clear();
  els.board.replaceChildren();
  for (const [stage, label] of STAGES) {
    const count = h('span', { class: 'count' }, '0');
    const list = h('div', { class: 'cards' });
    const empty = h('p', { class: 'empty muted' }, '暂无任务');
    const col = h('section', { class: 'column', 'aria-label': label }, h('h2', {}, label, count), empty, list);
    state.cols.set(stage, { col, list, count, empty });
    els.board.append(col);
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

function matchesSearch(t) {
  const q = state.search.trim().toLowerCase();
  if (!q) return true;
  return [t.indicator.code, t.indicator.name, t.indicator.itemName, t.unit.name, t.leadUnit.name]
    .some((s) => s.toLowerCase().includes(q));
}

/** Puts a card in its column, replacing any older copy in place: keyed by id, so never duplicated. */
function upsert(t, flash) {
  const old = state.tasks.get(t.id);
  if (old && old.version > t.version) return; // a late, older copy must not undo a newer one
  const oldEl = state.cardEls.get(t.id);
  // Same version and actions: nothing on the card changed, so keep the DOM (and focus) as it is.
  if (old && oldEl && old.version === t.version && String(old.allowedActions) === String(t.allowedActions)) return;
  state.tasks.set(t.id, t);
  const el = cardEl(t);
  const hadFocus = oldEl && oldEl === document.activeElement;
  oldEl?.remove();
  const list = state.cols.get(t.stage)?.list;
  if (!list) return;
  const before = [...list.children].find((c) => byDue(state.tasks.get(c.dataset.id), t) > 0);
  list.insertBefore(el, before || null);
  state.cardEls.set(t.id, el);
  el.hidden = !matchesSearch(t);
  if (hadFocus) el.focus();
  if (flash) { el.classList.add('flash'); setTimeout(() => el.classList.remove('flash'), 1500); }
}

function removeCard(id) {
  state.cardEls.get(id)?.remove();
  state.cardEls.delete(id);
  state.tasks.delete(id);
}

function refreshCounts() {
  for (const { list, count, empty } of state.cols.values()) {
    const total = list.children.length;
    const shown = [...list.children].filter((c) => !c.hidden).length;
    count.textContent = state.search.trim() ? `${shown}/${total}` : String(total);
    empty.hidden = shown > 0;
  }
}

function applySearch() {
  for (const [id, el] of state.cardEls) el.hidden = !matchesSearch(state.tasks.get(id));
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
    for (const id of [...state.tasks.keys()]) if (!seen.has(id)) removeCard(id);
    refreshCounts();
    setStatus('');
  } catch (e) {
    if (seq === state.loadSeq) setStatus(`看板加载失败：${e.message}`, () => loadBoard());
  }
}

/** A change pushed by the server: move/replace that one card. */
function onLiveChange({ task: t }) {
  if (state.campaign && t.campaignId !== state.campaign.id) return;
  if (state.unit && t.unit.code !== state.unit) removeCard(t.id); // filtered out by the unit selector
  else upsert(t, true);
  refreshCounts();
  if (t.id === state.openId && state.detail && t.version > state.detail.version) {
    if (state.formAction) panelMessage('此任务刚有新的变化，请刷新后再操作', 'warn', true); // don't wipe a half-typed form
    else loadDetail(t.id);
  }
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
  els.panelMsg.replaceChildren(text || '', withRefresh ? h('button', { type: 'button', onclick: () => loadDetail(state.openId) }, '刷新') : '');
}

function openDetail(id) {
  const t = state.tasks.get(id);
  if (!t) return;
  state.openId = id;
  state.detail = t; // card data until the full detail arrives; its version is what we act on
  state.formAction = null;
  renderDetail(t);
  if (!els.dialog.open) els.dialog.showModal();
  loadDetail(id);
}

async function loadDetail(id, message) {
  try {
    const { indicatorTask: t } = await gql(TASK_QUERY, { id });
    if (state.openId !== id) return;
    state.detail = t;
    state.formAction = null;
    upsert(t, false);
    refreshCounts();
    renderDetail(t);
    if (message) panelMessage(message, 'ok');
  } catch (e) {
    if (state.openId === id) panelMessage(`加载失败：${e.message}`, 'error', true);
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
  els.body.replaceChildren(
    els.panelMsg,
    h('dl', { class: 'fields' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    h('section', {}, h('h3', {}, '可执行操作'),
      actions.length || t.allowedActions.length ? h('div', { class: 'actions' }, actions) : h('p', { class: 'muted' }, '当前用户在此阶段没有可执行的操作'),
      els.formArea),
    materialsSection(t),
    reassignSection(t),
    sideSection(t),
    h('section', {}, h('h3', {}, '办理记录（最新在前）'), history),
    url && h('p', {}, h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, '在 Temporal 中查看工作流')));
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
    upsert(updated, true);
    if (state.openId !== updated.id) return;
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
    upsert(t, true);
    refreshCounts();
    if (state.openId !== t.id) return; // panel closed meanwhile
    state.detail = t;
    state.formAction = null;
    renderDetail(t);
    panelMessage(`已${spec.label}`, 'ok');
  } catch (e) {
    buttons.forEach((b) => { b.disabled = false; });
    fail(e.message, e.field, e.code === 'CONFLICT' || e.code === 'ILLEGAL_TRANSITION');
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
  buildColumns();
  const unitUser = USERS.find((u) => u.login === login)?.unit;
  els.unitWrap.hidden = Boolean(unitUser); // unit users see only their own cards anyway
  if (unitUser) { state.unit = ''; els.unitFilter.value = ''; }
  els.who.textContent = '';
  gql(ME_QUERY).then(({ me }) => {
    if (state.login === login) els.who.textContent = `${ROLES[me.role] || me.role}${me.unit ? ` · ${me.unit.name}` : ''}`;
  }, () => { /* the board load reports the same error */ });
  await loadBoard();
  if (state.login === login) live.restart(); // subscribe for the campaign just loaded
}

function init() {
  els = {
    board: $('board'), status: $('status'), live: $('live'), who: $('who'), campaignName: $('campaign-name'),
    countdown: $('countdown'), dialog: $('detail'), title: $('detail-title'), body: $('detail-body'),
    unitWrap: $('unit-filter-wrap'), unitFilter: $('unit-filter'), user: $('user'),
  };
  const office = USERS.filter((u) => !u.unit);
  els.user.append(
    h('optgroup', { label: '领导与工作组' }, office.map((u) => h('option', { value: u.login }, u.name))),
    h('optgroup', { label: '责任单位' }, USERS.filter((u) => u.unit).map((u) => h('option', { value: u.login }, u.name))));
  els.unitFilter.append(...UNITS.map(([code, name]) => h('option', { value: code }, name)));

  let saved = null;
  try { saved = localStorage.getItem(USER_KEY); } catch { /* storage blocked */ }
  const login = USERS.some((u) => u.login === saved) ? saved : 'supervisor';
  els.user.value = login;

  els.user.addEventListener('change', () => switchUser(els.user.value));
  els.unitFilter.addEventListener('change', () => { state.unit = els.unitFilter.value; closeDetail(); loadBoard(); });
  $('search').addEventListener('input', (e) => { state.search = e.target.value; applySearch(); });
  // One listener for all cards: buttons already handle Enter/Space and focus.
  els.board.addEventListener('click', (e) => {
    const card = e.target.closest('.card');
    if (card) openDetail(card.dataset.id);
  });
  $('detail-close').addEventListener('click', closeDetail);
  els.dialog.addEventListener('click', (e) => { if (e.target === els.dialog) closeDetail(); }); // backdrop click
  // Esc closes the <dialog> natively; on any close, return focus to the card (it may have been re-rendered).
  els.dialog.addEventListener('close', () => {
    if (els.dialog.open) return; // reopened before this (queued) event ran
    const id = state.openId;
    state.openId = null;
    state.detail = null;
    state.formAction = null;
    state.cardEls.get(id)?.focus();
  });
  switchUser(login);
}

document.addEventListener('DOMContentLoaded', init);
