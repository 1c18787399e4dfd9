// Generated from graphql/*.graphql by `npm run codegen`. Do not edit.
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** 角色 / Role */
export type Role =
  /** 领导小组 / Leading group */
  | 'LEADER'
  /** 创建办 / Campaign office */
  | 'OFFICE'
  /** 督查检查组 / Supervision group */
  | 'SUPERVISOR'
  /** 档案组 / Archives group */
  | 'ARCHIVIST'
  /** 单位负责人 / Head of a unit */
  | 'UNIT_HEAD'
  /** 责任单位成员 / Member of a responsible unit */
  | 'UNIT_MEMBER';

/** 单位类别 / Kind of unit */
export type UnitKind =
  /** 站办所 / Sub-district department */
  | 'DEPARTMENT'
  /** 社区 / Community */
  | 'COMMUNITY'
  /** 村 / Village */
  | 'VILLAGE'
  /** 企业 / Enterprise */
  | 'ENTERPRISE'
  /** 学校 / School */
  | 'SCHOOL'
  /** 窗口单位 / Service window */
  | 'SERVICE_WINDOW';

/** 专项整治领域 / Rectification area */
export type RectificationArea =
  /** 交通秩序 / Traffic order */
  | 'TRAFFIC_ORDER'
  /** 市容市貌 / City appearance */
  | 'CITY_APPEARANCE'
  /** 社会治安 / Public security */
  | 'PUBLIC_SECURITY'
  /** 环境卫生 / Sanitation */
  | 'SANITATION'
  /** 集贸市场 / Markets */
  | 'MARKETS'
  /** 窗口服务 / Service windows */
  | 'SERVICE_WINDOWS';

/** 时限提醒与督办的步骤 / Step of the escalation ladder */
export type EscalationLevel =
  /** 提醒 / Reminder before the deadline */
  | 'REMINDER'
  /** 催办 / Urged at the deadline */
  | 'URGE'
  /** 督办（督办单发至单位负责人） / Supervision notice to the unit head */
  | 'SUPERVISE'
  /** 约谈 / Interview of the unit head */
  | 'INTERVIEW'
  /** 问责（计入绩效考核，报领导小组） / Accountability, recorded for performance assessment */
  | 'ACCOUNTABILITY';

/** 问责方式 / Form of an accountability decision */
export type AccountabilityForm =
  /** 通报批评 / Public criticism notice */
  | 'CRITICISM_NOTICE'
  /** 约谈 / Interview */
  | 'INTERVIEW'
  /** 诫勉谈话 / Admonition talk */
  | 'ADMONITION'
  /** 其他（须简要说明） / Other, with a short description */
  | 'OTHER';

/** 问责决定的状态 / Where an accountability decision stands */
export type AccountabilityStatus =
  /** 待领导审批 / Awaiting a leader's approval */
  | 'PENDING'
  /** 已批准生效 / Approved: in effect */
  | 'APPROVED'
  /** 已退回 / Returned by a leader */
  | 'RETURNED';

/** 问责的步骤（任务与整改问题相同） / A step of an accountability decision (the same on tasks and items) */
export type AccountabilityAction =
  /** 提出问责决定（创建办；须已到问责步骤） / Propose a decision (office; the ladder must have reached accountability) */
  | 'PROPOSE_ACCOUNTABILITY'
  /** 批准问责决定（领导小组） / Approve it (leading group) */
  | 'APPROVE_ACCOUNTABILITY'
  /** 退回问责决定（领导小组，须说明理由） / Return it, with a reason (leading group) */
  | 'RETURN_ACCOUNTABILITY';

/** 导入问题代码 / Code of an import problem */
export type ImportProblemCode =
  /** 缺少必需的表头列 / A required column header is missing */
  | 'MISSING_HEADER'
  /** 必填项未填写 / A required value is empty */
  | 'MISSING_VALUE'
  /** 完成时限不是有效日期 / The due date is not a valid date */
  | 'BAD_DATE'
  /** 「当前状态」列的值无法识别 / The current-status column holds a value not recognised */
  | 'BAD_STATUS'
  /** 单位不存在 / No such unit */
  | 'UNKNOWN_UNIT'
  /** 测评指标不存在 / No such indicator */
  | 'UNKNOWN_INDICATOR'
  /** 重复的行或值 / A repeated row or value */
  | 'DUPLICATE'
  /** 文件是空的或没有数据行 / The file is empty or has no data rows */
  | 'EMPTY_FILE'
  /** 文件无法读取 / The file cannot be read */
  | 'UNREADABLE_FILE'
  /** 文件或行数超过上限 / The file or its row count is over the limit */
  | 'TOO_LARGE'
  /** 该单位的任务已改派给其他单位，表格已过时 / The unit's task was reassigned to another unit since: the file is out of date */
  | 'REASSIGNED'
  /** 找不到责任人，或其不是该行责任单位的人员 / The responsible person is unknown, or not a person of the row's responsible unit */
  | 'UNKNOWN_PERSON'
  /** 责任人的姓名或手机号对应多位人员 / The responsible person's name or phone matches more than one person */
  | 'AMBIGUOUS_PERSON'
  /** 格式不对：编码、分值、登录名、手机号 / A value in the wrong form: a code, points, a login, a phone number */
  | 'BAD_VALUE'
  /** 不是可选的值之一：测评方法、专项整治领域、单位类别、角色、工作小组 / Not one of the allowed words: method, area, unit kind, role, working group */
  | 'BAD_CHOICE'
  /** 应当一致的几行不一致（同一指标的测评项目、名称、领域；同一测评项目的编码；角色与工作小组） / Rows or values that must agree do not */
  | 'INCONSISTENT'
  /** 此处不能填写，例如创建办人员的所属单位 / A value where none is allowed, e.g. a unit for an office-level role */
  | 'NOT_ALLOWED'
  /** 仍有任务使用，不能删除（测评指标、单位） / Still used by tasks, so it cannot be removed (an indicator, a unit) */
  | 'IN_USE'
  /** 导入后导入人将不再是创建办人员 / The import would take the office role from the person importing it */
  | 'REMOVES_IMPORTER';

/** 错误代码（extensions.code） / The code in an error's extensions.code */
export type ErrorCode =
  /** 未登录或身份凭证无效 / Not signed in, or the credentials are not valid */
  | 'UNAUTHENTICATED'
  /** 无权执行该操作 / Not allowed to do this */
  | 'FORBIDDEN'
  /** 不存在，或无权查看 / Does not exist, or is not visible to the caller */
  | 'NOT_FOUND'
  /** 输入有误（extensions.field 指出哪一项）；请求格式错误、批量请求也用此代码 / Bad input (extensions.field names it); also malformed or batched requests */
  | 'BAD_USER_INPUT'
  /** 数据已被他人修改（expectedVersion 已过时）或与现有数据冲突 / Stale expectedVersion, or a clash with existing data */
  | 'CONFLICT'
  /** 当前阶段不能执行该操作 / Not allowed in the current stage */
  | 'ILLEGAL_TRANSITION'
  /** 依赖的服务（工作流服务）暂时不可用，请稍后重试 / A service the API depends on (Temporal) cannot be reached; retry later */
  | 'UNAVAILABLE'
  /** 服务器内部错误；extensions.requestId 为日志中的请求编号 / The server's fault; extensions.requestId finds it in the logs */
  | 'INTERNAL_SERVER_ERROR'
  /** 查询嵌套层数超过上限（MAX_QUERY_DEPTH，默认 12） / The operation nests deeper than MAX_QUERY_DEPTH (12) */
  | 'QUERY_TOO_DEEP'
  /** 查询估算代价超过上限（MAX_QUERY_COST，默认 20000），或查询文本超过 2000 个词法单元 / The estimated cost exceeds MAX_QUERY_COST (20,000), or the document exceeds 2,000 tokens */
  | 'QUERY_TOO_COMPLEX'
  /** 请求内容超过大小上限（MAX_REQUEST_MB），HTTP 413 / The request body exceeds MAX_REQUEST_MB (HTTP 413) */
  | 'PAYLOAD_TOO_LARGE'
  /** 尝试过于频繁，请稍后再试 / Too many attempts; try again later */
  | 'RATE_LIMITED'
  /** 同一个 Idempotency-Key 已用于另一个不同的请求，HTTP 422 / The Idempotency-Key was already used for a different request (HTTP 422) */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** 操作的事件未能写入事件库，操作没有生效，可重新操作（同一 Idempotency-Key 的重试得到同一结果） / The action's events could not be written, so it did not take effect; act again (a retry with the same Idempotency-Key gets the same outcome) */
  | 'EVENT_APPEND_FAILED';

/** 活动类别 / Kind of activity */
export type ActivityKind =
  /** 市民教育 / Civic education */
  | 'CIVIC_EDUCATION'
  /** 志愿服务 / Volunteer service */
  | 'VOLUNTEER_SERVICE'
  /** 文化科技卫生下乡 / Culture, science and health to the countryside */
  | 'COUNTRYSIDE_OUTREACH'
  /** 征集展出 / Collection and exhibition */
  | 'COLLECTION_EXHIBITION'
  /** 其他 / Other */
  | 'OTHER';

/** 活动状态 / State of an activity */
export type ActivityState =
  /** 计划中 / Planned */
  | 'PLANNED'
  /** 已举办 / Held */
  | 'HELD'
  /** 已取消 / Cancelled */
  | 'CANCELLED';

/** 活动列表的筛选条件 / Filters of the activity list */
export type ActivityFilter = {
  /** 创文活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 月份（YYYY-MM，按计划日期） / Month of the planned date */
  month?: string | null | undefined;
  /** 类别 / Kind */
  kind?: ActivityKind | null | undefined;
  /** 承办单位编码 / Organiser unit code */
  organiserUnitCode?: string | null | undefined;
  /** 状态 / State */
  state?: ActivityState | null | undefined;
};

/** 创建办制定活动计划 / The office plans an activity */
export type PlanActivityInput = {
  /** 创文活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 类别 / Kind */
  kind: ActivityKind;
  /** 活动名称，最多 100 字 / Title, at most 100 characters */
  title: string;
  /** 承办单位编码 / Organiser unit code */
  organiserUnitCode: string;
  /** 计划日期（YYYY-MM-DD） / Planned date */
  plannedDate: string;
  /** 地点，最多 100 字 / Place, at most 100 characters */
  place: string;
  /** 服务的测评指标编码（须在测评体系中），最多 20 个 / Indicator codes (in the catalog), at most 20 */
  indicatorCodes: Array<string>;
};

/** 登记活动已举办 / Record an activity as held */
export type RecordActivityHeldInput = {
  /** 活动编号 / Activity id */
  activityId: string | number;
  /** 实际举办日期（YYYY-MM-DD，不晚于今天） / Actual date, not after today */
  heldDate: string;
  /** 参加人数，0–1000000 的整数 / Attendance, a whole number 0–1000000 */
  attendance: number;
  /** 照片：先上传（POST /files）得到的编号，最多 9 张 / Photos: ids of uploads (POST /files), at most 9 */
  photoFileIds?: Array<string> | null | undefined;
  /** 活动总结，最多 2000 字 / Summary, at most 2000 characters */
  summary: string;
  /** 您看到的版本 / The version you saw */
  expectedVersion?: number | null | undefined;
};

/** 档案资料类别 / Kind of library document */
export type ArchiveDocumentKind =
  /** 方案 / Plan */
  | 'PLAN'
  /** 简报 / Briefing */
  | 'BRIEFING'
  /** 会议纪要 / Minutes */
  | 'MINUTES'
  /** 活动照片 / Photos */
  | 'PHOTO'
  /** 其他 / Other */
  | 'OTHER';

/** 档案资料状态 / State of a library document */
export type ArchiveDocumentState =
  /** 待验收 / Awaiting the archivist */
  | 'SUBMITTED'
  /** 已验收 / Accepted */
  | 'ACCEPTED'
  /** 已退回 / Returned */
  | 'RETURNED';

/** 档案包状态 / State of a package */
export type ArchivePackageState =
  /** 生成中 / Being built */
  | 'BUILDING'
  /** 已生成 / Built */
  | 'BUILT'
  /** 生成失败 / Failed */
  | 'FAILED'
  /** 已送审 / Handed over */
  | 'SUBMITTED';

/** 提交一份档案资料 / Hand in a library document */
export type SubmitArchiveDocumentInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 标题，最多 100 字 / Title, at most 100 characters */
  title: string;
  /** 类别 / Kind */
  kind: ArchiveDocumentKind;
  /** POST /files 返回的文件编号 / The upload's id */
  fileId: string | number;
  /** 测评项目或指标编码，最多 20 个 / Catalog codes of 测评项目 or 指标, at most 20 */
  tags?: Array<string> | null | undefined;
  /** 所属单位：责任单位提交时为本单位（可不填），创建办提交时不填 / The unit; a unit's own when a unit submits */
  unitCode?: string | null | undefined;
};

/** 重新提交被退回的资料 / Resubmit a returned document */
export type ResubmitArchiveDocumentInput = {
  /** 资料编号 / Id */
  id: string | number;
  /** 新标题，不填沿用 / New title */
  title?: string | null | undefined;
  /** 新文件，不填沿用 / New upload's id */
  fileId?: string | number | null | undefined;
  /** 新标注，不填沿用 / New tags */
  tags?: Array<string> | null | undefined;
  /** 说明，最多 500 字 / Note */
  note?: string | null | undefined;
};

/** 登录 / Sign in */
export type SignInInput = {
  /** 登录名 / Login */
  login: string;
  /** 密码 / Password */
  password: string;
};

/** 服务账号可被授予的权限范围（均为只读） / What a service account may be given (all read-only) */
export type ServiceScope =
  /** 读取任务与整改问题：看板、卡片、历史、附件、实时推送 / Read tasks and items: boards, cards, history, files, live updates */
  | 'BOARD_READ'
  /** 读取活动、测评体系与检查轮次 / Read campaigns, the catalog and inspection rounds */
  | 'CAMPAIGN_READ'
  /** 读取绩效考核、红黑榜、公共文明指数与月度汇报 / Read the performance assessment, the 红黑榜, the civility index and monthly reports */
  | 'REPORTS_READ';

/** 新建服务账号 / Create a service account */
export type CreateServiceAccountInput = {
  /** 名称（唯一） / Name (unique) */
  name: string;
  /** 用途说明 / What it is for */
  description?: string | null | undefined;
  /** 权限范围，至少一项 / Scopes, at least one */
  scopes: Array<ServiceScope>;
  /** 到期时间，不填为长期有效 / When it expires; omit for never */
  expiresAt?: string | null | undefined;
};

/** 简报类别 / Kind of briefing */
export type BriefingKind =
  /** 工作简报（期号 创文简报〔年〕第N期）/ Work briefing */
  | 'WORK_BRIEFING'
  /** 督查通报（期号 督查通报〔年〕第N期），可点名单位签收 / Supervision circular, may name units */
  | 'SUPERVISION_CIRCULAR';

/** 简报状态 / State of a briefing */
export type BriefingState =
  /** 草稿（创建办编辑中，含被退回的） / Draft, being edited by the office */
  | 'DRAFT'
  /** 待领导审批 / Submitted, awaiting a leader */
  | 'SUBMITTED'
  /** 已批准，待创建办印发 / Approved, awaiting publication */
  | 'APPROVED'
  /** 已印发（只读） / Published, read-only */
  | 'PUBLISHED';

/** 正文的一节 / A section of the text */
export type BriefingSectionInput = {
  /** 小标题，最多 50 字 / Heading, at most 50 characters */
  heading: string;
  /** 正文，最多 5000 字 / Body, at most 5000 characters */
  body: string;
};

/** 简报草稿的内容 / The content of a draft */
export type BriefingDraftInput = {
  /** 标题，一行，最多 100 字 / Title, one line, at most 100 characters */
  title: string;
  /** 正文各节，最多 20 节、合计 30000 字 / Sections, at most 20 and 30000 characters in all */
  sections: Array<BriefingSectionInput>;
  /** 附件：新上传的用 POST /files 返回的编号，保留已有附件用其 fileId；最多 10 个 / Attachments: upload ids for new ones, fileIds to keep; at most 10 */
  attachmentIds?: Array<string | number> | null | undefined;
  /** 点名单位编码（仅督查通报），最多 100 个 / Units named (circulars only), at most 100 */
  namedUnitCodes?: Array<string> | null | undefined;
  /** 印发后签收期限（天），1–30，默认 3 / Days to acknowledge, 1–30, 3 when omitted */
  ackDays?: number | null | undefined;
};

/** 新建草稿 / A new draft */
export type CreateBriefingInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 类别 / Kind */
  kind: BriefingKind;
  /** 内容 / Content */
  draft: BriefingDraftInput;
};

/** 创文活动的阶段（实施方案 五、工作步骤） / Phase of the campaign */
export type Phase =
  /** 宣传发动 / Mobilization */
  | 'MOBILIZATION'
  /** 专项整治 / Special rectification */
  | 'SPECIAL_RECTIFICATION'
  /** 全面冲刺 / Sprint */
  | 'SPRINT'
  /** 迎检 / Inspection */
  | 'INSPECTION'
  /** 总结评议 / Review */
  | 'REVIEW';

/** 创文活动的操作 / An action on the campaign */
export type CampaignAction =
  /** 设置各阶段计划开始日期（创建办） / Set the phases' planned start dates (office) */
  | 'SET_PHASE_PLAN'
  /** 进入下一阶段（创建办；进入迎检须档案全部归档，或说明理由） / Move to the next phase (office; the inspection needs the archive complete, or a reason) */
  | 'ADVANCE_PHASE'
  /** 记录现场督查（创建办、督查组） / Record an on-site supervision visit (office, supervisors) */
  | 'RECORD_SUPERVISION_VISIT'
  /** 记录联席会议或协调会（创建办、督查组） / Record a joint or coordination meeting (office, supervisors) */
  | 'RECORD_MEETING'
  /** 记录牵头单位协调会（牵头单位召集所牵头指标的责任单位） / Record a lead unit's meeting with its responsible units (lead units) */
  | 'RECORD_LEAD_UNIT_MEETING';

/** 会议类别 / Kind of meeting */
export type MeetingKind =
  /** 联席会议：领导小组召集有关责任单位，每月一次以上 / Joint meeting of the leading group with the units concerned, at least monthly */
  | 'JOINT'
  /** 协调会：重点、难点问题协调会议 / Coordination meeting on key and difficult problems */
  | 'COORDINATION'
  /** 动员大会：动员部署阶段的全街道动员会议，按单位登记出席与缺席 / Mobilization rally, attendance taken by unit */
  | 'MOBILIZATION'
  /** 听取单位工作汇报：领导小组每月听取责任单位的工作汇报，参会单位即汇报的单位 / The leading group's monthly hearing of the units' reports; the units are those that reported */
  | 'HEARING'
  /** 总结会：总结评议阶段的总结表彰会议，不计入月度节奏 / Summary meeting of the 总结评议 phase; counts toward no cadence */
  | 'SUMMARY'
  /** 牵头单位协调会：牵头单位召集所牵头指标的责任单位，由牵头单位记录，不计入月度节奏 / A lead unit's meeting with the responsible units of the indicators it leads; recorded by that unit; counts toward no cadence */
  | 'LEAD_UNIT';

/** 各阶段的计划开始日期 / One phase's planned start date */
export type PhasePlanInput = {
  /** 阶段 / Phase */
  phase: Phase;
  /** 计划开始日期（YYYY-MM-DD）；为空表示未计划 / Planned start date, null when not planned */
  startDate?: string | null | undefined;
};

