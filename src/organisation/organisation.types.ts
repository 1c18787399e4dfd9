// Types of the organisation (组织机构): units with their kinds, people with their roles (the leading group,
// the office, the supervision and archives groups, units' heads and members), and the office's six working
// groups; and of its import. Pure data. Identifiers as in GLOSSARY.md; names of the groups and their duties
// as the campaign plan gives them.
import type { SheetProblem } from '../platform/spreadsheet';
import { ROLE_LABELS } from '../../workflows/shared/actor.labels';
import { ROLES, type Role } from '../../workflows/shared/actor.types';

export { ROLE_LABELS, ROLES, type Role };

export const UNIT_KINDS = ['DEPARTMENT', 'COMMUNITY', 'VILLAGE', 'ENTERPRISE', 'SCHOOL', 'SERVICE_WINDOW'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  DEPARTMENT: '站办所',
  COMMUNITY: '社区',
  VILLAGE: '村',
  ENTERPRISE: '企业',
  SCHOOL: '学校',
  SERVICE_WINDOW: '窗口单位',
};

/** Roles that belong to a unit: 所属单位 is required for them and not allowed for the others. */
export const UNIT_ROLES: readonly Role[] = ['UNIT_HEAD', 'UNIT_MEMBER'];

export const WORKING_GROUP_CODES = ['PLANNING', 'PUBLICITY', 'ARCHIVES', 'LOGISTICS', 'ACTIVITIES', 'SUPERVISION'] as const;
export type WorkingGroupCode = (typeof WORKING_GROUP_CODES)[number];

/** The six groups the campaign plan sets up inside the office (三、组织机构), with their duties as it words them. */
export const WORKING_GROUPS: readonly { code: WorkingGroupCode; name: string; duties: string }[] = [
  { code: 'PLANNING', name: '统筹策划组', duties: '负责创建工作策划、资料发放、信息采写报送、经验总结、汇报材料、典型塑造、亮点打造、推进工作筹备。' },
  { code: 'PUBLICITY', name: '宣传组', duties: '负责创建宣传标语制作、宣传册等宣传资料编印、对外宣传、信息和图片采编报送、典型事迹报道。' },
  { code: 'ARCHIVES', name: '档案组', duties: '负责收集整理创建活动文件、方案、简报、经验交流材料、图片等档案材料。' },
  { code: 'LOGISTICS', name: '保障组', duties: '负责创建工作后勤工作，组织创建活动所需资金、材料等。' },
  {
    code: 'ACTIVITIES',
    name: '活动组',
    duties: '负责创建活动的策划、组织、包装、活动总结及各村（社区）单位、学校创建活动，组织定期文艺、电影、卫生、科技、法律下乡宣传活动，开展文化惠民活动，组织开展读书活动等。',
  },
  { code: 'SUPERVISION', name: '督查检查组', duties: '负责文明城区创建工作推进督查、问题整改督查等。' },
];
export const WORKING_GROUP_LABELS = Object.fromEntries(WORKING_GROUPS.map((g) => [g.code, g.name])) as Record<WorkingGroupCode, string>;

/** The supervisors are the 督查检查组 and the archivists the 档案组: their role puts them in that group. */
export const GROUP_OF_ROLE: Partial<Record<Role, WorkingGroupCode>> = { SUPERVISOR: 'SUPERVISION', ARCHIVIST: 'ARCHIVES' };

export type UnitColumn = 'unitCode' | 'unitName' | 'unitKind' | 'wecomRobot' | 'dingtalkRobot' | 'dingtalkSecret';
export type PersonColumn = 'login' | 'displayName' | 'role' | 'unit' | 'group' | 'phone' | 'email';
type Columns<K extends string> = Partial<Record<K, { name: string; letter: string | null }>>;

/**
 * A unit's own 企业微信 and 钉钉 group robots (issue 16): only the robot's key / access token and the 钉钉 signing
 * secret are kept, never a URL, so an import cannot point the worker at any other server.
 */
export interface UnitRobots {
  wecomKey: string | null;
  dingtalkToken: string | null;
  dingtalkSecret: string | null;
}

/** A row of the 单位 table as read; null where a value is missing or could not be read (the parser reported that). */
export interface UnitRow {
  sheet: string;
  row: number;
  code: string | null;
  name: string | null;
  kind: UnitKind | null;
  /** Null when the file has none of the robot columns (the units' robots are then left as they are). */
  robots: UnitRobots | null;
  columns: Columns<UnitColumn>;
}

/** A row of the 人员 table as read. `unit` is as written (a code or a name): matching it is the validator's job. */
export interface PersonRow {
  sheet: string;
  row: number;
  login: string | null;
  displayName: string | null;
  role: Role | null;
  unit: string | null;
  group: WorkingGroupCode | null;
  phone: string | null;
  email: string | null;
  columns: Columns<PersonColumn>;
}

export interface OrganisationParse {
  units: UnitRow[];
  people: PersonRow[];
  problems: SheetProblem[];
}

export interface UnitPlan {
  code: string;
  name: string;
  kind: UnitKind;
  /** Absent when the file has no robot columns. */
  robots?: UnitRobots;
}

export interface PersonPlan {
  login: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  /** Working groups, by code; at most one from a file (a supervisor's or archivist's is implied by the role). */
  groups: WorkingGroupCode[];
  phone: string | null;
  /** Where email notifications go (issue 16). */
  email: string | null;
}

export interface Organisation {
  units: UnitPlan[];
  people: PersonPlan[];
}

export interface OrganisationReference {
  current: Organisation;
  /** Unit code → how many tasks (breakdown assignments and cards) it is responsible for or leads. */
  unitsInUse: ReadonlyMap<string, number>;
  /** Who imports: the file must keep them in the office, or they could not import again. */
  importerLogin: string;
}

export interface OrganisationPlanResult {
  /** Meaningful only when problems is empty. */
  organisation: Organisation;
  problems: SheetProblem[];
}