/** 设置阶段计划（创建办）：整份计划，未列出的阶段为未计划 / Set the phase plan (office): the whole plan, phases left out are unplanned */
export type SetCampaignPhasePlanInput = {
  /** 活动编号 / Campaign id */
  campaignId: string;
  /** 各阶段计划开始日期，须按阶段顺序递增 / Planned starts, increasing in phase order */
  plan: Array<PhasePlanInput>;
  /** 说明 / Note */
  note?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 进入下一阶段（创建办） / Move to the next phase (office) */
export type AdvanceCampaignPhaseInput = {
  /** 活动编号 / Campaign id */
  campaignId: string;
  /** 要进入的阶段，须为下一阶段 / The phase to enter: the next one */
  to: Phase;
  /** 档案未全部归档而进入迎检的理由（记入事件） / Why the campaign enters the inspection with the archive incomplete (recorded) */
  overrideReason?: string | null | undefined;
  /** 说明 / Note */
  note?: string | null | undefined;
  /** 期望版本 / Expected version */
  expectedVersion?: number | null | undefined;
};

/** 记录一次现场督查（创建办、督查组） / Record an on-site supervision visit (office, supervisors) */
export type RecordSupervisionVisitInput = {
  /** 活动编号 / Campaign id */
  campaignId: string;
  /** 督查日期（YYYY-MM-DD），不晚于今天 / Date of the visit, not after today */
  date: string;
  /** 督查地点 / Places visited */
  places: Array<string>;
  /** 参加督查人员 / Who went */
  visitors: Array<string>;
  /** 督查的责任单位编码 / Codes of the units visited */
  unitCodes?: Array<string> | null | undefined;
  /** 督查情况 / What was found */
  notes: string;
};

/** 一项议定事项 / A decision of a meeting */
export type MeetingDecisionInput = {
  /** 内容 / What was decided */
  text: string;
  /** 责任单位编码 / Code of the unit to act */
  unitCode?: string | null | undefined;
  /** 完成时限（YYYY-MM-DD） / By when */
  dueDate?: string | null | undefined;
};

/** 记录一次联席会议或协调会（创建办、督查组） / Record a joint or coordination meeting (office, supervisors) */
export type RecordCampaignMeetingInput = {
  /** 活动编号 / Campaign id */
  campaignId: string;
  /** 会议类别 / Kind */
  kind: MeetingKind;
  /** 会议日期（YYYY-MM-DD），不晚于今天 / Date, not after today */
  date: string;
  /** 会议名称 / Title */
  title?: string | null | undefined;
  /** 参会人员 / Attendees */
  attendees: Array<string>;
  /** 参会单位编码；听取单位工作汇报时为汇报的单位（必填） / Codes of the units that attended; for a hearing, the units that reported (required) */
  unitCodes?: Array<string> | null | undefined;
  /** 缺席单位编码（动员大会按单位登记出席与缺席） / Codes of the units absent (mobilization rally) */
  absentUnitCodes?: Array<string> | null | undefined;
  /** 会议纪要 / Minutes */
  minutes: string;
  /** 议定事项 / Decisions */
  decisions?: Array<MeetingDecisionInput> | null | undefined;
};

/** 逾期后各步督办的时间（小时），只填要改的项 / Hours after a deadline for each step: only the ones given change */
export type EscalationHoursInput = {
  /** 催办 / Urge */
  URGE?: number | null | undefined;
  /** 督办 / Supervise */
  SUPERVISE?: number | null | undefined;
  /** 约谈 / Interview */
  INTERVIEW?: number | null | undefined;
  /** 问责 / Accountability */
  ACCOUNTABILITY?: number | null | undefined;
};

/** 复查间隔（天），只填要改的项 / Days between re-checks: only the ones given change */
export type RecheckDaysInput = {
  /** 易反弹指标 / Relapse-prone indicators */
  relapseProne?: number | null | undefined;
  /** 其他指标 / Others */
  other?: number | null | undefined;
};

/** 修改时限规则（只填要改的项） / Change the rules of time: only the fields given */
export type UpdateCampaignPolicyInput = {
  /** 活动编号 / Campaign id */
  campaignId: string;
  /** 自查期限（天） / Days for the self-check */
  selfCheckDays?: number | null | undefined;
  /** 反弹后整改期限（天） / Days to rectify after a relapse */
  rectificationDays?: number | null | undefined;
  /** 模拟测评期限（天） / Days for the mock assessment */
  mockAssessmentDays?: number | null | undefined;
  /** 模拟测评达标得分率（0.5–1） / Score rate that meets */
  mockPassRate?: number | null | undefined;
  /** 到期前提醒（小时） / Hours before a deadline for the reminder */
  reminderBeforeHours?: number | null | undefined;
  /** 逾期后各步督办的时间（小时） / Hours after a deadline for each escalation step */
  escalationAfterHours?: EscalationHoursInput | null | undefined;
  /** 复查间隔（天） / Days between re-checks */
  recheckDays?: RecheckDaysInput | null | undefined;
  /** 设为 null 则改回各任务的完成时限 / null: back to each task's due date */
  archiveDueAt?: string | null | undefined;
  /** 天数按日历日还是工作日计算 / Calendar or working days */
  dayCounting?: DayCounting | null | undefined;
};

/** 测评方法 / Assessment method */
export type AssessmentMethod =
  /** 实地考察 / Field inspection */
  | 'FIELD'
  /** 材料审核 / Material review */
  | 'MATERIAL'
  /** 问卷调查 / Survey */
  | 'SURVEY'
  /** 模拟暗访 / Simulated covert visit */
  | 'SIMULATED';

/** 测评体系或组织机构导入的结果 / Outcome of a catalog or organisation import */
export type ReferenceImportStatus =
  /** 有问题，整个文件未导入 / Refused whole: nothing was written */
  | 'REJECTED'
  /** 仅预览，未写入 / Preview only: nothing was written */
  | 'DRY_RUN'
  /** 与现有数据相同，无变化 / Same as what is there: nothing was written */
  | 'UNCHANGED'
  /** 已在一个事务中写入 / Written, in one transaction */
  | 'APPLIED';

/** 变更类型 / Kind of change */
export type ReferenceChangeKind =
  /** 新增 / Added */
  | 'CREATED'
  /** 修改 / Changed */
  | 'CHANGED'
  /** 删除（文件中已没有） / Removed: no longer in the file */
  | 'REMOVED';

/** 变更对象 / What changed */
export type ReferenceEntity =
  /** 测评项目 / An assessment item */
  | 'ASSESSMENT_ITEM'
  /** 测评指标（含其测评内容和档案材料） / An indicator, with its criteria and materials */
  | 'INDICATOR'
  /** 单位 / A unit */
  | 'UNIT'
  /** 人员 / A person */
  | 'PERSON';

/** 上传测评体系 / Upload a catalog */
export type ImportCatalogInput = {
  /** 文件名，须以 .xlsx 或 .csv 结尾 / File name ending in .xlsx or .csv */
  fileName: string;
  /** 文件内容（Base64，最大 10 MB） / File content, base64, at most 10 MB */
  contentBase64: string;
  /** 只预览不写入 / Preview without writing */
  dryRun?: boolean | null | undefined;
  /** 新版本的标题，文件表头上方没有标题行时使用；都没有时沿用上一版本的标题 / Title of the new version, used when the file has no title row above its header; without either, the previous version's title */
  title?: string | null | undefined;
};

/** 支出状态 / State of a spending */
export type SpendingState =
  /** 已入账（不超过审批限额，直接登记） / Recorded: at or below the threshold */
  | 'RECORDED'
  /** 待领导审批（超过审批限额） / Above the threshold, awaiting a leader */
  | 'PENDING'
  /** 已审批 / Approved by a leader */
  | 'APPROVED'
  /** 已驳回（不计入已支出） / Rejected: not counted as spent */
  | 'REJECTED';

/** 经费分配去向 / Where an allocation goes */
export type FundingTargetKind =
  /** 专项整治（按整治领域） / A special drive, by area */
  | 'DRIVE'
  /** 指标任务 / An indicator task */
  | 'TASK';

/** 新增预算科目 / A new budget line */
export type AddBudgetLineInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 年度（2000–2100） / Year */
  year: number;
  /** 科目名称，必填，最多 100 字，同年度不重名 / Name, required, at most 100 characters, unique in the year */
  name: string;
  /** 预算金额（分） / Budget in fen */
  amountFen: number;
  /** 所属单位编码，不填为创建办统筹 / Owning unit's code, omitted for the office's own */
  unitCode?: string | null | undefined;
  /** 用途说明，最多 500 字 / Purpose, at most 500 characters */
  purpose?: string | null | undefined;
};

/** 分配经费 / Allocate from a line */
export type AllocateFundsInput = {
  /** 预算科目 / The line */
  lineId: string | number;
  /** 去向类别 / Kind of target */
  targetKind: FundingTargetKind;
  /** 专项整治领域（去向为 DRIVE 时必填） / The drive's area, for DRIVE */
  area?: RectificationArea | null | undefined;
  /** 指标任务编号（去向为 TASK 时必填，须属于本活动） / The task, for TASK; of the same campaign */
  taskId?: string | number | null | undefined;
  /** 金额（分），不超过科目尚可分配的余额 / Amount in fen, at most the line's unallocated remainder */
  amountFen: number;
  /** 说明，最多 500 字 / Note, at most 500 characters */
  note?: string | null | undefined;
};

/** 登记支出 / Record a spending */
export type RecordSpendingInput = {
  /** 预算科目 / The line */
  lineId: string | number;
  /** 经费分配（可选，须属于该科目） / The allocation, optional, of that line */
  allocationId?: string | number | null | undefined;
  /** 金额（分），不超过科目（及分配）的可用余额 / Amount in fen, at most what is left on the line (and allocation) */
  amountFen: number;
  /** 收款方，必填，最多 100 字 / Payee, required, at most 100 characters */
  payee: string;
  /** 支出日期（YYYY-MM-DD） / Date */
  spentOn: string;
  /** 用途，必填，最多 500 字 / Purpose, required, at most 500 characters */
  purpose: string;
  /** 票据：POST /files 返回的文件编号，最多 10 个 / Receipts: ids from POST /files, at most 10 */
  receiptFileIds?: Array<string | number> | null | undefined;
};

/** 指标任务所处阶段（看板的列） / Stage of an indicator task (the board's columns) */
export type Stage =
  /** 自查自评 / Self-check */
  | 'SELF_CHECK'
  /** 整改 / Rectification */
  | 'RECTIFICATION'
  /** 模拟测评 / Mock assessment */
  | 'MOCK_ASSESSMENT'
  /** 巩固 / Consolidation */
  | 'CONSOLIDATION'
  /** 归档 / Archiving */
  | 'ARCHIVING'
  /** 已归档 / Archived */
  | 'ARCHIVED';

/** 指标达标情况分类 / Classification of an indicator */
export type Classification =
  /** 达标 / Met */
  | 'MET'
  /** 未达标 / Not met */
  | 'NOT_MET'
  /** 未知可否达标 / Unknown */
  | 'UNKNOWN'
  /** 易反弹 / Relapse-prone */
  | 'RELAPSE_PRONE';

/** 待审核事项 / What a task is waiting for */
export type ReviewKind =
  /** 自查结果待审核 / Self-check awaiting review */
  | 'SELF_CHECK_REVIEW'
  /** 整改完成待审核 / Rectification awaiting review */
  | 'RECTIFICATION_REVIEW'
  /** 档案材料待验收（至少有一项已提交、待档案组验收） / At least one archive material awaits the archivist */
  | 'ARCHIVE_REVIEW';

/** 指标任务的操作 / An action on an indicator task */
export type IndicatorTaskAction =
  /** 提交自查结果 / Submit self-check */
  | 'SUBMIT_SELF_CHECK'
  /** 确认自查结果 / Confirm self-check */
  | 'CONFIRM_SELF_CHECK'
  /** 退回自查结果 / Return self-check */
  | 'RETURN_SELF_CHECK'
  /** 提交整改方案 / Submit a rectification plan */
  | 'SUBMIT_RECTIFICATION_PLAN'
  /** 报告整改进展 / Report rectification progress */
  | 'REPORT_RECTIFICATION_PROGRESS'
  /** 提交整改完成 / Submit rectification */
  | 'SUBMIT_RECTIFICATION'
  /** 审核通过整改 / Approve rectification */
  | 'APPROVE_RECTIFICATION'
  /** 退回整改 / Return rectification */
  | 'RETURN_RECTIFICATION'
  /** 录入模拟测评结果 / Record mock assessment */
  | 'RECORD_MOCK_ASSESSMENT'
  /** 录入复查结果 / Record a re-check */
  | 'RECORD_RECHECK'
  /** 转入归档 / Start archiving */
  | 'START_ARCHIVING'
  /** 提交一项档案材料 / Submit one archive material */
  | 'SUBMIT_ARCHIVE_MATERIAL'
  /** 验收一项档案材料 / Accept one archive material */
  | 'ACCEPT_ARCHIVE_MATERIAL'
  /** 退回一项档案材料 / Return one archive material */
  | 'RETURN_ARCHIVE_MATERIAL'
  /** 申请延期 / Request an extension */
  | 'REQUEST_EXTENSION'
  /** 批准延期 / Approve an extension */
  | 'APPROVE_EXTENSION'
  /** 不予延期 / Refuse an extension */
  | 'REFUSE_EXTENSION'
  /** 发表意见 / Add a comment */
  | 'ADD_COMMENT'
  /** 上传佐证材料 / Attach evidence */
  | 'ATTACH_EVIDENCE'
  /** 改派责任单位（创建办） / Reassign to another unit (office) */
  | 'REASSIGN'
  /** 指定责任人（责任单位负责人、创建办） / Name the responsible person (unit head, office) */
  | 'ASSIGN_RESPONSIBLE_PERSON'
  /** 提出问责决定（创建办） / Propose an accountability decision (office) */
  | 'PROPOSE_ACCOUNTABILITY'
  /** 批准问责决定（领导小组） / Approve an accountability decision (leading group) */
  | 'APPROVE_ACCOUNTABILITY'
  /** 退回问责决定（领导小组） / Return an accountability decision (leading group) */
  | 'RETURN_ACCOUNTABILITY';

/** 档案材料的状态 / Where an archive material stands */
export type ArchiveMaterialStatus =
  /** 未提交 / Not handed in yet */
  | 'MISSING'
  /** 已提交，待验收 / Handed in, awaiting the archivist */
  | 'SUBMITTED'
  /** 已验收 / Accepted */
  | 'ACCEPTED'
  /** 已退回，待重新提交 / Returned, to be handed in again */
  | 'RETURNED';

/** 指标任务的筛选条件，各项同时满足；列表条件为空列表时不匹配任何任务 / Filter of the task list: every condition given must hold; an empty list matches nothing */
export type TaskFilter = {
  /** 责任单位编码；责任单位的用户只能查本单位 / Responsible unit code; users of a unit may ask for their own only */
  unitCode?: string | null | undefined;
  /** 测评项目编码（指标所属的一级指标） / Assessment item code: the indicator's top-level item */
  assessmentItemCode?: string | null | undefined;
  /** 测评指标编码 / Indicator code */
  indicatorCode?: string | null | undefined;
  /** 阶段为其中之一 / Stage is one of these */
  stages?: Array<Stage> | null | undefined;
  /** 达标情况为其中之一（自查前尚无分类的任务不匹配） / Classification is one of these; tasks not yet classified never match */
  classifications?: Array<Classification> | null | undefined;
  /** 是否逾期：当前阶段时限（无则完成时限）已过且未归档，与看板的判断相同 / Overdue: the current stage's deadline (else the due date) has passed and the task is not archived, as on the board */
  overdue?: boolean | null | undefined;
  /** 完成时限早于此时刻 / Due date before this instant */
  dueBefore?: string | null | undefined;
  /** 是否已到提醒督办步骤（提醒及以上） / Whether any escalation step (a reminder or higher) has been reached */
  escalated?: boolean | null | undefined;
  /** 专项整治领域（指标所属） / Rectification area of the task's indicator */
  area?: RectificationArea | null | undefined;
  /** 是否已有达标情况分类：false 为自查前尚未分类的任务 / Whether the task has a classification yet: false gives the tasks not yet classified */
  classified?: boolean | null | undefined;
  /** 当前阶段时限（无则完成时限）不早于此时刻，已归档的不匹配 / The current stage's deadline (else the due date) at or after this instant; archived tasks never match */
  deadlineFrom?: string | null | undefined;
  /** 当前阶段时限（无则完成时限）早于此时刻，已归档的不匹配 / The current stage's deadline (else the due date) before this instant; archived tasks never match */
  deadlineBefore?: string | null | undefined;
  /** 搜索：以空格分隔的词（最多 5 个，共不超过 100 字），每个词须出现在指标编码或名称、测评项目名称、责任单位或牵头单位名称中，不区分大小写 / Search: words separated by spaces (at most 5, 100 characters in all), each found in the indicator's code or name, the assessment item's name, or the responsible or lead unit's name, ignoring case */
  search?: string | null | undefined;
  /** 是否有待我决定的事项（待审批队列）：督导员审核自查、整改完成和延期申请，档案组验收档案材料，创建办转入归档；不审批自己提交的；其他角色无待办 / Whether a decision waits for me (the approval queue): a supervisor reviews self-checks, completed rectifications and extension requests, the archivist accepts materials, the office starts archiving; never one's own submission; other roles have none */
  awaitingMyDecision?: boolean | null | undefined;
  /** 是否标记为重点难点（重点、难点或二者） / Whether the task is marked key or difficult (either or both) */
  keyDifficult?: boolean | null | undefined;
};

/** 提交自查结果 / Submit a self-check */
export type SubmitSelfCheckInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 达标情况 / Classification */
  classification: Classification;
  /** 自查说明 / Self-check note */
  note: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 通过类操作（可附说明） / An approval with an optional note */
export type ApproveInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 说明 / Note */
  note?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 提出问责决定（创建办） / An accountability decision proposed by the office */
export type ProposeAccountabilityDecisionInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 是否对责任单位问责 / Hold the unit itself to account */
  holdsUnit: boolean;
  /** 被问责人员的账号（须为该责任单位的人员，最多 20 人）；不对单位问责时至少一人 / Logins of persons of the unit (at most 20); at least one when the unit is not held */
  personLogins: Array<string>;
  /** 问责方式 / Form */
  form: AccountabilityForm;
  /** 问责方式为其他时的说明（最多 100 字） / The description of an OTHER form, at most 100 characters */
  formNote?: string | null | undefined;
  /** 问责理由（最多 1000 字） / Reason, at most 1000 characters */
  reason: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 退回类操作（须说明原因） / A return, with its reason */
export type ReturnInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 原因 / Reason */
  reason: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 附说明的提交 / A submission with a note */
export type NoteInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 说明 / Note */
  note: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 整改方案 / A rectification plan */
export type RectificationPlanInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 方案 / The plan */
  plan: string;
  /** 整改期限，不晚于完成时限 / Deadline, not after the task's due date */
  deadline: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 复查结果 / A re-check result */
export type RecordRecheckInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 是否合格；不合格即为反弹 / Passed; a failure is a relapse */
  passed: boolean;
  /** 不合格时必填 / Required when it failed */
  note?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 延期申请 / An extension request */
export type RequestExtensionInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 申请延至 / Requested new deadline */
  requestedDueAt: string;
  /** 理由 / Reason */
  reason: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 一条意见 / A comment */
export type AddCommentInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 内容 / Text */
  text: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 上传佐证材料 / Evidence to attach */
export type UploadEvidenceInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 上传后的文件编号（POST /files 的回答，只能由上传者本人使用） / The id POST /files answered; only the uploader may use it */
  fileId?: string | number | null | undefined;
  /** 文件名：jpg、png、webp、pdf、docx、xlsx（用 contentBase64 时必填） / File name, with contentBase64 */
  fileName?: string | null | undefined;
  /** 或：文件内容（Base64，最大 MAX_UPLOAD_MB），与 fileId 二选一 / Or: content, base64, instead of fileId */
  contentBase64?: string | null | undefined;
  /** 说明 / Note */
  note?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 一项测评内容的得分 / The score of one criterion */
export type CriterionScoreInput = {
  /** 测评内容编码 / Criterion code */
  criterionCode: string;
  /** 得分，0 到该项分值 / Points scored, 0 to the criterion's points */
  score: number;
};

/** 模拟测评结果：对指标的每一项测评内容评分，得分率决定是否达标 / A mock assessment: every criterion scored; the score rate decides */
export type RecordMockAssessmentInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 各项测评内容的得分 / Score of every criterion */
  scores: Array<CriterionScoreInput>;
  /** 说明 / Note */
  note?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 提交一项档案材料：上传文件，或引用本任务已上传的佐证材料 / Hand in one archive material: upload a file, or use evidence already attached to the task */
export type SubmitArchiveMaterialInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 材料编码（见 archiveMaterials） / Material code, from archiveMaterials */
  materialCode: string;
  /** 上传后的文件编号（POST /files 的回答，只能由上传者本人使用） / The id POST /files answered; only the uploader may use it */
  fileId?: string | number | null | undefined;
  /** 文件名（用 contentBase64 上传新文件时必填） / File name, with contentBase64 */
  fileName?: string | null | undefined;
  /** 或：文件内容（Base64，最大 MAX_UPLOAD_MB） / Or: content, base64 */
  contentBase64?: string | null | undefined;
  /** 引用本任务已上传的佐证材料（其 SHA-256） / Or: the SHA-256 of evidence already attached to this task */
  evidenceSha256?: string | null | undefined;
  /** 提交说明 / Note with the submission */
  note?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 验收一项档案材料 / Accept one archive material */
export type AcceptArchiveMaterialInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 材料编码（见 archiveMaterials） / Material code, from archiveMaterials */
  materialCode: string;
  /** 说明 / Note */
  note?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 退回一项档案材料（须说明原因） / Return one archive material, with the reason */
export type ReturnArchiveMaterialInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 材料编码（见 archiveMaterials） / Material code, from archiveMaterials */
  materialCode: string;
  /** 退回原因 / Why it is returned */
  reason: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 指定任务的责任人 / Name a task's responsible person */
export type AssignTaskResponsiblePersonInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 责任人的登录账号，须是任务责任单位的人员 / Login of the person, who must belong to the task's unit */
  login: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 改派责任单位 / Reassign a task to another unit */
export type ReassignTaskInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 改派到的单位编码 / Code of the unit that takes the task over */
  unitCode: string;
  /** 改派原因 / Why */
  reason: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 重点难点标记的类型 / Kind of the key/difficult mark */
export type KeyFlagKind =
  /** 重点 / Key task */
  | 'KEY'
  /** 难点 / Difficult task */
  | 'DIFFICULT'
  /** 重点、难点 / Both */
  | 'BOTH';

/** 重点难点标记的操作 / A step on the key/difficult mark */
export type KeyFlagAction =
  /** 标记（或改标）重点难点 / Mark, or change the mark */
  | 'SET_KEY_FLAG'
  /** 取消标记 / Clear the mark */
  | 'CLEAR_KEY_FLAG';

/** 把指标任务标记为重点难点（创建办、领导小组） / Mark an indicator task key or difficult (office, leading group) */
export type SetTaskKeyFlagInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 类型 / Kind */
  kind: KeyFlagKind;
  /** 标记理由（必填，最多 500 字） / Why, at most 500 characters */
  reason: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 取消指标任务的重点难点标记 / Clear an indicator task's mark */
export type ClearTaskKeyFlagInput = {
  /** 任务编号 / Task id */
  taskId: string;
  /** 取消理由（可不填，最多 500 字） / Why, optional, at most 500 characters */
  reason?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 检查轮次的类别 / Kind of inspection round */
export type RoundKind =
  /** 每月督查 / Monthly supervision round */
  | 'MONTHLY_SUPERVISION'
  /** 明察 / Open inspection */
  | 'OPEN_INSPECTION'
  /** 暗访 / Covert inspection */
  | 'COVERT_INSPECTION'
  /** 模拟测评 / Mock assessment */
  | 'MOCK_ASSESSMENT';

/** 检查轮次的状态 / Where a round stands */
export type RoundState =
  /** 计划中 / Planned */
  | 'PLANNED'
  /** 进行中 / In progress */
  | 'IN_PROGRESS'
  /** 已结束 / Closed */
  | 'CLOSED';

/** 检查轮次的操作 / An action on a round */
export type RoundAction =
  /** 开始检查 / Start */
  | 'START_ROUND'
  /** 记录发现的问题 / Record a finding */
  | 'RECORD_FINDING'
  /** 录入测评得分（模拟测评） / Record criterion scores (mock assessment) */
  | 'RECORD_SCORES'
  /** 窗口服务规范化检查 / Check a window-service unit against the checklist */
  | 'RECORD_WINDOW_CHECK'
  /** 结束检查 / Close */
  | 'CLOSE_ROUND';

/** 得分计入任务的结果 / What became of a task a mock assessment's scores cover */
export type RoundTaskOutcome =
  /** 待录完：该单位该指标还有测评内容没有评分 / Some criteria of the unit's indicator are still unscored */
  | 'INCOMPLETE'
  /** 计入中 / Being recorded as the task's mock assessment */
  | 'APPLYING'
  /** 已计入任务的模拟测评 / Recorded as the task's mock assessment */
  | 'APPLIED'
  /** 未计入：任务的规则不允许（见原因），或轮次结束时仍未录完 / Refused by the task's rules (see reason), or incomplete when the round closed */
  | 'NOT_APPLICABLE';

/** 计划检查轮次 / Plan a round */
export type PlanInspectionRoundInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 类别 / Kind */
  kind: RoundKind;
  /** 名称（不超过100字） / Title, at most 100 characters */
  title: string;
  /** 计划日期（YYYY-MM-DD） / Planned date */
  plannedOn: string;
  /** 检查地点 / Places */
  places?: Array<string> | null | undefined;
  /** 检查的测评指标编码（模拟测评必填） / Codes of the indicators in scope, required for a mock assessment */
  indicatorCodes?: Array<string> | null | undefined;
};

/** 检查轮次的操作 / An action on a round */
export type RoundActionInput = {
  /** 检查轮次编号 / Round id */
  roundId: string;
  /** START_ROUND、CLOSE_ROUND（记录问题用 recordFinding，录分用 recordRoundScores） / START_ROUND or CLOSE_ROUND */
  action: RoundAction;
  /** 说明 / Note */
  note?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 现场记录一个问题：成为整改问题（同一地点、领域、测评内容已有未销号问题时关联到它） / A finding on the spot: it becomes an item, or links to the open one */
export type RecordFindingInput = {
  /** 检查轮次编号 / Round id */
  roundId: string;
  /** 专项整治领域 / Rectification area */
  area: RectificationArea;
  /** 问题位置 / Location */
  location: ItemLocationInput;
  /** 问题描述 / Description */
  description: string;
  /** 问题照片 / Photos of the problem */
  photos?: Array<ItemPhotoInput> | null | undefined;
  /** 关联的指标任务 / Indicator task it counts against */
  indicatorTaskId?: string | null | undefined;
  /** 关联的测评内容 / Criterion it counts against */
  criterionCode?: string | null | undefined;
  /** 立即派给的单位 / Dispatch at once to this unit */
  unitCode?: string | null | undefined;
  /** 整改时限（立即派单时），不填按活动规定天数 / Due date when dispatching at once */
  dueAt?: string | null | undefined;
};

/** 录入测评得分 / Scores of a mock-assessment round */
export type RecordRoundScoresInput = {
  /** 检查轮次编号 / Round id */
  roundId: string;
  /** 各项测评内容的得分（一次最多500项） / Score of each criterion, at most 500 */
  scores: Array<CriterionScoreInput>;
  /** 所评单位：得分即该单位指标任务的模拟测评；指标只有一个任务时可不填 / The unit scored: the scores are its indicator task's mock assessment; may be omitted when an indicator has one task */
  unitCode?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 一个检查项目的结论 / A point's result */
export type WindowCheckPointInput = {
  /** 项目编码（检查表中的） / Code, from the checklist */
  code: string;
  /** 是否合格 / Passed */
  passed: boolean;
  /** 说明（不超过500字） / Note, at most 500 characters */
  note?: string | null | undefined;
  /** 问题照片（仅不合格项目，随整改问题保存，最多20张） / Photos, failed points only, kept with the item (at most 20) */
  photos?: Array<ItemPhotoInput> | null | undefined;
};

/** 窗口服务规范化检查：对一个窗口单位逐项给出结论，不合格项目成为整改问题 / Check one window-service unit; each failed point becomes a rectification item */
export type RecordWindowCheckInput = {
  /** 检查轮次编号 / Round id */
  roundId: string;
  /** 窗口服务单位编码（组织机构中类别为窗口单位） / A unit of kind SERVICE_WINDOW */
  unitCode: string;
  /** 检查表每个项目的结论（须逐项填写） / A result for every point of the checklist */
  results: Array<WindowCheckPointInput>;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 检查表的一个项目 / A checklist point */
export type WindowChecklistPointInput = {
  /** 编码：1到32位字母、数字、-或_ / Code: 1 to 32 letters, digits, - or _ */
  code: string;
  /** 检查项目（不超过100字） / The point, at most 100 characters */
  label: string;
};

/** 保存窗口服务规范化检查表（成为新版本） / Save the checklist as its next version */
export type SaveWindowChecklistInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 检查项目（1到30项） / Points, 1 to 30 */
  points: Array<WindowChecklistPointInput>;
  /** 期望的当前版本，不一致时返回 CONFLICT / Expected current version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 牵头单位协调会的一项议定事项：交办一个责任单位（生成整改问题并派给该单位），或对一项所牵头的任务提出意见（记入该任务的意见），二选一 / A decision of a lead unit's meeting: a unit to act (an item dispatched to it) or a comment on a task it leads */
export type LeadUnitDecisionInput = {
  /** 内容（最多 500 字） / What was decided, at most 500 characters */
  text: string;
  /** 交办的责任单位编码（须为本单位牵头指标的责任单位） / The unit to act: a responsible unit of an indicator the caller's unit leads */
  unitCode?: string | null | undefined;
  /** 整改时限（YYYY-MM-DD，晚于今天；不填按活动的整改天数），仅交办时填写 / By when, for a unit to act; the campaign's days when omitted */
  dueDate?: string | null | undefined;
  /** 专项整治领域（交办时必填） / Rectification area, required for a unit to act */
  area?: RectificationArea | null | undefined;
  /** 问题地点（交办时必填） / Location, required for a unit to act */
  location?: ItemLocationInput | null | undefined;
  /** 提出意见的指标任务编号（须为本单位牵头、未归档的任务） / The task to comment on: one the caller's unit leads, not archived */
  taskId?: string | null | undefined;
};

/** 记录一次牵头单位协调会（牵头单位的负责人、工作人员） / Record a lead unit's meeting with its responsible units */
export type RecordLeadUnitMeetingInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 会议日期（YYYY-MM-DD），不晚于今天 / Date, not after today */
  date: string;
  /** 会议名称（最多 200 字） / Title, at most 200 characters */
  title: string;
  /** 参会人员（最多 50 人） / Attendees, at most 50 */
  attendees: Array<string>;
  /** 参会单位编码：本单位牵头指标的责任单位，至少一个 / Units that attended: responsible units of what the caller's unit leads, at least one */
  unitCodes: Array<string>;
  /** 会议纪要（最多 20000 字） / Minutes, at most 20,000 characters */
  minutes: string;
  /** 议定事项（最多 20 项） / Decisions, at most 20 */
  decisions?: Array<LeadUnitDecisionInput> | null | undefined;
};

/** 属地上报的问题：只能上报本社区（村）辖区的问题 / A problem reported by a community or village unit in its own area */
export type LocalProblemInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 专项整治领域 / Rectification area */
  area: RectificationArea;
  /** 问题位置（本辖区内） / Location, in the unit's own area */
  location: ItemLocationInput;
  /** 问题描述，最多1000字 / Description, at most 1000 characters */
  description: string;
  /** 问题照片，最多9张 / Photos, at most 9 */
  photos?: Array<ItemPhotoInput> | null | undefined;
  /** 涉及的指标任务（可不填） / The indicator task it concerns, optional */
  indicatorTaskId?: string | null | undefined;
};

/** 动员部署文件类别 / Kind of mobilization document */
export type MobilizationDocumentKind =
  /** 实施方案 / Implementation plan */
  | 'IMPLEMENTATION_PLAN'
  /** 通知 / Notice */
  | 'NOTICE';

/** 单位材料的审核状态 / Review state of a unit's submission */
export type MobilizationReview =
  /** 未提交（或尚未交齐） / Not (fully) handed in */
  | 'NONE'
  /** 待审核 / Awaiting the office's review */
  | 'SUBMITTED'
  /** 已通过 / Approved */
  | 'APPROVED'
  /** 已退回，待重新提交 / Returned, to be handed in again */
  | 'RETURNED';

/** 创建办印发动员部署文件 / The office issues a mobilization document */
export type IssueMobilizationDocumentInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 类别 / Kind */
  kind: MobilizationDocumentKind;
  /** 标题，最多 100 字 / Title, at most 100 characters */
  title: string;
  /** 内容摘要，最多 2000 字 / Summary, at most 2000 characters */
  summary: string;
  /** POST /files 上传的文件编号（.pdf 或 .docx） / The uploaded file's id */
  fileId: string | number;
  /** 下发单位编码；不填为全部责任单位，最多 500 个 / Unit codes; all units when omitted */
  unitCodes?: Array<string> | null | undefined;
  /** 要求提交本单位工作实施方案 / Units submit their own plan */
  requiresPlan: boolean;
  /** 要求登记创文责任小组 / Units register their group */
  requiresGroup: boolean;
  /** 完成时限，须晚于当前时间 / Deadline, in the future */
  dueAt: string;
};

/** 单位登记的创文责任小组 / A unit's group, as registered */
export type MobilizationGroupInput = {
  /** 组长姓名，最多 30 字 / Leader, at most 30 characters */
  leader: string;
  /** 成员姓名，1–30 人，每人最多 30 字 / Members, 1–30, at most 30 characters each */
  members: Array<string>;
  /** 联系电话：11 位手机号或带区号的固定电话 / Contact phone */
  phone: string;
};

/** 生成某月的专题汇报并检查该月工作节奏（创建办） / Generate a month's report and check its cadence (office) */
export type GenerateMonthlyReportInput = {
  /** 活动编号 / Campaign id */
  campaignId: string;
  /** 月份（YYYY-MM），不晚于本月 / Month, not after the current one */
  month: string;
};

/** 消息类别 / Kind of notification */
export type NotificationKind =
  /** 时限提醒与督办（提醒、催办、督办、约谈、问责） / A step of the escalation ladder */
  | 'ESCALATION'
  /** 待审核、待验收、待复核或待批准的申请 / Something waits for the recipient's decision */
  | 'APPROVAL_REQUEST'
  /** 提交的内容被退回 / Something handed in was returned */
  | 'RETURNED'
  /** 延期申请的结果 / The decision on an extension request */
  | 'EXTENSION_DECISION'
  /** 新派给本单位的整改问题 / A new finding assigned to the recipient's unit */
  | 'ITEM_ASSIGNED'
  /** 已批准生效的问责决定（发给单位负责人和被问责人员） / An approved accountability decision, to the unit head and the persons named */
  | 'ACCOUNTABILITY_DECISION';

/** 站内消息以外的通知渠道 / A channel beyond the inbox */
export type DeliveryChannel =
  /** 电子邮件 / Email over SMTP */
  | 'EMAIL'
  /** 通用推送接口 / The generic webhook */
  | 'WEBHOOK'
  /** 企业微信群机器人 / WeCom group robot */
  | 'WECOM'
  /** 钉钉群机器人 / DingTalk group robot */
  | 'DINGTALK'
  /** 短信（仅紧急消息） / SMS (urgent notifications only) */
  | 'SMS';

/** 在一个渠道上的送达状态 / Where a notification stands on one channel */
export type DeliveryStatus =
  /** 待发送（含免打扰时段等待和重试中） / Pending (waiting out quiet hours, or being retried) */
  | 'PENDING'
  /** 送达 / Sent */
  | 'SENT'
  /** 失败 / Failed */
  | 'FAILED'
  /** 未发送（本人关闭了此渠道或无法送达） / Skipped (opted out, or cannot be reached) */
  | 'SKIPPED';

/** 修改通知偏好；未给的项保持不变 / New preferences; what is left out stays as it is */
export type NotificationPreferencesInput = {
  /** 要接收的渠道（最多 5 个）；给空列表表示只看站内消息 / Channels wanted (at most 5); empty: the inbox only */
  channels?: Array<DeliveryChannel> | null | undefined;
  /** 恢复默认渠道（全部已开通渠道） / Back to the default channels */
  defaultChannels?: boolean | null | undefined;
  /** 是否开启免打扰 / Quiet hours on or off */
  quietHoursEnabled?: boolean | null | undefined;
  /** 免打扰开始，如 22:00 / Start, e.g. 22:00 */
  quietStart?: string | null | undefined;
  /** 免打扰结束，如 07:00 / End, e.g. 07:00 */
  quietEnd?: string | null | undefined;
};

/** 通知类别 / Kind of official notice */
export type OfficialNoticeKind =
  /** 督办通知单（编号 创文督〔年〕N号）/ Supervision notice */
  | 'SUPERVISION'
  /** 整改通知书（编号 创文改〔年〕N号）/ Rectification notice */
  | 'RECTIFICATION'
  /** 约谈通知书（编号 创文约〔年〕N号）/ Interview notice */
  | 'INTERVIEW';

/** 通知状态 / State of a notice */
export type OfficialNoticeState =
  /** 未签收 / Issued, awaiting 签收 */
  | 'ISSUED'
  /** 已签收 / Acknowledged */
  | 'ACKNOWLEDGED';

/** 工作小组（创建办内设） / A working group of the campaign office */
export type WorkingGroupCode =
  /** 统筹策划组 / Planning */
  | 'PLANNING'
  /** 宣传组 / Publicity */
  | 'PUBLICITY'
  /** 档案组 / Archives */
  | 'ARCHIVES'
  /** 保障组 / Logistics */
  | 'LOGISTICS'
  /** 活动组 / Activities */
  | 'ACTIVITIES'
  /** 督查检查组 / Supervision */
  | 'SUPERVISION';

/** 一个上传的文件 / An uploaded file */
export type ImportFileInput = {
  /** 文件名，须以 .xlsx 或 .csv 结尾 / File name ending in .xlsx or .csv */
  fileName: string;
  /** 文件内容（Base64，最大 10 MB） / File content, base64, at most 10 MB */
  contentBase64: string;
};

/** 上传组织机构：一个含「单位」和「人员」两个工作表的 .xlsx，或两个 .csv（单位表、人员表，各凭表头识别） / Upload the organisation: one .xlsx with a units sheet and a people sheet, or two .csv files, each recognised by its header */
export type ImportOrganisationInput = {
  /** 文件 / The files */
  files: Array<ImportFileInput>;
  /** 只预览不写入 / Preview without writing */
  dryRun?: boolean | null | undefined;
};

/** 宣传渠道 / Publicity channel */
export type PublicityChannel =
  /** 公益广告 / Public-service advertisement */
  | 'PUBLIC_SERVICE_AD'
  /** 宣传栏 / Bulletin board */
  | 'BULLETIN_BOARD'
  /** 横幅 / Banner */
  | 'BANNER'
  /** 电子屏 / Electronic screen */
  | 'ELECTRONIC_SCREEN'
  /** 宣传册 / Brochure */
  | 'BROCHURE'
  /** 短信 / SMS */
  | 'SMS'
  /** 新媒体 / New media */
  | 'NEW_MEDIA';

/** 宣传台账筛选 / Filters of the ledger */
export type PublicityFilter = {
  /** 社区或村编码 / Community or village */
  unitCode?: string | null | undefined;
  /** 渠道 / Channel */
  channel?: PublicityChannel | null | undefined;
  /** 月份 YYYY-MM / Month */
  month?: string | null | undefined;
  /** 测评指标编码 / Indicator code */
  indicatorCode?: string | null | undefined;
};

/** 登记宣传载体 / A new entry */
export type RecordPublicityEntryInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 渠道 / Channel */
  channel: PublicityChannel;
  /** 位置，必填，最多 100 字 / Location, required, at most 100 characters */
  location: string;
  /** 社区或村编码 / Community or village */
  unitCode: string;
  /** 数量：1 至 1000000 的整数 / Count: an integer from 1 to 1000000 */
  count: number;
  /** 日期 YYYY-MM-DD，不晚于今天 / Date, not after today */
  heldOn: string;
  /** 佐证的测评指标编码，最多 10 个，须在测评体系中 / Indicator codes, at most 10, from the catalog */
  indicatorCodes?: Array<string> | null | undefined;
  /** 照片：POST /files 返回的文件编号（JPG、PNG、WEBP），最多 9 张 / Photos: ids from POST /files, at most 9 */
  photoFileIds?: Array<string | number> | null | undefined;
  /** 备注，最多 500 字 / Note, at most 500 characters */
  note?: string | null | undefined;
};

/** 更正宣传载体（整条替换，须写明原因） / A correction: the whole entry, with a reason */
export type CorrectPublicityEntryInput = {
  /** 记录编号 / Entry id */
  id: string | number;
  /** 渠道 / Channel */
  channel: PublicityChannel;
  /** 位置 / Location */
  location: string;
  /** 社区或村编码 / Community or village */
  unitCode: string;
  /** 数量 / Count */
  count: number;
  /** 日期 YYYY-MM-DD / Date */
  heldOn: string;
  /** 佐证的测评指标编码 / Indicator codes */
  indicatorCodes?: Array<string> | null | undefined;
  /** 保留的原有照片（SHA-256），不填为全部保留 / Photos kept, by SHA-256; all when omitted */
  keepPhotos?: Array<string> | null | undefined;
  /** 新增照片：POST /files 返回的文件编号；合计最多 9 张 / New photos; at most 9 in all */
  photoFileIds?: Array<string | number> | null | undefined;
  /** 备注 / Note */
  note?: string | null | undefined;
  /** 更正原因，必填，最多 500 字 / Reason, required, at most 500 characters */
  reason: string;
};

/** 整改问题的状态 / Where a rectification item stands */
export type ItemState =
  /** 上报 / Reported, not yet dispatched */
  | 'REPORTED'
  /** 派单 / Dispatched to a unit */
  | 'DISPATCHED'
  /** 整改中 / Being fixed */
  | 'RECTIFYING'
  /** 待复核 / Handed in, awaiting verification */
  | 'SUBMITTED'
  /** 退回 / Returned to be fixed again */
  | 'RETURNED'
  /** 已复核 / Verified, awaiting its later re-check */
  | 'VERIFIED'
  /** 巩固复查 / Re-check due */
  | 'RECHECK'
  /** 销号 / Closed */
  | 'CLOSED';

/** 问题来源 / Where a problem was found */
export type ItemSource =
  /** 督查 / Supervision */
  | 'SUPERVISION'
  /** 明察 / Open inspection */
  | 'OPEN_INSPECTION'
  /** 暗访（不向责任单位显示检查人） / Covert inspection: the inspector is never shown to units */
  | 'COVERT_INSPECTION'
  /** 模拟测评 / Mock assessment */
  | 'MOCK_ASSESSMENT'
  /** 领导现场办公 / Leader's site visit */
  | 'LEADER_VISIT'
  /** 群众反映 / Citizen report */
  | 'CITIZEN_REPORT'
  /** 属地上报（社区、村上报本辖区的问题） / Reported by a community or village in its own area */
  | 'LOCAL_REPORT'
  /** 牵头单位协调会交办（牵头单位召集责任单位议定的事项） / Decided at a lead unit's meeting with its responsible units */
  | 'LEAD_UNIT_MEETING';

/** 整改问题的操作 / An action on a rectification item */
export type ItemAction =
  /** 派单（督查组、创建办） / Dispatch to a unit (supervisor, office) */
  | 'DISPATCH'
  /** 签收并开始整改（责任单位） / Acknowledge and start (unit) */
  | 'START_RECTIFICATION'
  /** 提交整改结果（责任单位，须附整改后照片） / Hand in the fix with after-photos (unit) */
  | 'SUBMIT_RECTIFICATION'
  /** 复核通过（督查组，不能是提交人） / Verify (supervisor, never the submitter) */
  | 'VERIFY'
  /** 退回重改（督查组） / Return to be fixed again (supervisor) */
  | 'RETURN'
  /** 录入巩固复查结果（督查组） / Record the re-check (supervisor) */
  | 'RECORD_RECHECK'
  /** 申请延期（责任单位） / Ask for more time (unit) */
  | 'REQUEST_EXTENSION'
  /** 批准延期（督查组） / Approve the extension (supervisor) */
  | 'APPROVE_EXTENSION'
  /** 不予延期（督查组） / Refuse the extension (supervisor) */
  | 'REFUSE_EXTENSION'
  /** 申请退回：非本单位职责（责任单位） / Ask to return a wrongly dispatched item (unit) */
  | 'REQUEST_DISPATCH_RETURN'
  /** 同意退回（督查组） / Agree to the return (supervisor) */
  | 'APPROVE_DISPATCH_RETURN'
  /** 不同意退回（督查组） / Refuse the return (supervisor) */
  | 'REFUSE_DISPATCH_RETURN'
  /** 重复上报（已关联到原问题） / A repeated report, linked to the open item */
  | 'REPORT_DUPLICATE'
  /** 指定责任人（责任单位负责人、创建办；请用 assignItemResponsiblePerson） / Name the responsible person (unit head, office; use assignItemResponsiblePerson) */
  | 'ASSIGN_RESPONSIBLE_PERSON';

/** 整改问题的筛选条件，各项同时满足；列表条件为空列表时不匹配任何问题 / Filter of the item list: every condition given must hold; an empty list matches nothing */
export type ItemFilter = {
  /** 责任单位编码；责任单位的用户只能查本单位 / Responsible unit code; users of a unit may ask for their own only */
  unitCode?: string | null | undefined;
  /** 测评项目编码：关联了指标任务或测评内容的问题按其指标匹配 / Assessment item code, matched through the item's linked task or criterion */
  assessmentItemCode?: string | null | undefined;
  /** 测评指标编码：关联了指标任务或测评内容的问题按其指标匹配 / Indicator code, matched through the item's linked task or criterion */
  indicatorCode?: string | null | undefined;
  /** 专项整治领域 / Rectification area */
  area?: RectificationArea | null | undefined;
  /** 状态为其中之一 / State is one of these */
  states?: Array<ItemState> | null | undefined;
  /** 来源为其中之一 / Source is one of these */
  sources?: Array<ItemSource> | null | undefined;
  /** 是否逾期：责任单位应整改（派单、整改中、退回）且整改时限已过，与看板的判断相同 / Overdue: the unit owes the fix (dispatched, rectifying, returned) and its due date has passed, as on the board */
  overdue?: boolean | null | undefined;
  /** 整改时限早于此时刻（无时限的不匹配） / Due date before this instant; items without one never match */
  dueBefore?: string | null | undefined;
  /** 是否有待我决定的事项（待审批队列）：督导员复核他人提交的整改、到期的巩固复查、他人的延期申请和退回申请；其他角色无待办 / Whether a decision waits for me (the approval queue): a supervisor verifies fixes, records due re-checks, decides others' extension and dispatch-return requests; other roles have none */
  awaitingMyDecision?: boolean | null | undefined;
  /** 整改时限不早于此时刻，只看责任单位应整改的（派单、整改中、退回） / Due date at or after this instant, among the items the unit owes a fix (dispatched, rectifying, returned) */
  deadlineFrom?: string | null | undefined;
  /** 整改时限早于此时刻，只看责任单位应整改的（派单、整改中、退回） / Due date before this instant, among the items the unit owes a fix (dispatched, rectifying, returned) */
  deadlineBefore?: string | null | undefined;
  /** 搜索：以空格分隔的词（最多 5 个，共不超过 100 字），每个词须出现在问题描述、地点或责任单位名称中，不区分大小写 / Search: words separated by spaces (at most 5, 100 characters in all), each found in the description, the place or the unit's name, ignoring case */
  search?: string | null | undefined;
  /** 是否标记为重点难点（重点、难点或二者） / Whether the item is marked key or difficult (either or both) */
  keyDifficult?: boolean | null | undefined;
};

/** 问题位置 / Where a problem is */
export type ItemLocationInput = {
  /** 地址 / Address */
  address: string;
  /** 纬度（WGS-84），可不填 / Latitude, optional */
  latitude?: number | null | undefined;
  /** 经度（WGS-84），可不填 / Longitude, optional */
  longitude?: number | null | undefined;
};

/** 一张照片：上传后的文件编号，或 Base64 内容 / A photo: an uploaded file's id, or base64 content */
export type ItemPhotoInput = {
  /** 上传后的文件编号（POST /files 的回答，只能由上传者本人使用） / The id POST /files answered; only the uploader may use it */
  fileId?: string | number | null | undefined;
  /** 文件名：jpg、png、webp、pdf（用 contentBase64 时必填） / File name, with contentBase64 */
  fileName?: string | null | undefined;
  /** 或：文件内容（Base64），与 fileId 二选一 / Or: content, base64, instead of fileId */
  contentBase64?: string | null | undefined;
};

/** 上报问题（督查组、创建办、领导小组） / Report a problem (supervisor, office, leading group) */
export type ReportItemInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 问题来源 / Source */
  source: ItemSource;
  /** 专项整治领域 / Rectification area */
  area: RectificationArea;
  /** 问题位置 / Location */
  location: ItemLocationInput;
  /** 问题描述 / Description */
  description: string;
  /** 问题照片 / Photos of the problem */
  photos?: Array<ItemPhotoInput> | null | undefined;
  /** 关联的指标任务 / Indicator task it counts against */
  indicatorTaskId?: string | null | undefined;
  /** 关联的测评内容 / Criterion it counts against */
  criterionCode?: string | null | undefined;
  /** 立即派给的单位 / Dispatch at once to this unit */
  unitCode?: string | null | undefined;
  /** 整改时限（立即派单时），不填按活动规定天数 / Due date when dispatching at once */
  dueAt?: string | null | undefined;
};

/** 整改问题的一个操作 / An action on a rectification item */
export type ItemActionInput = {
  /** 整改问题编号 / Item id */
  itemId: string;
  /** 操作 / Action */
  action: ItemAction;
  /** 派单：责任单位 / DISPATCH: the unit */
  unitCode?: string | null | undefined;
  /** 派单：整改时限 / DISPATCH: due date */
  dueAt?: string | null | undefined;
  /** 说明 / Note */
  note?: string | null | undefined;
  /** 原因（退回、不予延期、申请退回等） / Reason */
  reason?: string | null | undefined;
  /** 复查是否合格 / RECORD_RECHECK: passed */
  passed?: boolean | null | undefined;
  /** 延期：申请延至 / REQUEST_EXTENSION: new due date */
  requestedDueAt?: string | null | undefined;
  /** 整改后照片（提交整改结果时必填） / After-photos, for SUBMIT_RECTIFICATION */
  photos?: Array<ItemPhotoInput> | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 对整改问题提出问责决定（创建办） / An accountability decision on an item, proposed by the office */
export type ProposeItemAccountabilityDecisionInput = {
  /** 整改问题编号 / Item id */
  itemId: string;
  /** 是否对责任单位问责 / Hold the unit itself to account */
  holdsUnit: boolean;
  /** 被问责人员的账号（须为该责任单位的人员，最多 20 人）；不对单位问责时至少一人 / Logins of persons of the unit (at most 20); at least one when the unit is not held */
  personLogins: Array<string>;
  /** 问责方式 / Form */
  form: AccountabilityForm;
  /** 问责方式为其他时的说明（最多 100 字） / The description of an OTHER form, at most 100 characters */
  formNote?: string | null | undefined;
  /** 问责理由（最多 1000 字） / Reason, at most 1000 characters */
  reason: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 对整改问题的问责决定的审批（领导小组） / A leader's decision on an item's pending accountability decision */
export type ItemAccountabilityReviewInput = {
  /** 整改问题编号 / Item id */
  itemId: string;
  /** 审批意见（批准时可填） / Note, for an approval */
  note?: string | null | undefined;
  /** 退回理由（退回时必填） / Reason, required for a return */
  reason?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 把会议的一项议定事项转为整改问题（创建办、督查组） / Turn a meeting's decision into a rectification item (office, supervisors) */
export type MeetingDecisionToItemInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 会议编号 / Meeting id */
  meetingId: string;
  /** 第几项议定事项（从 0 起） / Which decision, from 0 */
  decisionIndex: number;
  /** 专项整治领域 / Rectification area */
  area: RectificationArea;
  /** 问题位置 / Location */
  location: ItemLocationInput;
  /** 关联的测评内容 / Criterion it counts against */
  criterionCode?: string | null | undefined;
};

/** 把会议的一项议定事项转为指标任务（创建办） / Turn a meeting's decision into an indicator task (office) */
export type MeetingDecisionToTaskInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 会议编号 / Meeting id */
  meetingId: string;
  /** 第几项议定事项（从 0 起） / Which decision, from 0 */
  decisionIndex: number;
  /** 测评指标编码 / Indicator */
  indicatorCode: string;
  /** 牵头单位编码 / Lead unit */
  leadUnitCode: string;
};

/** 把整改问题标记为重点难点（创建办、领导小组） / Mark a rectification item key or difficult (office, leading group) */
export type SetItemKeyFlagInput = {
  /** 整改问题编号 / Item id */
  itemId: string;
  /** 类型 / Kind */
  kind: KeyFlagKind;
  /** 标记理由（必填，最多 500 字） / Why, at most 500 characters */
  reason: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 取消整改问题的重点难点标记 / Clear a rectification item's mark */
export type ClearItemKeyFlagInput = {
  /** 整改问题编号 / Item id */
  itemId: string;
  /** 取消理由（可不填，最多 500 字） / Why, optional, at most 500 characters */
  reason?: string | null | undefined;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 指定整改问题的责任人 / Name an item's responsible person */
export type AssignItemResponsiblePersonInput = {
  /** 问题编号 / Item id */
  itemId: string;
  /** 责任人的登录账号，须是责任单位的人员 / Login of the person, who must belong to the item's unit */
  login: string;
  /** 期望版本，不一致时返回 CONFLICT / Expected version; CONFLICT when it differs */
  expectedVersion?: number | null | undefined;
};

/** 自查自评轮次状态 / State of a self-evaluation round */
export type SelfEvaluationState =
  /** 进行中 / Open: forms may be submitted */
  | 'OPEN'
  /** 已结束（只读） / Closed: read-only */
  | 'CLOSED';

/** 自评表状态 / State of a unit's form */
export type SelfEvaluationFormState =
  /** 未提交 / Not submitted */
  | 'MISSING'
  /** 已提交 / Submitted */
  | 'SUBMITTED'
  /** 已退回（待重新提交） / Returned by the office, to be resubmitted */
  | 'RETURNED';

/** 任务自评结果 / A task's self-assessed status */
export type SelfAssessedStatus =
  /** 达标 / Met */
  | 'MET'
  /** 未达标 / Not met */
  | 'NOT_MET'
  /** 未知可否达标 / Unknown */
  | 'UNKNOWN';

/** 等次（自评等次与评议等次） / A grade (the self-grade and the leading group's 评议) */
export type AppraisalGrade =
  /** 优秀 / Excellent */
  | 'EXCELLENT'
  /** 良好 / Good */
  | 'GOOD'
  /** 合格 / Pass */
  | 'PASS'
  /** 不合格 / Fail */
  | 'FAIL';

/** 工作组达标评定 / A working group's rating */
export type WorkingGroupRatingValue =
  /** 达标 / Met */
  | 'MET'
  /** 未达标 / Not met */
  | 'NOT_MET';

/** 发起一轮自查自评 / Opening a round */
export type OpenSelfEvaluationRoundInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 名称（不超过100字） / Title, at most 100 characters */
  title: string;
  /** 自评期间起（YYYY-MM-DD） / Period start */
  periodStart: string;
  /** 自评期间止（YYYY-MM-DD） / Period end */
  periodEnd: string;
  /** 截止日期（YYYY-MM-DD，当日结束时到期） / Due date, due at its end */
  dueDate: string;
  /** 应报单位，不填为全部单位 / Units asked, all when omitted */
  unitCodes?: Array<string> | null | undefined;
  /** 街道自身是否填报（由创建办填写），默认是 / Whether the sub-district fills its own form (the office), true by default */
  includeSubdistrict?: boolean | null | undefined;
};

/** 一项任务的自评 / A task's status on a form */
export type SelfEvaluationItemInput = {
  /** 任务编号（须为本单位的任务） / Task id, one of the unit's own */
  taskId: string | number;
  /** 自评结果 / Status */
  status: SelfAssessedStatus;
  /** 说明（不超过200字） / Note, at most 200 characters */
  note?: string | null | undefined;
};

/** 提交自评表 / Submitting a form */
export type SubmitSelfEvaluationInput = {
  /** 轮次编号 / Round id */
  roundId: string | number;
  /** 单位编码（街道自评为 SUBDISTRICT） / Unit code (SUBDISTRICT for the sub-district) */
  unitCode: string;
  /** 逐项任务自评（本单位每项任务一条） / One entry per task of the unit */
  items: Array<SelfEvaluationItemInput>;
  /** 主要成绩（不超过2000字） / Achievements */
  achievements: string;
  /** 存在不足（不超过2000字） / Shortcomings */
  shortcomings: string;
  /** 下一步打算（不超过2000字） / Next steps */
  nextSteps: string;
  /** 自评等次 / Self-grade */
  selfGrade: AppraisalGrade;
};

/** 评议一个单位 / Grading a unit */
export type GradeUnitInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 单位编码 / Unit code */
  unitCode: string;
  /** 等次 / Grade */
  grade: AppraisalGrade;
  /** 评语（不超过500字） / Comment */
  comment: string;
  /** 修改原因（已评过时必填） / Why it is revised (required once graded) */
  reason?: string | null | undefined;
};

/** 评定一个工作组 / Rating a working group */
export type RateWorkingGroupInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 工作组 / Working group */
  group: WorkingGroupCode;
  /** 达标与否 / Rating */
  rating: WorkingGroupRatingValue;
  /** 评语（不超过500字） / Comment */
  comment: string;
  /** 修改原因（已评过时必填） / Why it is revised (required once rated) */
  reason?: string | null | undefined;
};

/** 专项整治状态 / State of a drive */
export type SpecialDriveState =
  /** 整治中 / Running */
  | 'ACTIVE'
  /** 总结待审定 / Closing summary awaiting the leading group */
  | 'SUMMARY_SUBMITTED'
  /** 总结已退回 / Summary returned to the lead unit */
  | 'RETURNED'
  /** 已结束（总结已审定） / Closed: the summary was approved */
  | 'CLOSED';

/** 整改问题如何纳入专项整治 / How an item belongs to a drive */
export type SpecialDriveItemLink =
  /** 自动：本领域、整治期内上报 / Automatically: the drive's area, reported within its period */
  | 'AUTO'
  /** 创建办手工纳入 / Attached by the office */
  | 'MANUAL';

/** 专项整治方案 / A drive's plan, to launch or amend it */
export type SpecialDrivePlanInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 整治领域 / Area */
  area: RectificationArea;
  /** 牵头单位编码 / Lead unit's code */
  leadUnitCode: string;
  /** 开始日期（YYYY-MM-DD） / Start date */
  startDate: string;
  /** 结束日期（YYYY-MM-DD，含当日），不早于开始日期，期限不超过 550 天 / End date, included; not before the start, at most 550 days */
  endDate: string;
  /** 整治目标，必填，最多 2000 字 / Goals, required, at most 2000 characters */
  goals: string;
  /** 参与单位编码，最多 60 个 / Participating units' codes, at most 60 */
  participatingUnitCodes: Array<string>;
};

/** 报送（或退回后重新报送）专项整治总结 / Hand in the closing summary, or again after a return */
export type SubmitSpecialDriveSummaryInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 整治领域 / Area */
  area: RectificationArea;
  /** 总结，必填，最多 5000 字 / Summary, required, at most 5000 characters */
  summary: string;
  /** 新附件：POST /files 返回的文件编号，合计最多 10 个附件 / New attachments: ids from POST /files; 10 attachments in all */
  fileIds?: Array<string | number> | null | undefined;
  /** 保留的已有附件（其 SHA-256） / Attachments handed in before to keep (their SHA-256) */
  keepAttachments?: Array<string> | null | undefined;
};

/** 问卷调查轮次状态 / State of a survey round */
export type SurveyRoundState =
  /** 进行中（可录入） / Open: results may be entered */
  | 'OPEN'
  /** 已结束（数据锁定） / Closed: the numbers are locked */
  | 'CLOSED';

/** 调查方式 / How the questionnaire was taken */
export type SurveyMethod =
  /** 入户面访 / Door to door */
  | 'IN_PERSON'
  /** 街头拦访 / Street intercept */
  | 'INTERCEPT'
  /** 网络问卷 / Online */
  | 'ONLINE'
  /** 电话访问 / By telephone */
  | 'PHONE';

/** 制定一轮问卷调查 / Plan a survey round */
export type PlanSurveyRoundInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 名称，最多 100 字 / Title, at most 100 characters */
  title: string;
  /** 调查方式 / Method */
  method: SurveyMethod;
  /** 开始日期（YYYY-MM-DD） / First day */
  startDate: string;
  /** 结束日期（结果须于当日 24 时前录入） / Last day (results are due by its end) */
  endDate: string;
  /** 调查的社区（社区类单位），不填为全部社区 / Communities surveyed; every community when omitted */
  unitCodes?: Array<string> | null | undefined;
};

/** 录入一个社区的结果 / Enter one community's results */
export type RecordSurveyResultsInput = {
  /** 轮次编号 / Round id */
  roundId: string | number;
  /** 社区 / Community */
  unitCode: string;
  /** 样本量，1–100000 / Sample size, 1–100000 */
  sample: number;
  /** 知晓人数（不超过样本量） / Respondents aware (at most the sample) */
  aware: number;
  /** 支持人数 / Respondents supporting */
  supporting: number;
  /** 参与人数 / Respondents taking part */
  participating: number;
  /** 满意人数 / Respondents satisfied */
  satisfied: number;
  /** 您看到的版本（防止覆盖他人的录入） / The version you saw */
  expectedVersion?: number | null | undefined;
};

/** 任务引用问卷调查结果作为佐证 / A task cites a survey round as its evidence */
export type CiteSurveyRoundInput = {
  /** 任务编号（问卷调查类指标） / Task id (of a survey indicator) */
  taskId: string | number;
  /** 已结束的轮次 / A closed round */
  roundId: string | number;
  /** 说明，最多 500 字 / Note, at most 500 characters */
  note?: string | null | undefined;
};

/** 导入结果 / Outcome of a task-breakdown import */
export type ImportStatus =
  /** 有问题，整个文件未导入 / Refused whole: nothing was written */
  | 'REJECTED'
  /** 仅预览，未写入 / Preview only */
  | 'DRY_RUN'
  /** 与上次导入相同，无变化 / Same as the last import: nothing changed */
  | 'UNCHANGED'
  /** 已记录，正在创建和更新任务 / Recorded; tasks are being started and told */
  | 'APPLYING'
  /** 全部变更已生效 / Every change has reached its task */
  | 'APPLIED';

/** 任务变更类型 / Kind of change to a task */
export type TaskChangeKind =
  /** 新任务 / A new task */
  | 'CREATED'
  /** 完成时限或牵头单位变更 / Due date or lead unit changed */
  | 'CHANGED'
  /** 文件中已不再包含（仅提示，未撤销） / No longer in the file (reported, not withdrawn) */
  | 'REMOVED';

/** 上传任务分解表 / Upload a task breakdown */
export type ImportTaskBreakdownInput = {
  /** 活动，不填为最新活动 / Campaign, the latest when omitted */
  campaignId?: string | null | undefined;
  /** 文件名，须以 .xlsx 或 .csv 结尾 / File name ending in .xlsx or .csv */
  fileName: string;
  /** 文件内容（Base64，最大 10 MB） / File content, base64, at most 10 MB */
  contentBase64: string;
  /** 只预览不写入 / Preview without writing */
  dryRun?: boolean | null | undefined;
};

/** 专题汇报状态 / State of a unit's monthly report */
export type UnitReportState =
  /** 待报送 / Open, not handed in */
  | 'OPEN'
  /** 已报送待审 / Handed in, awaiting the office */
  | 'SUBMITTED'
  /** 已退回 / Returned to the unit */
  | 'RETURNED'
  /** 已采用 / Accepted */
  | 'ACCEPTED';

/** 报送或重新报送专题汇报 / Hand in (or again) a report */
export type SubmitUnitReportInput = {
  /** 专题汇报编号 / Report id */
  reportId: string | number;
  /** 工作进展，必填，最多 5000 字 / Progress, required, at most 5000 characters */
  progress: string;
  /** 存在问题，最多 5000 字 / Problems, at most 5000 characters */
  problems: string;
  /** 下步打算，必填，最多 5000 字 / Next steps, required, at most 5000 characters */
  nextSteps: string;
  /** 新附件：POST /files 返回的文件编号，合计最多 10 个附件 / New attachments: ids from POST /files; 10 attachments in all */
  fileIds?: Array<string | number> | null | undefined;
  /** 保留的已有附件（其 SHA-256） / Attachments handed in before to keep (their SHA-256) */
  keepAttachments?: Array<string> | null | undefined;
};

/** 期限按什么天数计算 / How the days of a deadline are counted */
export type DayCounting =
  /** 日历日（默认） / Calendar days (default) */
  | 'CALENDAR'
  /** 工作日：按国家法定节假日、调休安排及本区调整 / Working days: official holidays and 调休, with the office's overrides */
  | 'WORKING';

/** 调整类型 / Kind of override */
export type WorkingDayKind =
  /** 工作日（上班） / A working day */
  | 'WORKDAY'
  /** 休息日 / A rest day */
  | 'RESTDAY';

/** 上传工作日调整表：列「日期」「类型」（工作日/休息日）「说明」，最多 2000 行；导入后替换全部调整 / Upload the overrides: 日期, 类型, 说明; replaces them all */
export type ImportWorkingDayOverridesInput = {
  /** 文件 / The file */
  file: ImportFileInput;
  /** 只预览不写入 / Preview without writing */
  dryRun?: boolean | null | undefined;
};

export type SubmitSelfCheckMutationVariables = Exact<{
  input: SubmitSelfCheckInput;
}>;


export type SubmitSelfCheckMutation = { submitSelfCheck: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type BoardCardFragment = { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null };

export type CardFragment = { id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null };

export type ConfirmSelfCheckMutationVariables = Exact<{
  input: ApproveInput;
}>;


export type ConfirmSelfCheckMutation = { confirmSelfCheck: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ReturnSelfCheckMutationVariables = Exact<{
  input: ReturnInput;
}>;


export type ReturnSelfCheckMutation = { returnSelfCheck: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type SubmitRectificationPlanMutationVariables = Exact<{
  input: RectificationPlanInput;
}>;


export type SubmitRectificationPlanMutation = { submitRectificationPlan: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ReportRectificationProgressMutationVariables = Exact<{
  input: NoteInput;
}>;


export type ReportRectificationProgressMutation = { reportRectificationProgress: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type SubmitRectificationMutationVariables = Exact<{
  input: NoteInput;
}>;


export type SubmitRectificationMutation = { submitRectification: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ApproveRectificationMutationVariables = Exact<{
  input: ApproveInput;
}>;


export type ApproveRectificationMutation = { approveRectification: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ReturnRectificationMutationVariables = Exact<{
  input: ReturnInput;
}>;


export type ReturnRectificationMutation = { returnRectification: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type RecordMockAssessmentMutationVariables = Exact<{
  input: RecordMockAssessmentInput;
}>;


export type RecordMockAssessmentMutation = { recordMockAssessment: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type RecordRecheckMutationVariables = Exact<{
  input: RecordRecheckInput;
}>;


export type RecordRecheckMutation = { recordRecheck: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type StartArchivingMutationVariables = Exact<{
  input: ApproveInput;
}>;


export type StartArchivingMutation = { startArchiving: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type SubmitArchiveMaterialMutationVariables = Exact<{
  input: SubmitArchiveMaterialInput;
}>;


export type SubmitArchiveMaterialMutation = { submitArchiveMaterial: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type AcceptArchiveMaterialMutationVariables = Exact<{
  input: AcceptArchiveMaterialInput;
}>;


export type AcceptArchiveMaterialMutation = { acceptArchiveMaterial: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ReturnArchiveMaterialMutationVariables = Exact<{
  input: ReturnArchiveMaterialInput;
}>;


export type ReturnArchiveMaterialMutation = { returnArchiveMaterial: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type RequestExtensionMutationVariables = Exact<{
  input: RequestExtensionInput;
}>;


export type RequestExtensionMutation = { requestExtension: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ApproveExtensionMutationVariables = Exact<{
  input: ApproveInput;
}>;


export type ApproveExtensionMutation = { approveExtension: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type RefuseExtensionMutationVariables = Exact<{
  input: ReturnInput;
}>;


export type RefuseExtensionMutation = { refuseExtension: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type AddCommentMutationVariables = Exact<{
  input: AddCommentInput;
}>;


export type AddCommentMutation = { addComment: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type UploadEvidenceMutationVariables = Exact<{
  input: UploadEvidenceInput;
}>;


export type UploadEvidenceMutation = { uploadEvidence: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ReassignTaskMutationVariables = Exact<{
  input: ReassignTaskInput;
}>;


export type ReassignTaskMutation = { reassignTask: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ActOnItemCardMutationVariables = Exact<{
  input: ItemActionInput;
}>;


export type ActOnItemCardMutation = { actOnItem: { id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, allowedMoves: Array<{ action: ItemAction, target: ItemState, immediate: boolean, passed: boolean | null }>, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type BoardItemCardFragment = { id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, allowedMoves: Array<{ action: ItemAction, target: ItemState, immediate: boolean, passed: boolean | null }>, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null };

export type ItemCardFragment = { id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null };

export type TaskFormDataQueryVariables = Exact<{
  id: string;
}>;


export type TaskFormDataQuery = { indicatorTask: { id: string, version: number, indicator: { code: string, name: string, criteria: Array<{ code: string, content: string, points: number, deductionRule: string | null }> }, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, statusLabel: string, returnReason: string | null }>, evidence: Array<{ sha256: string, name: string }> } };

export type ActivitiesQueryVariables = Exact<{
  filter?: ActivityFilter | null | undefined;
}>;


export type ActivitiesQuery = { activities: Array<{ id: string, kind: ActivityKind, kindLabel: string, title: string, plannedDate: string, place: string, state: ActivityState, stateLabel: string, heldDate: string | null, attendance: number | null, summary: string | null, cancelReason: string | null, dueAt: string, overdue: boolean, escalationLabel: string | null, archiveDocumentId: string | null, version: number, canRecordHeld: boolean, canCancel: boolean, canArchive: boolean, organiser: { code: string, name: string }, indicators: Array<{ code: string, name: string }>, photos: Array<{ name: string, sha256: string, url: string }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string }> }>, activityMonthlyCounts: { months: Array<{ month: string, kind: ActivityKind | null, kindLabel: string | null, planned: number, held: number, cancelled: number, attendance: number }>, byKind: Array<{ month: string, kind: ActivityKind | null, kindLabel: string | null, planned: number, held: number, cancelled: number, attendance: number }> } };

export type ActivityPlanOptionsQueryVariables = Exact<{ [key: string]: never; }>;


export type ActivityPlanOptionsQuery = { organisation: { units: Array<{ code: string, name: string, kind: UnitKind }> }, catalog: { items: Array<{ name: string, indicators: Array<{ code: string, name: string }> }> } };

export type PlanActivityMutationVariables = Exact<{
  input: PlanActivityInput;
}>;


export type PlanActivityMutation = { planActivity: { id: string } };

export type RecordActivityHeldMutationVariables = Exact<{
  input: RecordActivityHeldInput;
}>;


export type RecordActivityHeldMutation = { recordActivityHeld: { id: string, state: ActivityState } };

export type CancelActivityMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type CancelActivityMutation = { cancelActivity: { id: string, state: ActivityState } };

export type ArchiveActivityEvidenceMutationVariables = Exact<{
  id: string | number;
}>;


export type ArchiveActivityEvidenceMutation = { archiveActivityEvidence: { id: string, title: string } };

export type ExportActivitiesQueryVariables = Exact<{
  filter?: ActivityFilter | null | undefined;
}>;


export type ExportActivitiesQuery = { exportActivities: { fileName: string, mimeType: string, contentBase64: string } };

export type DetailFragment = { temporalUiUrl: string | null, failedCriteria: Array<string>, sideActions: Array<IndicatorTaskAction>, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, rectificationPlan: { plan: string, deadline: string } | null, indicator: { method: AssessmentMethod, points: number, standard: string, code: string, name: string, itemName: string, area: RectificationArea | null, criteria: Array<{ code: string, content: string, points: number, deductionRule: string | null }> }, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, comments: Array<{ text: string, at: string, author: { displayName: string } }>, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, evidence: Array<{ sha256: string, name: string, size: number, mimeType: string, note: string, url: string, at: string, uploadedBy: { displayName: string } }>, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, statusLabel: string, note: string, returnReason: string | null, submittedAt: string | null, reviewedAt: string | null, file: { name: string, size: number, url: string } | null, submittedBy: { displayName: string } | null, reviewedBy: { displayName: string } | null }>, linkedItems: Array<{ id: string, state: ItemState, stateLabel: string, description: string, unit: { name: string } | null }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, pendingExtension: { requestedDueAt: string, reason: string } | null, unit: { code: string, name: string }, leadUnit: { code: string, name: string } };

export type ItemDetailFragment = { criterionCode: string | null, returnReason: string | null, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, reportedBy: { displayName: string } | null, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submission: { note: string, submittedAt: string, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submittedBy: { displayName: string } } | null, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null };

export type SignInMutationVariables = Exact<{
  input: SignInInput;
}>;


export type SignInMutation = { signIn: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string } };

export type SignOutMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutMutation = { signOut: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, login: string, displayName: string, role: Role, unit: { code: string, name: string } | null } };

export type CampaignHeaderQueryVariables = Exact<{ [key: string]: never; }>;


export type CampaignHeaderQuery = { campaign: { id: string, name: string, inspectionDate: string, daysToInspection: number, phase: Phase, phaseLabel: string, countdownLabel: string } };

export type BoardQueryVariables = Exact<{
  campaign?: string | null | undefined;
  unit?: string | null | undefined;
}>;


export type BoardQuery = { board: { campaign: { id: string, name: string, inspectionDate: string, daysToInspection: number }, columns: Array<{ stage: Stage, label: string, count: number, cards: Array<{ id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null }> }> } };

export type TaskQueryVariables = Exact<{
  id: string;
}>;


export type TaskQuery = { indicatorTask: { temporalUiUrl: string | null, failedCriteria: Array<string>, sideActions: Array<IndicatorTaskAction>, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, rectificationPlan: { plan: string, deadline: string } | null, indicator: { method: AssessmentMethod, points: number, standard: string, code: string, name: string, itemName: string, area: RectificationArea | null, criteria: Array<{ code: string, content: string, points: number, deductionRule: string | null }> }, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, comments: Array<{ text: string, at: string, author: { displayName: string } }>, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, evidence: Array<{ sha256: string, name: string, size: number, mimeType: string, note: string, url: string, at: string, uploadedBy: { displayName: string } }>, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, statusLabel: string, note: string, returnReason: string | null, submittedAt: string | null, reviewedAt: string | null, file: { name: string, size: number, url: string } | null, submittedBy: { displayName: string } | null, reviewedBy: { displayName: string } | null }>, linkedItems: Array<{ id: string, state: ItemState, stateLabel: string, description: string, unit: { name: string } | null }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, pendingExtension: { requestedDueAt: string, reason: string } | null, unit: { code: string, name: string }, leadUnit: { code: string, name: string } } };

export type BoardChangedSubscriptionVariables = Exact<{
  campaign?: string | null | undefined;
}>;


export type BoardChangedSubscription = { boardChanged: { eventType: string, task: { id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } } };

export type ItemBoardQueryVariables = Exact<{
  campaign?: string | null | undefined;
  unit?: string | null | undefined;
  area?: RectificationArea | null | undefined;
  source?: ItemSource | null | undefined;
}>;


export type ItemBoardQuery = { itemBoard: { campaign: { id: string, name: string, inspectionDate: string, daysToInspection: number }, columns: Array<{ state: ItemState, label: string, count: number, items: Array<{ id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null }> }> } };

export type ItemQueryVariables = Exact<{
  id: string;
}>;


export type ItemQuery = { rectificationItem: { criterionCode: string | null, returnReason: string | null, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, reportedBy: { displayName: string } | null, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submission: { note: string, submittedAt: string, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submittedBy: { displayName: string } } | null, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null } };

export type ItemChangedSubscriptionVariables = Exact<{
  campaign?: string | null | undefined;
}>;


export type ItemChangedSubscription = { itemChanged: { eventType: string, item: { id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } } };

export type UnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type UnitsQuery = { units: Array<{ code: string, name: string }> };

export type ChangePasswordMutationVariables = Exact<{
  current: string;
  next: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type ApprovalTaskFragment = { stageEnteredAt: string, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, submittedAt: string | null, submittedBy: { userId: string } | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null };

export type ApprovalItemFragment = { id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, submission: { submittedAt: string, note: string, submittedBy: { userId: string, displayName: string } } | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null };

export type ApprovalTasksQueryVariables = Exact<{
  campaign?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ApprovalTasksQuery = { campaign: { id: string, name: string }, tasks: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { stageEnteredAt: string, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, submittedAt: string | null, submittedBy: { userId: string } | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } }> } };

export type ApprovalItemsQueryVariables = Exact<{
  campaign?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ApprovalItemsQuery = { campaign: { id: string, name: string }, items: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, submission: { submittedAt: string, note: string, submittedBy: { userId: string, displayName: string } } | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } }> } };

export type ApprovalConfirmSelfCheckMutationVariables = Exact<{
  input: ApproveInput;
}>;


export type ApprovalConfirmSelfCheckMutation = { confirmSelfCheck: { stageEnteredAt: string, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, submittedAt: string | null, submittedBy: { userId: string } | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ApprovalReturnSelfCheckMutationVariables = Exact<{
  input: ReturnInput;
}>;


export type ApprovalReturnSelfCheckMutation = { returnSelfCheck: { stageEnteredAt: string, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, submittedAt: string | null, submittedBy: { userId: string } | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ApprovalApproveRectificationMutationVariables = Exact<{
  input: ApproveInput;
}>;


export type ApprovalApproveRectificationMutation = { approveRectification: { stageEnteredAt: string, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, submittedAt: string | null, submittedBy: { userId: string } | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ApprovalReturnRectificationMutationVariables = Exact<{
  input: ReturnInput;
}>;


export type ApprovalReturnRectificationMutation = { returnRectification: { stageEnteredAt: string, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, submittedAt: string | null, submittedBy: { userId: string } | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ApprovalApproveExtensionMutationVariables = Exact<{
  input: ApproveInput;
}>;


export type ApprovalApproveExtensionMutation = { approveExtension: { stageEnteredAt: string, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, submittedAt: string | null, submittedBy: { userId: string } | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ApprovalRefuseExtensionMutationVariables = Exact<{
  input: ReturnInput;
}>;


export type ApprovalRefuseExtensionMutation = { refuseExtension: { stageEnteredAt: string, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, submittedAt: string | null, submittedBy: { userId: string } | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ApprovalAcceptArchiveMaterialMutationVariables = Exact<{
  input: AcceptArchiveMaterialInput;
}>;


export type ApprovalAcceptArchiveMaterialMutation = { acceptArchiveMaterial: { stageEnteredAt: string, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, submittedAt: string | null, submittedBy: { userId: string } | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ApprovalReturnArchiveMaterialMutationVariables = Exact<{
  input: ReturnArchiveMaterialInput;
}>;


export type ApprovalReturnArchiveMaterialMutation = { returnArchiveMaterial: { stageEnteredAt: string, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, submittedAt: string | null, submittedBy: { userId: string } | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ApprovalStartArchivingMutationVariables = Exact<{
  input: ApproveInput;
}>;


export type ApprovalStartArchivingMutation = { startArchiving: { stageEnteredAt: string, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, submittedAt: string | null, submittedBy: { userId: string } | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ApprovalActOnItemMutationVariables = Exact<{
  input: ItemActionInput;
}>;


export type ApprovalActOnItemMutation = { actOnItem: { id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, submission: { submittedAt: string, note: string, submittedBy: { userId: string, displayName: string } } | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ArchiveDocumentsQueryVariables = Exact<{ [key: string]: never; }>;


export type ArchiveDocumentsQuery = { archiveDocuments: Array<{ id: string, title: string, kind: ArchiveDocumentKind, kindLabel: string, state: ArchiveDocumentState, stateLabel: string, fileName: string, fileSize: number, downloadUrl: string, source: string | null, submittedByName: string | null, submittedAt: string, reviewedByName: string | null, reviewedAt: string | null, returnReason: string | null, rounds: number, version: number, canReview: boolean, canResubmit: boolean, unit: { code: string, name: string } | null, tags: Array<{ kind: string, code: string, name: string }> }> };

export type ArchivePackagesQueryVariables = Exact<{ [key: string]: never; }>;


export type ArchivePackagesQuery = { archivePackages: Array<{ id: string, state: ArchivePackageState, stateLabel: string, complete: boolean | null, warning: string | null, missingCount: number | null, fileCount: number | null, size: number | null, fileName: string | null, sha256: string | null, failure: string | null, requestedByName: string | null, requestedAt: string, builtAt: string | null, submittedAt: string | null, submittedByName: string | null, downloadUrl: string | null, canSubmit: boolean }> };

export type SubmitArchiveDocumentMutationVariables = Exact<{
  input: SubmitArchiveDocumentInput;
}>;


export type SubmitArchiveDocumentMutation = { submitArchiveDocument: { id: string, title: string, kind: ArchiveDocumentKind, kindLabel: string, state: ArchiveDocumentState, stateLabel: string, fileName: string, fileSize: number, downloadUrl: string, source: string | null, submittedByName: string | null, submittedAt: string, reviewedByName: string | null, reviewedAt: string | null, returnReason: string | null, rounds: number, version: number, canReview: boolean, canResubmit: boolean, unit: { code: string, name: string } | null, tags: Array<{ kind: string, code: string, name: string }> } };

export type AcceptArchiveDocumentMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type AcceptArchiveDocumentMutation = { acceptArchiveDocument: { id: string, title: string, kind: ArchiveDocumentKind, kindLabel: string, state: ArchiveDocumentState, stateLabel: string, fileName: string, fileSize: number, downloadUrl: string, source: string | null, submittedByName: string | null, submittedAt: string, reviewedByName: string | null, reviewedAt: string | null, returnReason: string | null, rounds: number, version: number, canReview: boolean, canResubmit: boolean, unit: { code: string, name: string } | null, tags: Array<{ kind: string, code: string, name: string }> } };

export type ReturnArchiveDocumentMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ReturnArchiveDocumentMutation = { returnArchiveDocument: { id: string, title: string, kind: ArchiveDocumentKind, kindLabel: string, state: ArchiveDocumentState, stateLabel: string, fileName: string, fileSize: number, downloadUrl: string, source: string | null, submittedByName: string | null, submittedAt: string, reviewedByName: string | null, reviewedAt: string | null, returnReason: string | null, rounds: number, version: number, canReview: boolean, canResubmit: boolean, unit: { code: string, name: string } | null, tags: Array<{ kind: string, code: string, name: string }> } };

export type ResubmitArchiveDocumentMutationVariables = Exact<{
  input: ResubmitArchiveDocumentInput;
}>;


export type ResubmitArchiveDocumentMutation = { resubmitArchiveDocument: { id: string, title: string, kind: ArchiveDocumentKind, kindLabel: string, state: ArchiveDocumentState, stateLabel: string, fileName: string, fileSize: number, downloadUrl: string, source: string | null, submittedByName: string | null, submittedAt: string, reviewedByName: string | null, reviewedAt: string | null, returnReason: string | null, rounds: number, version: number, canReview: boolean, canResubmit: boolean, unit: { code: string, name: string } | null, tags: Array<{ kind: string, code: string, name: string }> } };

export type ExportArchivePackageMutationVariables = Exact<{ [key: string]: never; }>;


export type ExportArchivePackageMutation = { exportArchivePackage: { id: string, state: ArchivePackageState, stateLabel: string, complete: boolean | null, warning: string | null, missingCount: number | null, fileCount: number | null, size: number | null, fileName: string | null, sha256: string | null, failure: string | null, requestedByName: string | null, requestedAt: string, builtAt: string | null, submittedAt: string | null, submittedByName: string | null, downloadUrl: string | null, canSubmit: boolean } };

export type SubmitArchivePackageMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type SubmitArchivePackageMutation = { submitArchivePackage: { id: string, state: ArchivePackageState, stateLabel: string, complete: boolean | null, warning: string | null, missingCount: number | null, fileCount: number | null, size: number | null, fileName: string | null, sha256: string | null, failure: string | null, requestedByName: string | null, requestedAt: string, builtAt: string | null, submittedAt: string | null, submittedByName: string | null, downloadUrl: string | null, canSubmit: boolean } };

export type TaskBoardQueryVariables = Exact<{
  campaign?: string | null | undefined;
  first?: number | null | undefined;
  filter?: TaskFilter | null | undefined;
}>;


export type TaskBoardQuery = { board: { campaign: { id: string, name: string, inspectionDate: string, daysToInspection: number }, columns: Array<{ stage: Stage, count: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, cards: Array<{ sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null }> }> } };

export type TaskBoardColumnQueryVariables = Exact<{
  campaign?: string | null | undefined;
  stage: Stage;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: TaskFilter | null | undefined;
}>;


export type TaskBoardColumnQuery = { boardColumn: { stage: Stage, count: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, cards: Array<{ sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null }> } };

export type TaskBoardCountsQueryVariables = Exact<{
  campaign?: string | null | undefined;
  filter?: TaskFilter | null | undefined;
}>;


export type TaskBoardCountsQuery = { board: { columns: Array<{ stage: Stage, count: number }> } };

export type TaskBoardChangedSubscriptionVariables = Exact<{
  campaign?: string | null | undefined;
}>;


export type TaskBoardChangedSubscription = { boardChanged: { eventType: string, task: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } } };

export type TaskCardQueryVariables = Exact<{
  id: string;
}>;


export type TaskCardQuery = { indicatorTask: { sideActions: Array<IndicatorTaskAction>, proposedStage: Stage | null, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, allowedMoves: Array<{ action: IndicatorTaskAction, target: Stage, immediate: boolean, classification: Classification | null, passed: boolean | null }>, pendingExtension: { requestedDueAt: string, reason: string } | null, indicator: { code: string, name: string, itemName: string, area: RectificationArea | null }, unit: { code: string, name: string }, leadUnit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ItemBoardCardsQueryVariables = Exact<{
  campaign?: string | null | undefined;
  first?: number | null | undefined;
  filter?: ItemFilter | null | undefined;
}>;


export type ItemBoardCardsQuery = { itemBoard: { campaign: { id: string, name: string, inspectionDate: string, daysToInspection: number }, columns: Array<{ state: ItemState, count: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, items: Array<{ id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, allowedMoves: Array<{ action: ItemAction, target: ItemState, immediate: boolean, passed: boolean | null }>, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null }> }> } };

export type ItemBoardColumnQueryVariables = Exact<{
  campaign?: string | null | undefined;
  state: ItemState;
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ItemFilter | null | undefined;
}>;


export type ItemBoardColumnQuery = { itemBoardColumn: { state: ItemState, count: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, items: Array<{ id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, allowedMoves: Array<{ action: ItemAction, target: ItemState, immediate: boolean, passed: boolean | null }>, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null }> } };

export type ItemBoardCountsQueryVariables = Exact<{
  campaign?: string | null | undefined;
  filter?: ItemFilter | null | undefined;
}>;


export type ItemBoardCountsQuery = { itemBoard: { columns: Array<{ state: ItemState, count: number }> } };

export type ItemBoardChangedSubscriptionVariables = Exact<{
  campaign?: string | null | undefined;
}>;


export type ItemBoardChangedSubscription = { itemChanged: { eventType: string, item: { id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, allowedMoves: Array<{ action: ItemAction, target: ItemState, immediate: boolean, passed: boolean | null }>, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } } };

export type ItemCardOneQueryVariables = Exact<{
  id: string;
}>;


export type ItemCardOneQuery = { rectificationItem: { id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, allowedMoves: Array<{ action: ItemAction, target: ItemState, immediate: boolean, passed: boolean | null }>, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } };

export type ExportLocalReportsQueryVariables = Exact<{
  campaignId?: string | null | undefined;
}>;


export type ExportLocalReportsQuery = { exportLocalReports: { fileName: string, mimeType: string, contentBase64: string } };

export type BriefingRowFragment = { id: string, kind: BriefingKind, kindLabel: string, state: BriefingState, stateLabel: string, title: string, number: string | null, updatedAt: string, publishedAt: string | null, ackDueAt: string | null, escalationLevel: string | null, canAcknowledge: boolean, namedUnits: Array<{ acknowledged: boolean, unit: { code: string, name: string } }> };

export type BriefingDetailFragment = { id: string, kind: BriefingKind, kindLabel: string, state: BriefingState, stateLabel: string, title: string, number: string | null, version: number, createdAt: string, updatedAt: string, publishedAt: string | null, approvalNote: string | null, returnReason: string | null, ackDays: number, ackDueAt: string | null, escalationLevel: string | null, docxUrl: string, pdfUrl: string, pdfFileId: string | null, canEdit: boolean, canSubmit: boolean, canApprove: boolean, canPublish: boolean, canAcknowledge: boolean, sections: Array<{ heading: string, body: string }>, attachments: Array<{ fileId: string, name: string, size: number, downloadUrl: string }>, namedUnits: Array<{ acknowledged: boolean, acknowledgedAt: string | null, acknowledgedByName: string | null, note: string | null, unit: { code: string, name: string } }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string | null }> };

export type BriefingsQueryVariables = Exact<{
  kind?: BriefingKind | null | undefined;
  awaiting?: boolean | null | undefined;
}>;


export type BriefingsQuery = { briefings: Array<{ id: string, kind: BriefingKind, kindLabel: string, state: BriefingState, stateLabel: string, title: string, number: string | null, updatedAt: string, publishedAt: string | null, ackDueAt: string | null, escalationLevel: string | null, canAcknowledge: boolean, namedUnits: Array<{ acknowledged: boolean, unit: { code: string, name: string } }> }> };

export type BriefingQueryVariables = Exact<{
  id: string | number;
}>;


export type BriefingQuery = { briefing: { id: string, kind: BriefingKind, kindLabel: string, state: BriefingState, stateLabel: string, title: string, number: string | null, version: number, createdAt: string, updatedAt: string, publishedAt: string | null, approvalNote: string | null, returnReason: string | null, ackDays: number, ackDueAt: string | null, escalationLevel: string | null, docxUrl: string, pdfUrl: string, pdfFileId: string | null, canEdit: boolean, canSubmit: boolean, canApprove: boolean, canPublish: boolean, canAcknowledge: boolean, sections: Array<{ heading: string, body: string }>, attachments: Array<{ fileId: string, name: string, size: number, downloadUrl: string }>, namedUnits: Array<{ acknowledged: boolean, acknowledgedAt: string | null, acknowledgedByName: string | null, note: string | null, unit: { code: string, name: string } }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string | null }> } };

export type BriefingPrefillQueryVariables = Exact<{
  kind: BriefingKind;
  month?: string | null | undefined;
}>;


export type BriefingPrefillQuery = { briefingPrefill: { title: string, sources: Array<string>, sections: Array<{ heading: string, body: string }> } };

export type BriefingUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type BriefingUnitsQuery = { units: Array<{ code: string, name: string }> };

export type CreateBriefingMutationVariables = Exact<{
  input: CreateBriefingInput;
}>;


export type CreateBriefingMutation = { createBriefing: { id: string, kind: BriefingKind, kindLabel: string, state: BriefingState, stateLabel: string, title: string, number: string | null, version: number, createdAt: string, updatedAt: string, publishedAt: string | null, approvalNote: string | null, returnReason: string | null, ackDays: number, ackDueAt: string | null, escalationLevel: string | null, docxUrl: string, pdfUrl: string, pdfFileId: string | null, canEdit: boolean, canSubmit: boolean, canApprove: boolean, canPublish: boolean, canAcknowledge: boolean, sections: Array<{ heading: string, body: string }>, attachments: Array<{ fileId: string, name: string, size: number, downloadUrl: string }>, namedUnits: Array<{ acknowledged: boolean, acknowledgedAt: string | null, acknowledgedByName: string | null, note: string | null, unit: { code: string, name: string } }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string | null }> } };

export type UpdateBriefingDraftMutationVariables = Exact<{
  id: string | number;
  draft: BriefingDraftInput;
  expectedVersion?: number | null | undefined;
}>;


export type UpdateBriefingDraftMutation = { updateBriefingDraft: { id: string, kind: BriefingKind, kindLabel: string, state: BriefingState, stateLabel: string, title: string, number: string | null, version: number, createdAt: string, updatedAt: string, publishedAt: string | null, approvalNote: string | null, returnReason: string | null, ackDays: number, ackDueAt: string | null, escalationLevel: string | null, docxUrl: string, pdfUrl: string, pdfFileId: string | null, canEdit: boolean, canSubmit: boolean, canApprove: boolean, canPublish: boolean, canAcknowledge: boolean, sections: Array<{ heading: string, body: string }>, attachments: Array<{ fileId: string, name: string, size: number, downloadUrl: string }>, namedUnits: Array<{ acknowledged: boolean, acknowledgedAt: string | null, acknowledgedByName: string | null, note: string | null, unit: { code: string, name: string } }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string | null }> } };

export type SubmitBriefingMutationVariables = Exact<{
  id: string | number;
}>;


export type SubmitBriefingMutation = { submitBriefing: { id: string, kind: BriefingKind, kindLabel: string, state: BriefingState, stateLabel: string, title: string, number: string | null, version: number, createdAt: string, updatedAt: string, publishedAt: string | null, approvalNote: string | null, returnReason: string | null, ackDays: number, ackDueAt: string | null, escalationLevel: string | null, docxUrl: string, pdfUrl: string, pdfFileId: string | null, canEdit: boolean, canSubmit: boolean, canApprove: boolean, canPublish: boolean, canAcknowledge: boolean, sections: Array<{ heading: string, body: string }>, attachments: Array<{ fileId: string, name: string, size: number, downloadUrl: string }>, namedUnits: Array<{ acknowledged: boolean, acknowledgedAt: string | null, acknowledgedByName: string | null, note: string | null, unit: { code: string, name: string } }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string | null }> } };

export type ApproveBriefingMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type ApproveBriefingMutation = { approveBriefing: { id: string, kind: BriefingKind, kindLabel: string, state: BriefingState, stateLabel: string, title: string, number: string | null, version: number, createdAt: string, updatedAt: string, publishedAt: string | null, approvalNote: string | null, returnReason: string | null, ackDays: number, ackDueAt: string | null, escalationLevel: string | null, docxUrl: string, pdfUrl: string, pdfFileId: string | null, canEdit: boolean, canSubmit: boolean, canApprove: boolean, canPublish: boolean, canAcknowledge: boolean, sections: Array<{ heading: string, body: string }>, attachments: Array<{ fileId: string, name: string, size: number, downloadUrl: string }>, namedUnits: Array<{ acknowledged: boolean, acknowledgedAt: string | null, acknowledgedByName: string | null, note: string | null, unit: { code: string, name: string } }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string | null }> } };

export type ReturnBriefingMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ReturnBriefingMutation = { returnBriefing: { id: string, kind: BriefingKind, kindLabel: string, state: BriefingState, stateLabel: string, title: string, number: string | null, version: number, createdAt: string, updatedAt: string, publishedAt: string | null, approvalNote: string | null, returnReason: string | null, ackDays: number, ackDueAt: string | null, escalationLevel: string | null, docxUrl: string, pdfUrl: string, pdfFileId: string | null, canEdit: boolean, canSubmit: boolean, canApprove: boolean, canPublish: boolean, canAcknowledge: boolean, sections: Array<{ heading: string, body: string }>, attachments: Array<{ fileId: string, name: string, size: number, downloadUrl: string }>, namedUnits: Array<{ acknowledged: boolean, acknowledgedAt: string | null, acknowledgedByName: string | null, note: string | null, unit: { code: string, name: string } }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string | null }> } };

export type PublishBriefingMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishBriefingMutation = { publishBriefing: { id: string, kind: BriefingKind, kindLabel: string, state: BriefingState, stateLabel: string, title: string, number: string | null, version: number, createdAt: string, updatedAt: string, publishedAt: string | null, approvalNote: string | null, returnReason: string | null, ackDays: number, ackDueAt: string | null, escalationLevel: string | null, docxUrl: string, pdfUrl: string, pdfFileId: string | null, canEdit: boolean, canSubmit: boolean, canApprove: boolean, canPublish: boolean, canAcknowledge: boolean, sections: Array<{ heading: string, body: string }>, attachments: Array<{ fileId: string, name: string, size: number, downloadUrl: string }>, namedUnits: Array<{ acknowledged: boolean, acknowledgedAt: string | null, acknowledgedByName: string | null, note: string | null, unit: { code: string, name: string } }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string | null }> } };

export type AcknowledgeBriefingMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type AcknowledgeBriefingMutation = { acknowledgeBriefing: { id: string, kind: BriefingKind, kindLabel: string, state: BriefingState, stateLabel: string, title: string, number: string | null, version: number, createdAt: string, updatedAt: string, publishedAt: string | null, approvalNote: string | null, returnReason: string | null, ackDays: number, ackDueAt: string | null, escalationLevel: string | null, docxUrl: string, pdfUrl: string, pdfFileId: string | null, canEdit: boolean, canSubmit: boolean, canApprove: boolean, canPublish: boolean, canAcknowledge: boolean, sections: Array<{ heading: string, body: string }>, attachments: Array<{ fileId: string, name: string, size: number, downloadUrl: string }>, namedUnits: Array<{ acknowledged: boolean, acknowledgedAt: string | null, acknowledgedByName: string | null, note: string | null, unit: { code: string, name: string } }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string | null }> } };

export type DashboardCampaignQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardCampaignQuery = { campaign: { id: string, name: string, inspectionDate: string, daysToInspection: number, countdownLabel: string, timeZone: string, phase: Phase, phaseLabel: string, phaseStartedAt: string | null, nextPhase: Phase | null, phases: Array<{ phase: Phase, label: string, plannedStart: string | null, startedAt: string | null, current: boolean }>, archiveProgress: { tasks: number, archived: number, complete: boolean }, policy: { mockPassRate: number } } };

export type DashboardBoardQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardBoardQuery = { board: { columns: Array<{ stage: Stage, cards: Array<{ id: string, stage: Stage, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, escalationLevel: EscalationLevel | null, indicator: { code: string, itemName: string }, unit: { code: string, name: string } }> }> } };

export type DashboardItemsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardItemsQuery = { itemBoard: { columns: Array<{ state: ItemState, items: Array<{ id: string, state: ItemState, dueAt: string | null, escalationLevel: EscalationLevel | null, unit: { code: string, name: string } | null }> }> } };

export type CampaignPeriodQueryVariables = Exact<{ [key: string]: never; }>;


export type CampaignPeriodQuery = { performanceAssessment: { from: string, to: string, campaign: { id: string } } };

export type BoardAsOfQueryVariables = Exact<{
  asOf: string;
}>;


export type BoardAsOfQuery = { boardAsOf: { columns: Array<{ stage: Stage, cards: Array<{ id: string, stage: Stage, classification: Classification | null, awaitingReview: ReviewKind | null }> }> } };

export type UnitRankingQueryVariables = Exact<{
  weeks?: number | null | undefined;
}>;


export type UnitRankingQuery = { unitRanking: { asOf: string, top: number, flagAfterWeeks: number, weeks: Array<{ start: string, end: string, label: string, complete: boolean, best: Array<{ rank: number, score: number, handedInOnTime: number, unit: { code: string, name: string } }>, worst: Array<{ rank: number, score: number, handedInOnTime: number, unit: { code: string, name: string } }> }>, flagged: Array<{ weeksRunning: number, reason: string, unit: { code: string, name: string } }> } };

export type CivilityIndexQueryVariables = Exact<{ [key: string]: never; }>;


export type CivilityIndexQuery = { publicCivilityIndex: Array<{ roundId: string, title: string, plannedOn: string, score: number, maxScore: number, scoreRate: number | null, change: number | null }> };

export type ExportPerformanceQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportPerformanceQuery = { exportPerformanceAssessment: { fileName: string, mimeType: string, contentBase64: string } };

export type DashboardKeyWorkQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardKeyWorkQuery = { tasks: { totalCount: number, edges: Array<{ node: { id: string, stage: Stage, stageLabel: string, dueAt: string, stageDueAt: string | null, escalationLevel: EscalationLevel | null, indicator: { code: string, name: string }, unit: { code: string, name: string }, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } }> }, items: { totalCount: number, edges: Array<{ node: { id: string, state: ItemState, stateLabel: string, dueAt: string | null, escalationLevel: EscalationLevel | null, description: string, unit: { code: string, name: string } | null, keyFlag: { kind: KeyFlagKind, kindLabel: string, reason: string } | null } }> } };

export type DetailAddCommentMutationVariables = Exact<{
  input: AddCommentInput;
}>;


export type DetailAddCommentMutation = { addComment: { temporalUiUrl: string | null, failedCriteria: Array<string>, sideActions: Array<IndicatorTaskAction>, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, rectificationPlan: { plan: string, deadline: string } | null, indicator: { method: AssessmentMethod, points: number, standard: string, code: string, name: string, itemName: string, area: RectificationArea | null, criteria: Array<{ code: string, content: string, points: number, deductionRule: string | null }> }, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, comments: Array<{ text: string, at: string, author: { displayName: string } }>, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, evidence: Array<{ sha256: string, name: string, size: number, mimeType: string, note: string, url: string, at: string, uploadedBy: { displayName: string } }>, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, statusLabel: string, note: string, returnReason: string | null, submittedAt: string | null, reviewedAt: string | null, file: { name: string, size: number, url: string } | null, submittedBy: { displayName: string } | null, reviewedBy: { displayName: string } | null }>, linkedItems: Array<{ id: string, state: ItemState, stateLabel: string, description: string, unit: { name: string } | null }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, pendingExtension: { requestedDueAt: string, reason: string } | null, unit: { code: string, name: string }, leadUnit: { code: string, name: string } } };

export type DetailUploadEvidenceMutationVariables = Exact<{
  input: UploadEvidenceInput;
}>;


export type DetailUploadEvidenceMutation = { uploadEvidence: { temporalUiUrl: string | null, failedCriteria: Array<string>, sideActions: Array<IndicatorTaskAction>, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, rectificationPlan: { plan: string, deadline: string } | null, indicator: { method: AssessmentMethod, points: number, standard: string, code: string, name: string, itemName: string, area: RectificationArea | null, criteria: Array<{ code: string, content: string, points: number, deductionRule: string | null }> }, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, comments: Array<{ text: string, at: string, author: { displayName: string } }>, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, evidence: Array<{ sha256: string, name: string, size: number, mimeType: string, note: string, url: string, at: string, uploadedBy: { displayName: string } }>, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, statusLabel: string, note: string, returnReason: string | null, submittedAt: string | null, reviewedAt: string | null, file: { name: string, size: number, url: string } | null, submittedBy: { displayName: string } | null, reviewedBy: { displayName: string } | null }>, linkedItems: Array<{ id: string, state: ItemState, stateLabel: string, description: string, unit: { name: string } | null }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, pendingExtension: { requestedDueAt: string, reason: string } | null, unit: { code: string, name: string }, leadUnit: { code: string, name: string } } };

export type DetailAssignTaskPersonMutationVariables = Exact<{
  input: AssignTaskResponsiblePersonInput;
}>;


export type DetailAssignTaskPersonMutation = { assignTaskResponsiblePerson: { temporalUiUrl: string | null, failedCriteria: Array<string>, sideActions: Array<IndicatorTaskAction>, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, rectificationPlan: { plan: string, deadline: string } | null, indicator: { method: AssessmentMethod, points: number, standard: string, code: string, name: string, itemName: string, area: RectificationArea | null, criteria: Array<{ code: string, content: string, points: number, deductionRule: string | null }> }, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, comments: Array<{ text: string, at: string, author: { displayName: string } }>, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, evidence: Array<{ sha256: string, name: string, size: number, mimeType: string, note: string, url: string, at: string, uploadedBy: { displayName: string } }>, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, statusLabel: string, note: string, returnReason: string | null, submittedAt: string | null, reviewedAt: string | null, file: { name: string, size: number, url: string } | null, submittedBy: { displayName: string } | null, reviewedBy: { displayName: string } | null }>, linkedItems: Array<{ id: string, state: ItemState, stateLabel: string, description: string, unit: { name: string } | null }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, pendingExtension: { requestedDueAt: string, reason: string } | null, unit: { code: string, name: string }, leadUnit: { code: string, name: string } } };

export type DetailAssignItemPersonMutationVariables = Exact<{
  input: AssignItemResponsiblePersonInput;
}>;


export type DetailAssignItemPersonMutation = { assignItemResponsiblePerson: { criterionCode: string | null, returnReason: string | null, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, reportedBy: { displayName: string } | null, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submission: { note: string, submittedAt: string, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submittedBy: { displayName: string } } | null, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null } };

export type NoticeFragment = { id: string, number: string, kind: OfficialNoticeKind, kindLabel: string, state: OfficialNoticeState, stateLabel: string, title: string, note: string, level: string | null, issuedAt: string, ackDueAt: string, acknowledgedAt: string | null, acknowledgedByName: string | null, escalationLevel: string | null, downloadUrl: string, canAcknowledge: boolean, unit: { code: string, name: string } };

export type TaskNoticesQueryVariables = Exact<{
  id: string;
}>;


export type TaskNoticesQuery = { indicatorTask: { id: string, officialNotices: Array<{ id: string, number: string, kind: OfficialNoticeKind, kindLabel: string, state: OfficialNoticeState, stateLabel: string, title: string, note: string, level: string | null, issuedAt: string, ackDueAt: string, acknowledgedAt: string | null, acknowledgedByName: string | null, escalationLevel: string | null, downloadUrl: string, canAcknowledge: boolean, unit: { code: string, name: string } }> } };

export type ItemNoticesQueryVariables = Exact<{
  id: string;
}>;


export type ItemNoticesQuery = { rectificationItem: { id: string, officialNotices: Array<{ id: string, number: string, kind: OfficialNoticeKind, kindLabel: string, state: OfficialNoticeState, stateLabel: string, title: string, note: string, level: string | null, issuedAt: string, ackDueAt: string, acknowledgedAt: string | null, acknowledgedByName: string | null, escalationLevel: string | null, downloadUrl: string, canAcknowledge: boolean, unit: { code: string, name: string } }> } };

export type AcknowledgeNoticeMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type AcknowledgeNoticeMutation = { acknowledgeOfficialNotice: { id: string, number: string, kind: OfficialNoticeKind, kindLabel: string, state: OfficialNoticeState, stateLabel: string, title: string, note: string, level: string | null, issuedAt: string, ackDueAt: string, acknowledgedAt: string | null, acknowledgedByName: string | null, escalationLevel: string | null, downloadUrl: string, canAcknowledge: boolean, unit: { code: string, name: string } } };

export type NotificationLogQueryVariables = Exact<{
  taskId?: string | number | null | undefined;
  itemId?: string | number | null | undefined;
}>;


export type NotificationLogQuery = { notificationLog: Array<{ notificationId: string, title: string, urgent: boolean, createdAt: string, recipientName: string, readAt: string | null, deliveries: Array<{ channel: DeliveryChannel, status: DeliveryStatus, attempts: number, sentAt: string | null, updatedAt: string, reason: string | null, lastError: string | null }> }> };

export type AccountabilityPeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountabilityPeopleQuery = { organisation: { people: Array<{ login: string, displayName: string, role: Role, unit: { code: string } | null }> } };

export type ProposeTaskAccountabilityMutationVariables = Exact<{
  input: ProposeAccountabilityDecisionInput;
}>;


export type ProposeTaskAccountabilityMutation = { proposeAccountabilityDecision: { temporalUiUrl: string | null, failedCriteria: Array<string>, sideActions: Array<IndicatorTaskAction>, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, rectificationPlan: { plan: string, deadline: string } | null, indicator: { method: AssessmentMethod, points: number, standard: string, code: string, name: string, itemName: string, area: RectificationArea | null, criteria: Array<{ code: string, content: string, points: number, deductionRule: string | null }> }, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, comments: Array<{ text: string, at: string, author: { displayName: string } }>, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, evidence: Array<{ sha256: string, name: string, size: number, mimeType: string, note: string, url: string, at: string, uploadedBy: { displayName: string } }>, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, statusLabel: string, note: string, returnReason: string | null, submittedAt: string | null, reviewedAt: string | null, file: { name: string, size: number, url: string } | null, submittedBy: { displayName: string } | null, reviewedBy: { displayName: string } | null }>, linkedItems: Array<{ id: string, state: ItemState, stateLabel: string, description: string, unit: { name: string } | null }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, pendingExtension: { requestedDueAt: string, reason: string } | null, unit: { code: string, name: string }, leadUnit: { code: string, name: string } } };

export type ApproveTaskAccountabilityMutationVariables = Exact<{
  input: ApproveInput;
}>;


export type ApproveTaskAccountabilityMutation = { approveAccountabilityDecision: { temporalUiUrl: string | null, failedCriteria: Array<string>, sideActions: Array<IndicatorTaskAction>, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, rectificationPlan: { plan: string, deadline: string } | null, indicator: { method: AssessmentMethod, points: number, standard: string, code: string, name: string, itemName: string, area: RectificationArea | null, criteria: Array<{ code: string, content: string, points: number, deductionRule: string | null }> }, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, comments: Array<{ text: string, at: string, author: { displayName: string } }>, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, evidence: Array<{ sha256: string, name: string, size: number, mimeType: string, note: string, url: string, at: string, uploadedBy: { displayName: string } }>, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, statusLabel: string, note: string, returnReason: string | null, submittedAt: string | null, reviewedAt: string | null, file: { name: string, size: number, url: string } | null, submittedBy: { displayName: string } | null, reviewedBy: { displayName: string } | null }>, linkedItems: Array<{ id: string, state: ItemState, stateLabel: string, description: string, unit: { name: string } | null }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, pendingExtension: { requestedDueAt: string, reason: string } | null, unit: { code: string, name: string }, leadUnit: { code: string, name: string } } };

export type ReturnTaskAccountabilityMutationVariables = Exact<{
  input: ReturnInput;
}>;


export type ReturnTaskAccountabilityMutation = { returnAccountabilityDecision: { temporalUiUrl: string | null, failedCriteria: Array<string>, sideActions: Array<IndicatorTaskAction>, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, rectificationPlan: { plan: string, deadline: string } | null, indicator: { method: AssessmentMethod, points: number, standard: string, code: string, name: string, itemName: string, area: RectificationArea | null, criteria: Array<{ code: string, content: string, points: number, deductionRule: string | null }> }, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, comments: Array<{ text: string, at: string, author: { displayName: string } }>, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, evidence: Array<{ sha256: string, name: string, size: number, mimeType: string, note: string, url: string, at: string, uploadedBy: { displayName: string } }>, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, statusLabel: string, note: string, returnReason: string | null, submittedAt: string | null, reviewedAt: string | null, file: { name: string, size: number, url: string } | null, submittedBy: { displayName: string } | null, reviewedBy: { displayName: string } | null }>, linkedItems: Array<{ id: string, state: ItemState, stateLabel: string, description: string, unit: { name: string } | null }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, pendingExtension: { requestedDueAt: string, reason: string } | null, unit: { code: string, name: string }, leadUnit: { code: string, name: string } } };

export type ProposeItemAccountabilityMutationVariables = Exact<{
  input: ProposeItemAccountabilityDecisionInput;
}>;


export type ProposeItemAccountabilityMutation = { proposeItemAccountabilityDecision: { criterionCode: string | null, returnReason: string | null, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, reportedBy: { displayName: string } | null, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submission: { note: string, submittedAt: string, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submittedBy: { displayName: string } } | null, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null } };

export type ApproveItemAccountabilityMutationVariables = Exact<{
  input: ItemAccountabilityReviewInput;
}>;


export type ApproveItemAccountabilityMutation = { approveItemAccountabilityDecision: { criterionCode: string | null, returnReason: string | null, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, reportedBy: { displayName: string } | null, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submission: { note: string, submittedAt: string, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submittedBy: { displayName: string } } | null, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null } };

export type ReturnItemAccountabilityMutationVariables = Exact<{
  input: ItemAccountabilityReviewInput;
}>;


export type ReturnItemAccountabilityMutation = { returnItemAccountabilityDecision: { criterionCode: string | null, returnReason: string | null, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, reportedBy: { displayName: string } | null, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submission: { note: string, submittedAt: string, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submittedBy: { displayName: string } } | null, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null } };

export type SetTaskKeyFlagMutationVariables = Exact<{
  input: SetTaskKeyFlagInput;
}>;


export type SetTaskKeyFlagMutation = { setTaskKeyFlag: { temporalUiUrl: string | null, failedCriteria: Array<string>, sideActions: Array<IndicatorTaskAction>, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, rectificationPlan: { plan: string, deadline: string } | null, indicator: { method: AssessmentMethod, points: number, standard: string, code: string, name: string, itemName: string, area: RectificationArea | null, criteria: Array<{ code: string, content: string, points: number, deductionRule: string | null }> }, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, comments: Array<{ text: string, at: string, author: { displayName: string } }>, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, evidence: Array<{ sha256: string, name: string, size: number, mimeType: string, note: string, url: string, at: string, uploadedBy: { displayName: string } }>, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, statusLabel: string, note: string, returnReason: string | null, submittedAt: string | null, reviewedAt: string | null, file: { name: string, size: number, url: string } | null, submittedBy: { displayName: string } | null, reviewedBy: { displayName: string } | null }>, linkedItems: Array<{ id: string, state: ItemState, stateLabel: string, description: string, unit: { name: string } | null }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, pendingExtension: { requestedDueAt: string, reason: string } | null, unit: { code: string, name: string }, leadUnit: { code: string, name: string } } };

export type ClearTaskKeyFlagMutationVariables = Exact<{
  input: ClearTaskKeyFlagInput;
}>;


export type ClearTaskKeyFlagMutation = { clearTaskKeyFlag: { temporalUiUrl: string | null, failedCriteria: Array<string>, sideActions: Array<IndicatorTaskAction>, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, stage: Stage, stageLabel: string, classification: Classification | null, awaitingReview: ReviewKind | null, dueAt: string, stageDueAt: string | null, relapseCount: number, version: number, allowedActions: Array<IndicatorTaskAction>, updatedAt: string, escalationLevel: EscalationLevel | null, recheckDue: boolean, nextRecheckAt: string | null, rectificationPlan: { plan: string, deadline: string } | null, indicator: { method: AssessmentMethod, points: number, standard: string, code: string, name: string, itemName: string, area: RectificationArea | null, criteria: Array<{ code: string, content: string, points: number, deductionRule: string | null }> }, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, comments: Array<{ text: string, at: string, author: { displayName: string } }>, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, evidence: Array<{ sha256: string, name: string, size: number, mimeType: string, note: string, url: string, at: string, uploadedBy: { displayName: string } }>, archiveMaterials: Array<{ code: string, name: string, status: ArchiveMaterialStatus, statusLabel: string, note: string, returnReason: string | null, submittedAt: string | null, reviewedAt: string | null, file: { name: string, size: number, url: string } | null, submittedBy: { displayName: string } | null, reviewedBy: { displayName: string } | null }>, linkedItems: Array<{ id: string, state: ItemState, stateLabel: string, description: string, unit: { name: string } | null }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, pendingExtension: { requestedDueAt: string, reason: string } | null, unit: { code: string, name: string }, leadUnit: { code: string, name: string } } };

export type SetItemKeyFlagMutationVariables = Exact<{
  input: SetItemKeyFlagInput;
}>;


export type SetItemKeyFlagMutation = { setItemKeyFlag: { criterionCode: string | null, returnReason: string | null, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, reportedBy: { displayName: string } | null, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submission: { note: string, submittedAt: string, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submittedBy: { displayName: string } } | null, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null } };

export type ClearItemKeyFlagMutationVariables = Exact<{
  input: ClearItemKeyFlagInput;
}>;


export type ClearItemKeyFlagMutation = { clearItemKeyFlag: { criterionCode: string | null, returnReason: string | null, accountabilityActions: Array<AccountabilityAction>, keyFlagActions: Array<KeyFlagAction>, id: string, campaignId: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, dueAt: string | null, recheckAt: string | null, escalationLevel: EscalationLevel | null, relapseCount: number, duplicateReports: number, version: number, allowedActions: Array<ItemAction>, createdAt: string, updatedAt: string, indicatorTaskId: string | null, reportedBy: { displayName: string } | null, responsiblePerson: { login: string, name: string } | null, responsiblePersonCandidates: Array<{ login: string, name: string }>, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submission: { note: string, submittedAt: string, photos: Array<{ sha256: string, name: string, size: number, url: string }>, submittedBy: { displayName: string } } | null, history: Array<{ streamVersion: number, label: string, occurredAt: string, data: Record<string, unknown>, actor: { displayName: string } }>, accountabilityDecisions: Array<{ status: AccountabilityStatus, statusLabel: string, holdsUnit: boolean, form: AccountabilityForm, formLabel: string, reason: string, deadline: string, proposedAt: string, decidedAt: string | null, decisionNote: string, unit: { code: string, name: string }, persons: Array<{ login: string, displayName: string }>, proposedBy: { displayName: string }, decidedBy: { displayName: string } | null }>, keyFlag: { flaggedAt: string, kind: KeyFlagKind, kindLabel: string, reason: string, flaggedBy: { displayName: string } } | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, pendingExtension: { requestedDueAt: string | null, reason: string } | null, pendingDispatchReturn: { reason: string } | null } };

export type FundingLedgerQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type FundingLedgerQuery = { fundingLedger: { campaignId: string, year: number, thresholdFen: number, canManage: boolean, totals: { budgetFen: number, allocatedFen: number, spentFen: number, pendingFen: number }, lines: Array<{ id: string, year: number, name: string, purpose: string, budgetFen: number, allocatedFen: number, spentFen: number, pendingFen: number, availableFen: number, unallocatedFen: number, canRecordSpending: boolean, unit: { code: string, name: string } | null, allocations: Array<{ id: string, targetKind: FundingTargetKind, area: RectificationArea | null, taskId: string | null, targetLabel: string, amountFen: number, spentFen: number, note: string, allocatedAt: string }> }>, spendings: Array<{ id: string, lineId: string, lineName: string, allocationId: string | null, amountFen: number, payee: string, spentOn: string, purpose: string, state: SpendingState, stateLabel: string, recordedAt: string, recordedByName: string, decidedAt: string | null, decidedByName: string | null, decisionNote: string | null, escalationLabel: string | null, canDecide: boolean, unit: { code: string, name: string } | null, receipts: Array<{ sha256: string, name: string, size: number, url: string }> }>, units: Array<{ unitName: string, unit: { code: string } | null, totals: { budgetFen: number, allocatedFen: number, spentFen: number, pendingFen: number } }> } };

export type FundingUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type FundingUnitsQuery = { units: Array<{ code: string, name: string }> };

export type SetFundingApprovalThresholdMutationVariables = Exact<{
  thresholdFen: number;
}>;


export type SetFundingApprovalThresholdMutation = { setFundingApprovalThreshold: number };

export type AddBudgetLineMutationVariables = Exact<{
  input: AddBudgetLineInput;
}>;


export type AddBudgetLineMutation = { addBudgetLine: { id: string } };

export type AllocateFundsMutationVariables = Exact<{
  input: AllocateFundsInput;
}>;


export type AllocateFundsMutation = { allocateFunds: { id: string } };

export type RecordSpendingMutationVariables = Exact<{
  input: RecordSpendingInput;
}>;


export type RecordSpendingMutation = { recordSpending: { id: string, state: SpendingState } };

export type ApproveSpendingMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type ApproveSpendingMutation = { approveSpending: { id: string, state: SpendingState } };

export type RejectSpendingMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectSpendingMutation = { rejectSpending: { id: string, state: SpendingState } };

export type ExportFundingLedgerQueryVariables = Exact<{
  year?: number | null | undefined;
}>;


export type ExportFundingLedgerQuery = { exportFundingLedger: { fileName: string, mimeType: string, contentBase64: string } };

export type LeadMeetingsQueryVariables = Exact<{ [key: string]: never; }>;


export type LeadMeetingsQuery = { campaign: { id: string, leadScope: { unit: { code: string, name: string }, units: Array<{ code: string, name: string }>, tasks: Array<{ id: string, indicatorCode: string, indicatorName: string, stage: Stage, unit: { code: string, name: string } }> } | null, meetings: Array<{ id: string, kind: MeetingKind, date: string, title: string, attendees: Array<string>, minutes: string, recordedAt: string, convener: { code: string, name: string } | null, units: Array<{ code: string, name: string }>, recordedBy: { displayName: string }, decisions: Array<{ text: string, dueDate: string | null, unit: { code: string, name: string } | null, item: { id: string, stateLabel: string, unit: { name: string } | null } | null, task: { id: string, indicator: { code: string, name: string }, unit: { name: string } } | null }> }> } };

export type RecordLeadUnitMeetingMutationVariables = Exact<{
  input: RecordLeadUnitMeetingInput;
}>;


export type RecordLeadUnitMeetingMutation = { recordLeadUnitMeeting: { id: string, kind: MeetingKind, date: string, title: string, attendees: Array<string>, minutes: string, recordedAt: string, convener: { code: string, name: string } | null, units: Array<{ code: string, name: string }>, recordedBy: { displayName: string }, decisions: Array<{ text: string, dueDate: string | null, unit: { code: string, name: string } | null, item: { id: string, stateLabel: string, unit: { name: string } | null } | null, task: { id: string, indicator: { code: string, name: string }, unit: { name: string } } | null }> } };

export type MobilizationDocumentsQueryVariables = Exact<{ [key: string]: never; }>;


export type MobilizationDocumentsQuery = { mobilizationDocuments: Array<{ id: string, kind: MobilizationDocumentKind, kindLabel: string, title: string, summary: string, requiresPlan: boolean, requiresGroup: boolean, dueAt: string, issuedAt: string, due: boolean, file: { name: string, size: number, downloadUrl: string }, responses: Array<{ id: string, documentId: string, acknowledged: boolean, acknowledgedAt: string | null, review: MobilizationReview, reviewLabel: string, returnReason: string | null, returns: number, overdueLevel: string | null, overdueLabel: string | null, missing: Array<string>, allowedActions: Array<string>, version: number, unit: { code: string, name: string }, plan: { summary: string, submittedAt: string, file: { name: string, size: number, downloadUrl: string } } | null, group: { leader: string, members: Array<string>, phone: string, registeredAt: string } | null }> }> };

export type MobilizationDocFragment = { id: string, kind: MobilizationDocumentKind, kindLabel: string, title: string, summary: string, requiresPlan: boolean, requiresGroup: boolean, dueAt: string, issuedAt: string, due: boolean, file: { name: string, size: number, downloadUrl: string }, responses: Array<{ id: string, documentId: string, acknowledged: boolean, acknowledgedAt: string | null, review: MobilizationReview, reviewLabel: string, returnReason: string | null, returns: number, overdueLevel: string | null, overdueLabel: string | null, missing: Array<string>, allowedActions: Array<string>, version: number, unit: { code: string, name: string }, plan: { summary: string, submittedAt: string, file: { name: string, size: number, downloadUrl: string } } | null, group: { leader: string, members: Array<string>, phone: string, registeredAt: string } | null }> };

export type MobilizationRowFragment = { id: string, documentId: string, acknowledged: boolean, acknowledgedAt: string | null, review: MobilizationReview, reviewLabel: string, returnReason: string | null, returns: number, overdueLevel: string | null, overdueLabel: string | null, missing: Array<string>, allowedActions: Array<string>, version: number, unit: { code: string, name: string }, plan: { summary: string, submittedAt: string, file: { name: string, size: number, downloadUrl: string } } | null, group: { leader: string, members: Array<string>, phone: string, registeredAt: string } | null };

export type MobilizationUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type MobilizationUnitsQuery = { units: Array<{ code: string, name: string }> };

export type IssueMobilizationMutationVariables = Exact<{
  input: IssueMobilizationDocumentInput;
}>;


export type IssueMobilizationMutation = { issueMobilizationDocument: { id: string, kind: MobilizationDocumentKind, kindLabel: string, title: string, summary: string, requiresPlan: boolean, requiresGroup: boolean, dueAt: string, issuedAt: string, due: boolean, file: { name: string, size: number, downloadUrl: string }, responses: Array<{ id: string, documentId: string, acknowledged: boolean, acknowledgedAt: string | null, review: MobilizationReview, reviewLabel: string, returnReason: string | null, returns: number, overdueLevel: string | null, overdueLabel: string | null, missing: Array<string>, allowedActions: Array<string>, version: number, unit: { code: string, name: string }, plan: { summary: string, submittedAt: string, file: { name: string, size: number, downloadUrl: string } } | null, group: { leader: string, members: Array<string>, phone: string, registeredAt: string } | null }> } };

export type AcknowledgeMobilizationMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type AcknowledgeMobilizationMutation = { acknowledgeMobilization: { id: string, documentId: string, acknowledged: boolean, acknowledgedAt: string | null, review: MobilizationReview, reviewLabel: string, returnReason: string | null, returns: number, overdueLevel: string | null, overdueLabel: string | null, missing: Array<string>, allowedActions: Array<string>, version: number, unit: { code: string, name: string }, plan: { summary: string, submittedAt: string, file: { name: string, size: number, downloadUrl: string } } | null, group: { leader: string, members: Array<string>, phone: string, registeredAt: string } | null } };

export type SubmitMobilizationPlanMutationVariables = Exact<{
  id: string | number;
  fileId: string | number;
  summary: string;
}>;


export type SubmitMobilizationPlanMutation = { submitMobilizationPlan: { id: string, documentId: string, acknowledged: boolean, acknowledgedAt: string | null, review: MobilizationReview, reviewLabel: string, returnReason: string | null, returns: number, overdueLevel: string | null, overdueLabel: string | null, missing: Array<string>, allowedActions: Array<string>, version: number, unit: { code: string, name: string }, plan: { summary: string, submittedAt: string, file: { name: string, size: number, downloadUrl: string } } | null, group: { leader: string, members: Array<string>, phone: string, registeredAt: string } | null } };

export type RegisterMobilizationGroupMutationVariables = Exact<{
  id: string | number;
  group: MobilizationGroupInput;
}>;


export type RegisterMobilizationGroupMutation = { registerMobilizationGroup: { id: string, documentId: string, acknowledged: boolean, acknowledgedAt: string | null, review: MobilizationReview, reviewLabel: string, returnReason: string | null, returns: number, overdueLevel: string | null, overdueLabel: string | null, missing: Array<string>, allowedActions: Array<string>, version: number, unit: { code: string, name: string }, plan: { summary: string, submittedAt: string, file: { name: string, size: number, downloadUrl: string } } | null, group: { leader: string, members: Array<string>, phone: string, registeredAt: string } | null } };

export type ApproveMobilizationMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type ApproveMobilizationMutation = { approveMobilization: { id: string, documentId: string, acknowledged: boolean, acknowledgedAt: string | null, review: MobilizationReview, reviewLabel: string, returnReason: string | null, returns: number, overdueLevel: string | null, overdueLabel: string | null, missing: Array<string>, allowedActions: Array<string>, version: number, unit: { code: string, name: string }, plan: { summary: string, submittedAt: string, file: { name: string, size: number, downloadUrl: string } } | null, group: { leader: string, members: Array<string>, phone: string, registeredAt: string } | null } };

export type ReturnMobilizationMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ReturnMobilizationMutation = { returnMobilization: { id: string, documentId: string, acknowledged: boolean, acknowledgedAt: string | null, review: MobilizationReview, reviewLabel: string, returnReason: string | null, returns: number, overdueLevel: string | null, overdueLabel: string | null, missing: Array<string>, allowedActions: Array<string>, version: number, unit: { code: string, name: string }, plan: { summary: string, submittedAt: string, file: { name: string, size: number, downloadUrl: string } } | null, group: { leader: string, members: Array<string>, phone: string, registeredAt: string } | null } };

export type ImportCatalogMutationVariables = Exact<{
  input: ImportCatalogInput;
}>;


export type ImportCatalogMutation = { importCatalog: { status: ReferenceImportStatus, fileName: string, report: string, version: number | null, problems: Array<{ sheet: string, row: number, column: string, columnLetter: string | null, code: ImportProblemCode, message: string }>, counts: { criteria: number, materials: number, items: { created: number, changed: number, unchanged: number, removed: number }, indicators: { created: number, changed: number, unchanged: number, removed: number } }, changes: Array<{ kind: ReferenceChangeKind, entity: ReferenceEntity, code: string, name: string }> } };

export type ImportOrganisationMutationVariables = Exact<{
  input: ImportOrganisationInput;
}>;


export type ImportOrganisationMutation = { importOrganisation: { status: ReferenceImportStatus, fileNames: Array<string>, report: string, problems: Array<{ sheet: string, row: number, column: string, columnLetter: string | null, code: ImportProblemCode, message: string }>, counts: { groupMembers: number, units: { created: number, changed: number, unchanged: number, removed: number }, people: { created: number, changed: number, unchanged: number, removed: number } }, changes: Array<{ kind: ReferenceChangeKind, entity: ReferenceEntity, code: string, name: string }> } };

export type ImportTaskBreakdownMutationVariables = Exact<{
  input: ImportTaskBreakdownInput;
}>;


export type ImportTaskBreakdownMutation = { importTaskBreakdown: { id: string | null, status: ImportStatus, fileName: string, report: string, problems: Array<{ sheet: string, row: number, column: string, columnLetter: string | null, code: ImportProblemCode, message: string }>, counts: { tasks: number, created: number, changed: number, unchanged: number, removed: number, applied: number }, progress: { total: number, applied: number, percent: number, secondsLeft: number | null, timeLeft: string | null } | null, changes: Array<{ kind: TaskChangeKind, taskId: string, indicatorCode: string, unitCode: string, leadUnitCode: string, dueAt: string }> } };

export type TaskBreakdownImportProgressQueryVariables = Exact<{
  id: string;
}>;


export type TaskBreakdownImportProgressQuery = { taskBreakdownImport: { id: string | null, status: ImportStatus, progress: { total: number, applied: number, percent: number, secondsLeft: number | null, timeLeft: string | null } | null } };

export type LatestTaskBreakdownImportQueryVariables = Exact<{ [key: string]: never; }>;


export type LatestTaskBreakdownImportQuery = { taskBreakdownImports: Array<{ id: string | null, status: ImportStatus, progress: { total: number, applied: number, percent: number, secondsLeft: number | null, timeLeft: string | null } | null }> };

export type ExportCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportCatalogQuery = { exportCatalog: { fileName: string, mimeType: string, contentBase64: string } };

export type CampaignClockQueryVariables = Exact<{
  month: string;
}>;


export type CampaignClockQuery = { campaign: { id: string, name: string, version: number, phase: Phase, phaseLabel: string, nextPhase: Phase | null, countdownLabel: string, daysToInspection: number, inspectionDate: string, allowedActions: Array<CampaignAction>, phases: Array<{ phase: Phase, label: string, plannedStart: string | null, startedAt: string | null, current: boolean, due: boolean }>, archiveProgress: { tasks: number, archived: number, complete: boolean }, cadence: { month: string, visits: number, jointMeetings: number, coordinationMeetings: number, hearings: number, met: boolean, ended: boolean, flagged: boolean, shortfalls: Array<{ label: string, required: number, recorded: number }> }, visits: Array<{ id: string, date: string, places: Array<string>, visitors: Array<string>, notes: string, units: Array<{ name: string }>, recordedBy: { displayName: string } }>, meetings: Array<{ id: string, kind: MeetingKind, kindLabel: string, date: string, title: string, attendees: Array<string>, minutes: string, units: Array<{ name: string }>, absentUnits: Array<{ name: string }>, decisions: Array<{ text: string, dueDate: string | null, unit: { name: string } | null }>, recordedBy: { displayName: string }, unitReports: Array<{ id: string, stateLabel: string, unit: { name: string } }> }>, monthlyReports: Array<{ month: string, generatedAt: string }> } };

export type AdvancePhaseMutationVariables = Exact<{
  input: AdvanceCampaignPhaseInput;
}>;


export type AdvancePhaseMutation = { advanceCampaignPhase: { id: string, phase: Phase, phaseLabel: string, version: number } };

export type RecordVisitMutationVariables = Exact<{
  input: RecordSupervisionVisitInput;
}>;


export type RecordVisitMutation = { recordSupervisionVisit: { id: string } };

export type RecordMeetingMutationVariables = Exact<{
  input: RecordCampaignMeetingInput;
}>;


export type RecordMeetingMutation = { recordCampaignMeeting: { id: string } };

export type MonthlyReportsQueryVariables = Exact<{ [key: string]: never; }>;


export type MonthlyReportsQuery = { campaign: { id: string, monthlyReports: Array<{ month: string, generatedAt: string }> } };

export type GenerateMonthlyReportMutationVariables = Exact<{
  input: GenerateMonthlyReportInput;
}>;


export type GenerateMonthlyReportMutation = { generateMonthlyReport: { month: string, generatedAt: string } };

export type ExportMonthlyReportQueryVariables = Exact<{
  campaignId: string;
  month: string;
}>;


export type ExportMonthlyReportQuery = { exportMonthlyReport: { fileName: string, mimeType: string, contentBase64: string } };

export type PerformanceQueryVariables = Exact<{ [key: string]: never; }>;


export type PerformanceQuery = { performanceAssessment: { from: string, to: string, summary: string, units: Array<{ rank: number, score: number, tasks: number, items: number, dueWork: number, handedInOnTime: number, handedInLate: number, overdue: number, onTimeRate: number | null, relapses: number, returns: number, highestEscalationLabel: string | null, unit: { code: string, name: string } }> } };

export type ServiceAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type ServiceAccountsQuery = { serviceAccounts: Array<{ id: string, name: string, description: string | null, scopes: Array<ServiceScope>, keyPrefix: string, createdAt: string, lastUsedAt: string | null, expiresAt: string | null, revokedAt: string | null, active: boolean }> };

export type CreateServiceAccountMutationVariables = Exact<{
  input: CreateServiceAccountInput;
}>;


export type CreateServiceAccountMutation = { createServiceAccount: { apiKey: string, account: { id: string, name: string } } };

export type RotateServiceAccountMutationVariables = Exact<{
  id: string | number;
}>;


export type RotateServiceAccountMutation = { rotateServiceAccountKey: { apiKey: string, account: { id: string, name: string } } };

export type RevokeServiceAccountMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeServiceAccountMutation = { revokeServiceAccount: { id: string, active: boolean } };

export type AccessDenialsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type AccessDenialsQuery = { accessDenials: { endCursor: string | null, hasNextPage: boolean, nodes: Array<{ id: string, at: string, login: string | null, role: Role | null, serviceAccount: string | null, unitCode: string | null, operationType: string | null, operationName: string | null, path: string | null, code: ErrorCode, message: string, ip: string | null }> } };

export type SetPhasePlanMutationVariables = Exact<{
  input: SetCampaignPhasePlanInput;
}>;


export type SetPhasePlanMutation = { setCampaignPhasePlan: { id: string, version: number } };

export type DecisionToItemMutationVariables = Exact<{
  input: MeetingDecisionToItemInput;
}>;


export type DecisionToItemMutation = { meetingDecisionToItem: { duplicate: boolean, item: { id: string } } };

export type DecisionToTaskMutationVariables = Exact<{
  input: MeetingDecisionToTaskInput;
}>;


export type DecisionToTaskMutation = { meetingDecisionToTask: { id: string } };

export type PolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyQuery = { campaign: { id: string, policy: { selfCheckDays: number, rectificationDays: number, mockAssessmentDays: number, mockPassRate: number, reminderBeforeHours: number, archiveDueAt: string | null, dayCounting: DayCounting, escalationAfterHours: { URGE: number, SUPERVISE: number, INTERVIEW: number, ACCOUNTABILITY: number }, recheckDays: { relapseProne: number, other: number } } } };

export type WorkingDayCalendarQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkingDayCalendarQuery = { workingDayCalendar: { officialYears: Array<number>, importedAt: string | null, importedBy: string | null, overrides: Array<{ date: string, kind: WorkingDayKind, kindLabel: string, note: string }> } };

export type ImportWorkingDayOverridesMutationVariables = Exact<{
  input: ImportWorkingDayOverridesInput;
}>;


export type ImportWorkingDayOverridesMutation = { importWorkingDayOverrides: { status: ReferenceImportStatus, fileName: string, count: number, report: string, problems: Array<{ sheet: string, row: number, column: string, columnLetter: string | null, code: ImportProblemCode, message: string }> } };

export type UpdatePolicyMutationVariables = Exact<{
  input: UpdateCampaignPolicyInput;
}>;


export type UpdatePolicyMutation = { updateCampaignPolicy: { id: string } };

export type OrganisationQueryVariables = Exact<{ [key: string]: never; }>;


export type OrganisationQuery = { organisation: { units: Array<{ code: string, name: string, kind: UnitKind }>, people: Array<{ id: string, login: string, displayName: string, role: Role, phone: string | null, email: string | null, unit: { code: string, name: string } | null }> } };

export type SetUserPasswordMutationVariables = Exact<{
  login: string;
  password: string;
}>;


export type SetUserPasswordMutation = { setUserPassword: boolean };

export type IndicatorCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type IndicatorCodesQuery = { catalog: { items: Array<{ name: string, indicators: Array<{ code: string, name: string }> }> } };

export type ClockBoardUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type ClockBoardUnitsQuery = { board: { columns: Array<{ cards: Array<{ unit: { code: string, name: string } }> }> } };

export type PublicityLedgerQueryVariables = Exact<{
  filter?: PublicityFilter | null | undefined;
}>;


export type PublicityLedgerQuery = { publicityLedger: { campaignId: string, totalEntries: number, totalCount: number, canManage: boolean, communities: Array<{ code: string, name: string }>, byCommunity: Array<{ key: string, label: string, entries: number, count: number }>, byChannel: Array<{ key: string, label: string, entries: number, count: number }>, byMonth: Array<{ key: string, label: string, entries: number, count: number }>, entries: Array<{ id: string, channel: PublicityChannel, channelLabel: string, location: string, count: number, heldOn: string, month: string, indicatorCodes: Array<string>, note: string, voided: boolean, voidReason: string | null, recordedAt: string, recordedByName: string, correctedAt: string | null, corrections: number, lastReason: string | null, unit: { code: string, name: string }, photos: Array<{ sha256: string, name: string, size: number, url: string, archived: boolean }> }> } };

export type RecordPublicityEntryMutationVariables = Exact<{
  input: RecordPublicityEntryInput;
}>;


export type RecordPublicityEntryMutation = { recordPublicityEntry: { id: string } };

export type CorrectPublicityEntryMutationVariables = Exact<{
  input: CorrectPublicityEntryInput;
}>;


export type CorrectPublicityEntryMutation = { correctPublicityEntry: { id: string, corrections: number } };

export type VoidPublicityEntryMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type VoidPublicityEntryMutation = { voidPublicityEntry: { id: string, voided: boolean } };

export type ArchivePublicityPhotoMutationVariables = Exact<{
  entryId: string | number;
  sha256: string;
}>;


export type ArchivePublicityPhotoMutation = { archivePublicityPhoto: { id: string, title: string } };

export type ExportPublicityLedgerQueryVariables = Exact<{
  filter?: PublicityFilter | null | undefined;
}>;


export type ExportPublicityLedgerQuery = { exportPublicityLedger: { fileName: string, mimeType: string, contentBase64: string } };

export type ReportItemMutationVariables = Exact<{
  input: ReportItemInput;
}>;


export type ReportItemMutation = { reportItem: { duplicate: boolean, item: { id: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, duplicateReports: number, createdAt: string, dueAt: string | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, photos: Array<{ sha256: string, name: string, size: number }> } } };

export type ReportLocalProblemMutationVariables = Exact<{
  input: LocalProblemInput;
}>;


export type ReportLocalProblemMutation = { reportLocalProblem: { duplicate: boolean, item: { id: string, state: ItemState, stateLabel: string, source: ItemSource, sourceLabel: string, area: RectificationArea | null, description: string, duplicateReports: number, createdAt: string, dueAt: string | null, location: { address: string, latitude: number | null, longitude: number | null }, unit: { code: string, name: string } | null, reportingUnit: { code: string, name: string } | null, photos: Array<{ sha256: string, name: string, size: number }> } } };

export type LocalReporterQueryVariables = Exact<{ [key: string]: never; }>;


export type LocalReporterQuery = { me: { unit: { code: string, name: string, kind: UnitKind } | null } };

export type SelfEvaluationRoundsQueryVariables = Exact<{ [key: string]: never; }>;


export type SelfEvaluationRoundsQuery = { selfEvaluationRounds: Array<{ id: string, title: string, periodStart: string, periodEnd: string, dueAt: string, state: SelfEvaluationState, stateLabel: string, escalationLabel: string | null, unitCount: number, submittedCount: number, closedAt: string | null, closeNote: string | null, canClose: boolean, forms: Array<{ unitCode: string, unitName: string, state: SelfEvaluationFormState, stateLabel: string, late: boolean, submittedAt: string | null, submissions: number, returnReason: string | null, selfGrade: AppraisalGrade | null, selfGradeLabel: string | null, achievements: string, shortcomings: string, nextSteps: string, canSubmit: boolean, canReturn: boolean, items: Array<{ taskId: string, indicatorCode: string, indicatorName: string, status: SelfAssessedStatus | null, statusLabel: string | null, note: string }> }> }> };

export type OpenSelfEvaluationRoundMutationVariables = Exact<{
  input: OpenSelfEvaluationRoundInput;
}>;


export type OpenSelfEvaluationRoundMutation = { openSelfEvaluationRound: { id: string } };

export type SubmitSelfEvaluationMutationVariables = Exact<{
  input: SubmitSelfEvaluationInput;
}>;


export type SubmitSelfEvaluationMutation = { submitSelfEvaluation: { id: string, submittedCount: number } };

export type ReturnSelfEvaluationMutationVariables = Exact<{
  roundId: string | number;
  unitCode: string;
  reason: string;
}>;


export type ReturnSelfEvaluationMutation = { returnSelfEvaluation: { id: string } };

export type CloseSelfEvaluationRoundMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type CloseSelfEvaluationRoundMutation = { closeSelfEvaluationRound: { id: string, state: SelfEvaluationState } };

export type ExportSelfEvaluationRoundQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportSelfEvaluationRoundQuery = { exportSelfEvaluationRound: { fileName: string, mimeType: string, contentBase64: string } };

export type AppraisalQueryVariables = Exact<{ [key: string]: never; }>;


export type AppraisalQuery = { appraisal: { campaignId: string, canGrade: boolean, grades: Array<{ grade: AppraisalGrade, gradeLabel: string, comment: string, gradedAt: string, revisions: number, lastReason: string | null, unit: { code: string, name: string } }>, ratings: Array<{ group: WorkingGroupCode, groupLabel: string, rating: WorkingGroupRatingValue | null, ratingLabel: string | null, comment: string, ratedAt: string | null, revisions: number, lastReason: string | null }> } };

export type GradeUnitMutationVariables = Exact<{
  input: GradeUnitInput;
}>;


export type GradeUnitMutation = { gradeUnit: { campaignId: string } };

export type RateWorkingGroupMutationVariables = Exact<{
  input: RateWorkingGroupInput;
}>;


export type RateWorkingGroupMutation = { rateWorkingGroup: { campaignId: string } };

export type RoundsQueryVariables = Exact<{ [key: string]: never; }>;


export type RoundsQuery = { inspectionRounds: Array<{ id: string, kind: RoundKind, kindLabel: string, title: string, plannedOn: string, places: Array<string>, indicatorCodes: Array<string>, state: RoundState, stateLabel: string, findingCount: number, score: number, maxScore: number, scoreRate: number | null, allowedActions: Array<RoundAction>, closedAt: string | null, scores: Array<{ criterionCode: string, points: number, score: number, unitCode: string | null }> }> };

export type RoundQueryVariables = Exact<{
  id: string;
}>;


export type RoundQuery = { inspectionRound: { id: string, kind: RoundKind, kindLabel: string, title: string, plannedOn: string, places: Array<string>, indicatorCodes: Array<string>, state: RoundState, stateLabel: string, findingCount: number, score: number, maxScore: number, scoreRate: number | null, allowedActions: Array<RoundAction>, closedAt: string | null, scores: Array<{ criterionCode: string, points: number, score: number, unitCode: string | null }>, findings: Array<{ id: string, state: ItemState, stateLabel: string, description: string, area: RectificationArea | null, dueAt: string | null, location: { address: string }, unit: { name: string } | null }>, history: Array<{ label: string, occurredAt: string, actor: { displayName: string } }>, coveredTasks: Array<{ taskId: string, indicatorCode: string, unitCode: string, unitName: string, stage: Stage, stageLabel: string }>, windowChecks: Array<{ unitCode: string, unitName: string, checklistVersion: number, passedCount: number, passRate: number | null, at: string, results: Array<{ code: string, label: string, passed: boolean, note: string, duplicate: boolean, item: { id: string, stateLabel: string } | null }> }>, taskAssessments: Array<{ taskId: string, unitCode: string, unitName: string, indicatorCode: string, outcome: RoundTaskOutcome, outcomeLabel: string, reason: string | null, score: number, maxScore: number, scoreRate: number | null, passed: boolean | null, at: string }> } };

export type IndicatorsQueryVariables = Exact<{ [key: string]: never; }>;


export type IndicatorsQuery = { catalog: { items: Array<{ code: string, name: string, indicators: Array<{ code: string, name: string, criteria: Array<{ code: string, content: string, points: number }> }> }> } };

export type PlanRoundMutationVariables = Exact<{
  input: PlanInspectionRoundInput;
}>;


export type PlanRoundMutation = { planInspectionRound: { id: string } };

export type ActOnRoundMutationVariables = Exact<{
  input: RoundActionInput;
}>;


export type ActOnRoundMutation = { actOnInspectionRound: { id: string, state: RoundState } };

export type RecordFindingMutationVariables = Exact<{
  input: RecordFindingInput;
}>;


export type RecordFindingMutation = { recordFinding: { duplicate: boolean, item: { id: string } } };

export type RecordScoresMutationVariables = Exact<{
  input: RecordRoundScoresInput;
}>;


export type RecordScoresMutation = { recordRoundScores: { id: string, score: number, maxScore: number } };

export type WindowChecklistQueryVariables = Exact<{ [key: string]: never; }>;


export type WindowChecklistQuery = { windowChecklist: { version: number, savedAt: string | null, points: Array<{ code: string, label: string }> }, windowServiceUnits: Array<{ code: string, name: string }> };

export type RecordWindowCheckMutationVariables = Exact<{
  input: RecordWindowCheckInput;
}>;


export type RecordWindowCheckMutation = { recordWindowCheck: { id: string, findingCount: number } };

export type SaveWindowChecklistMutationVariables = Exact<{
  input: SaveWindowChecklistInput;
}>;


export type SaveWindowChecklistMutation = { saveWindowChecklist: { version: number } };

export type ExportWindowChecksQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportWindowChecksQuery = { exportWindowChecks: { fileName: string, mimeType: string, contentBase64: string } };

export type InboxQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type InboxQuery = { notifications: { unreadCount: number, edges: Array<{ cursor: string, node: { id: string, kind: NotificationKind, taskId: string | null, itemId: string | null, title: string, text: string, urgent: boolean, createdAt: string, readAt: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type InboxNotificationFragment = { id: string, kind: NotificationKind, taskId: string | null, itemId: string | null, title: string, text: string, urgent: boolean, createdAt: string, readAt: string | null };

export type InboxUnreadQueryVariables = Exact<{ [key: string]: never; }>;


export type InboxUnreadQuery = { notifications: { unreadCount: number } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type MarkAllNotificationsReadMutationVariables = Exact<{ [key: string]: never; }>;


export type MarkAllNotificationsReadMutation = { markAllNotificationsRead: number };

export type NotificationAddedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationAddedSubscription = { notificationAdded: { id: string, kind: NotificationKind, taskId: string | null, itemId: string | null, title: string, text: string, urgent: boolean, createdAt: string, readAt: string | null } };

export type MyNotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type MyNotificationPreferencesQuery = { myNotificationPreferences: { availableChannels: Array<DeliveryChannel>, channels: Array<DeliveryChannel>, defaultChannels: boolean, quietHoursEnabled: boolean, quietStart: string, quietEnd: string } };

export type NotificationPreferencesFieldsFragment = { availableChannels: Array<DeliveryChannel>, channels: Array<DeliveryChannel>, defaultChannels: boolean, quietHoursEnabled: boolean, quietStart: string, quietEnd: string };

export type UpdateNotificationPreferencesMutationVariables = Exact<{
  input: NotificationPreferencesInput;
}>;


export type UpdateNotificationPreferencesMutation = { updateNotificationPreferences: { availableChannels: Array<DeliveryChannel>, channels: Array<DeliveryChannel>, defaultChannels: boolean, quietHoursEnabled: boolean, quietStart: string, quietEnd: string } };

export type SpecialDrivesQueryVariables = Exact<{ [key: string]: never; }>;


export type SpecialDrivesQuery = { specialDrives: Array<{ id: string, campaignId: string, area: RectificationArea, name: string, state: SpecialDriveState, stateLabel: string, startDate: string, endDate: string, goals: string, dueAt: string, late: boolean, escalationLabel: string | null, launchedAt: string, summary: string | null, summarySubmittedAt: string | null, submissions: number, returnReason: string | null, approvedAt: string | null, approveNote: string | null, canAmend: boolean, canSubmitSummary: boolean, canReview: boolean, leadUnit: { code: string, name: string }, participatingUnits: Array<{ code: string, name: string }>, progress: { total: number, open: number, closed: number, overdue: number, relapses: number, relapsedItems: number, closedRate: number | null }, summaryAttachments: Array<{ sha256: string, name: string, size: number, url: string }> }> };

export type SpecialDriveQueryVariables = Exact<{
  area: RectificationArea;
}>;


export type SpecialDriveQuery = { specialDrive: { id: string, campaignId: string, area: RectificationArea, name: string, state: SpecialDriveState, stateLabel: string, startDate: string, endDate: string, goals: string, dueAt: string, late: boolean, escalationLabel: string | null, launchedAt: string, summary: string | null, summarySubmittedAt: string | null, submissions: number, returnReason: string | null, approvedAt: string | null, approveNote: string | null, canAmend: boolean, canSubmitSummary: boolean, canReview: boolean, leadUnit: { code: string, name: string }, participatingUnits: Array<{ code: string, name: string }>, progress: { total: number, open: number, closed: number, overdue: number, relapses: number, relapsedItems: number, closedRate: number | null }, summaryAttachments: Array<{ sha256: string, name: string, size: number, url: string }>, items: Array<{ id: string, description: string, address: string, state: ItemState, stateLabel: string, area: RectificationArea | null, dueAt: string | null, overdue: boolean, relapseCount: number, reportedAt: string, link: SpecialDriveItemLink, unit: { code: string, name: string } | null }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string }> } | null };

export type SpecialDriveUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type SpecialDriveUnitsQuery = { units: Array<{ code: string, name: string }> };

export type LaunchSpecialDriveMutationVariables = Exact<{
  input: SpecialDrivePlanInput;
}>;


export type LaunchSpecialDriveMutation = { launchSpecialDrive: { id: string, state: SpecialDriveState } };

export type AmendSpecialDriveMutationVariables = Exact<{
  input: SpecialDrivePlanInput;
}>;


export type AmendSpecialDriveMutation = { amendSpecialDrive: { id: string, state: SpecialDriveState } };

export type AttachSpecialDriveItemMutationVariables = Exact<{
  area: RectificationArea;
  itemId: string | number;
}>;


export type AttachSpecialDriveItemMutation = { attachSpecialDriveItem: { id: string } };

export type DetachSpecialDriveItemMutationVariables = Exact<{
  area: RectificationArea;
  itemId: string | number;
  reason: string;
}>;


export type DetachSpecialDriveItemMutation = { detachSpecialDriveItem: { id: string } };

export type SubmitSpecialDriveSummaryMutationVariables = Exact<{
  input: SubmitSpecialDriveSummaryInput;
}>;


export type SubmitSpecialDriveSummaryMutation = { submitSpecialDriveSummary: { id: string, state: SpecialDriveState } };

export type ApproveSpecialDriveSummaryMutationVariables = Exact<{
  area: RectificationArea;
  note?: string | null | undefined;
}>;


export type ApproveSpecialDriveSummaryMutation = { approveSpecialDriveSummary: { id: string, state: SpecialDriveState } };

export type ReturnSpecialDriveSummaryMutationVariables = Exact<{
  area: RectificationArea;
  reason: string;
}>;


export type ReturnSpecialDriveSummaryMutation = { returnSpecialDriveSummary: { id: string, state: SpecialDriveState } };

export type ExportSpecialDrivesQueryVariables = Exact<{
  area?: RectificationArea | null | undefined;
}>;


export type ExportSpecialDrivesQuery = { exportSpecialDrives: { fileName: string, mimeType: string, contentBase64: string } };

export type SurveyRoundsQueryVariables = Exact<{ [key: string]: never; }>;


export type SurveyRoundsQuery = { surveyRounds: Array<{ id: string, title: string, method: SurveyMethod, methodLabel: string, startDate: string, endDate: string, dueAt: string, state: SurveyRoundState, stateLabel: string, recordedCount: number, closedAt: string | null, closeNote: string | null, escalationLabel: string | null, canRecord: boolean, canClose: boolean, total: { sample: number, aware: number, supporting: number, participating: number, satisfied: number, rates: { aware: number, supporting: number, participating: number, satisfied: number } } | null, communities: Array<{ recorded: boolean, recordedAt: string | null, unit: { code: string, name: string }, counts: { sample: number, aware: number, supporting: number, participating: number, satisfied: number, rates: { aware: number, supporting: number, participating: number, satisfied: number } } | null }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string }> }>, surveyCommunities: Array<{ code: string, name: string }> };

export type PlanSurveyRoundMutationVariables = Exact<{
  input: PlanSurveyRoundInput;
}>;


export type PlanSurveyRoundMutation = { planSurveyRound: { id: string } };

export type RecordSurveyResultsMutationVariables = Exact<{
  input: RecordSurveyResultsInput;
}>;


export type RecordSurveyResultsMutation = { recordSurveyResults: { id: string, recordedCount: number } };

export type CloseSurveyRoundMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type CloseSurveyRoundMutation = { closeSurveyRound: { id: string, state: SurveyRoundState } };

export type ExportSurveyRoundQueryVariables = Exact<{
  id: string | number;
}>;


export type ExportSurveyRoundQuery = { exportSurveyRound: { fileName: string, mimeType: string, contentBase64: string } };

export type ExportSurveyTrendQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportSurveyTrendQuery = { exportSurveyTrend: { fileName: string, mimeType: string, contentBase64: string } };

export type SurveyTasksQueryVariables = Exact<{ [key: string]: never; }>;


export type SurveyTasksQuery = { tasks: { edges: Array<{ node: { id: string, sideActions: Array<IndicatorTaskAction>, indicator: { code: string, name: string, method: AssessmentMethod }, unit: { name: string } } }> } };

export type CiteSurveyRoundMutationVariables = Exact<{
  input: CiteSurveyRoundInput;
}>;


export type CiteSurveyRoundMutation = { citeSurveyRound: { id: string } };

export type SurveyTrendQueryVariables = Exact<{ [key: string]: never; }>;


export type SurveyTrendQuery = { surveyTrend: { campaignId: string, overall: Array<{ roundId: string, title: string, startDate: string, endDate: string, counts: { sample: number, aware: number, supporting: number, participating: number, satisfied: number, rates: { aware: number, supporting: number, participating: number, satisfied: number } }, change: { aware: number | null, supporting: number | null, participating: number | null, satisfied: number | null } }>, communities: Array<{ unit: { code: string, name: string }, points: Array<{ roundId: string, title: string, startDate: string, endDate: string, counts: { sample: number, aware: number, supporting: number, participating: number, satisfied: number, rates: { aware: number, supporting: number, participating: number, satisfied: number } }, change: { aware: number | null, supporting: number | null, participating: number | null, satisfied: number | null } }> }> } };

export type UnitReportMonthQueryVariables = Exact<{
  month: string;
}>;


export type UnitReportMonthQuery = { unitReportMonth: { campaignId: string, month: string, dueDay: number, opened: boolean, submitted: number, accepted: number, overdue: number, reports: Array<{ id: string, month: string, state: UnitReportState, stateLabel: string, dueAt: string, late: boolean, progress: string | null, problems: string | null, nextSteps: string | null, submittedAt: string | null, submittedByName: string | null, submissions: number, returnReason: string | null, acceptedAt: string | null, acceptNote: string | null, escalationLabel: string | null, canSubmit: boolean, canReview: boolean, unit: { code: string, name: string }, attachments: Array<{ sha256: string, name: string, size: number, url: string }>, history: Array<{ at: string, type: string, label: string, actorName: string, note: string }> }> } };

export type SubmitUnitReportMutationVariables = Exact<{
  input: SubmitUnitReportInput;
}>;


export type SubmitUnitReportMutation = { submitUnitReport: { id: string, state: UnitReportState } };

export type AcceptUnitReportMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type AcceptUnitReportMutation = { acceptUnitReport: { id: string, state: UnitReportState } };

export type ReturnUnitReportMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ReturnUnitReportMutation = { returnUnitReport: { id: string, state: UnitReportState } };

export type OpenUnitReportMonthMutationVariables = Exact<{
  month: string;
}>;


export type OpenUnitReportMonthMutation = { openUnitReportMonth: { month: string, opened: boolean } };

export type SetUnitReportDueDayMutationVariables = Exact<{
  dueDay: number;
}>;


export type SetUnitReportDueDayMutation = { setUnitReportDueDay: number };
