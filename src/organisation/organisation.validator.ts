// From the 单位 and 人员 rows to a whole organisation: codes, names and logins once each; a unit role needs
// its unit (a unit of the file, by code or name) and other roles may have none; supervisors are in the
// 督查检查组 and archivists in the 档案组; a unit that tasks use may not disappear; and the person importing
// stays in the office. Every problem is collected. Then what it changes against the organisation as it stands.
import { closestName, nameKey, normaliseCode, sheetProblem, type At, type SheetProblem } from '../platform/spreadsheet';
import { changesOf, diffBy, removedInUse, type ChangeCounts, type ReferenceChange } from '../catalog/reference-diff';
import {
  GROUP_OF_ROLE,
  ROLE_LABELS,
  UNIT_ROLES,
  WORKING_GROUP_LABELS,
  type Organisation,
  type OrganisationPlanResult,
  type OrganisationReference,
  type PersonColumn,
  type PersonPlan,
  type PersonRow,
  type UnitColumn,
  type UnitPlan,
  type UnitRobots,
  type UnitRow,
} from './organisation.types';

type Row = UnitRow | PersonRow;

export function planOrganisation(units: readonly UnitRow[], people: readonly PersonRow[], reference: OrganisationReference): OrganisationPlanResult {
  const problems: SheetProblem[] = [];
  function report(row: UnitRow, column: UnitColumn, code: SheetProblem['code'], detail: string): void;
  function report(row: PersonRow, column: PersonColumn, code: SheetProblem['code'], detail: string): void;
  function report(row: Row, column: UnitColumn | PersonColumn, code: SheetProblem['code'], detail: string): void {
    const c = (row.columns as Partial<Record<string, { name: string; letter: string | null }>>)[column];
    problems.push(sheetProblem(row, c?.name ?? DEFAULT_COLUMN_NAMES[column], c?.letter ?? null, code, detail));
  }

  // Units: each code and each name once.
  const byCode = new Map<string, UnitRow>();
  const byName = new Map<string, UnitRow>();
  for (const unit of units) {
    if (unit.code) {
      const earlier = byCode.get(unit.code);
      if (earlier) report(unit, 'unitCode', 'DUPLICATE', `单位编码 ${unit.code} 已在${where(earlier, unit)}用于「${earlier.name ?? ''}」。每个单位一行，编码不能重复`);
      else byCode.set(unit.code, unit);
    }
    if (unit.name) {
      const earlier = byName.get(nameKey(unit.name));
      if (earlier) report(unit, 'unitName', 'DUPLICATE', `单位「${unit.name}」已在${where(earlier, unit)}填写过。每个单位一行，名称不能重复`);
      else byName.set(nameKey(unit.name), unit);
    }
  }
  const unitOf = (written: string): UnitRow | undefined => byName.get(nameKey(written)) ?? byCode.get(normaliseCode(written));

  // People: each login once; a unit for unit roles only; the role's own group.
  const logins = new Map<string, PersonRow>();
  const planned: PersonPlan[] = [];
  for (const person of people) {
    if (person.login) {
      const earlier = logins.get(person.login);
      if (earlier) report(person, 'login', 'DUPLICATE', `登录名 ${person.login} 已在${where(earlier, person)}用于「${earlier.displayName ?? ''}」。每人一个登录名，不能重复`);
      else logins.set(person.login, person);
    }
    let unitCode: string | null = null;
    if (person.role && UNIT_ROLES.includes(person.role)) {
      if (!person.unit) {
        report(person, 'unit', 'MISSING_VALUE', `角色为「${ROLE_LABELS[person.role]}」的人员须填写所属单位。请填写单位表中的单位名称或编码`);
      } else {
        const unit = unitOf(person.unit);
        if (unit) unitCode = unit.code;
        else report(person, 'unit', 'UNKNOWN_UNIT', unknownUnit(person.unit, units));
      }
    } else if (person.role && person.unit) {
      report(person, 'unit', 'NOT_ALLOWED', `角色为「${ROLE_LABELS[person.role]}」的人员不属于某个责任单位，所属单位须留空（单位负责人、责任单位成员才填写）`);
    }
    const implied = person.role ? GROUP_OF_ROLE[person.role] : undefined;
    if (implied && person.group && person.group !== implied) {
      report(
        person,
        'group',
        'INCONSISTENT',
        `角色为「${ROLE_LABELS[person.role ?? 'OFFICE']}」的人员属于${WORKING_GROUP_LABELS[implied]}，工作小组不能填「${WORKING_GROUP_LABELS[person.group]}」。请留空或填写「${WORKING_GROUP_LABELS[implied]}」`,
      );
    }
    const group = person.group ?? implied ?? null;
    if (person.login && person.displayName && person.role) {
      planned.push({ login: person.login, displayName: person.displayName, role: person.role, unitCode, groups: group ? [group] : [], phone: person.phone, email: person.email });
    }
  }

  // Units that tasks use stay.
  problems.push(
    ...removedInUse(
      reference.unitsInUse,
      new Set(units.flatMap((u) => (u.code ? [u.code] : []))),
      reference.current.units,
      (unit, tasks) => `单位表中没有单位「${unit}」，但还有 ${tasks} 项任务由它承担或牵头，不能删除。请把它保留在单位表中（编码不变），或先在任务分解表中调整这些任务`,
    ),
  );

  // The person importing stays in the office, or no one could import again.
  const importer = logins.get(reference.importerLogin);
  if (!importer) {
    problems.push(
      sheetProblem(
        { sheet: people[0]?.sheet ?? '', row: 0 },
        '',
        null,
        'REMOVES_IMPORTER',
        `人员表中没有您本人（登录名 ${reference.importerLogin}）。导入后您将无法再登录和导入，请把自己以「创建办」角色保留在人员表中`,
      ),
    );
  } else if (importer.role && importer.role !== 'OFFICE') {
    report(importer, 'role', 'REMOVES_IMPORTER', `这是您本人（登录名 ${reference.importerLogin}）。改为「${ROLE_LABELS[importer.role]}」后您将不能再导入组织机构，请保留「创建办」角色，改由其他创建办人员调整`);
  }

  const plannedUnits: UnitPlan[] = units.flatMap((u) => (u.code && u.name && u.kind ? [{ code: u.code, name: u.name, kind: u.kind, ...(u.robots ? { robots: u.robots } : {}) }] : []));
  const organisation = problems.length === 0 ? { units: plannedUnits, people: planned } : { units: [], people: [] };
  return { organisation, problems };
}

const DEFAULT_COLUMN_NAMES: Record<UnitColumn | PersonColumn, string> = {
  unitCode: '单位编码',
  unitName: '单位名称',
  unitKind: '单位类别',
  wecomRobot: '企业微信群机器人',
  dingtalkRobot: '钉钉群机器人',
  dingtalkSecret: '钉钉加签密钥',
  login: '登录名',
  displayName: '姓名',
  role: '角色',
  unit: '所属单位',
  group: '工作小组',
  phone: '手机',
  email: '邮箱',
};

function where(earlier: At, row: At): string {
  return earlier.sheet === row.sheet ? `第${earlier.row}行` : `工作表「${earlier.sheet}」第${earlier.row}行`;
}

function unknownUnit(written: string, units: readonly UnitRow[]): string {
  const suggestion = closestName(written, units.flatMap((u) => (u.name ? [u.name] : [])));
  return suggestion
    ? `单位表中没有单位「${written}」。请填写单位表中的单位名称或编码（例如「${suggestion}」）`
    : `单位表中没有单位「${written}」。请先在单位表中加上这个单位，或填写单位表中已有的名称或编码`;
}

// ---------------------------------------------------------------------------------------------------------
// What a clean organisation changes

export interface OrganisationDiff {
  counts: { units: ChangeCounts; people: ChangeCounts; groupMembers: number };
  changes: ReferenceChange[];
  write: {
    units: UnitPlan[];
    people: PersonPlan[];
    removedUnits: string[];
    removedLogins: string[];
    memberships: { login: string; group: string }[];
    /** The units' group robots, whole, when the file has robot columns; null leaves them as they are. */
    robots: ({ unitCode: string } & UnitRobots)[] | null;
  };
}

export function diffOrganisation(current: Organisation, next: Organisation): OrganisationDiff {
  const units = diffBy(current.units, next.units, (u) => u.code, (a, b) => a.name === b.name && a.kind === b.kind && sameRobots(a.robots, b.robots));
  const people = diffBy(current.people, next.people, (p) => p.login, samePerson);
  const memberships = next.people.flatMap((p) => p.groups.map((group) => ({ login: p.login, group })));
  return {
    counts: { units: units.counts, people: people.counts, groupMembers: memberships.length },
    changes: [...changesOf(units, 'UNIT', (u) => u), ...changesOf(people, 'PERSON', (p) => ({ code: p.login, name: p.displayName }))],
    write: {
      units: [...units.created, ...units.changed.map((c) => c.after)],
      people: [...people.created, ...people.changed.map((c) => c.after)],
      removedUnits: units.removed.map((u) => u.code),
      removedLogins: people.removed.map((p) => p.login),
      memberships,
      robots: next.units.some((u) => u.robots) ? next.units.flatMap((u) => (u.robots && (u.robots.wecomKey || u.robots.dingtalkToken) ? [{ unitCode: u.code, ...u.robots }] : [])) : null,
    },
  };
}

/** A file without robot columns (b absent) keeps the units' robots: no change. */
function sameRobots(a: UnitRobots | undefined, b: UnitRobots | undefined): boolean {
  if (b === undefined) return true;
  return (a?.wecomKey ?? null) === b.wecomKey && (a?.dingtalkToken ?? null) === b.dingtalkToken && (a?.dingtalkSecret ?? null) === b.dingtalkSecret;
}

function samePerson(a: PersonPlan, b: PersonPlan): boolean {
  return (
    a.displayName === b.displayName &&
    a.role === b.role &&
    a.unitCode === b.unitCode &&
    a.phone === b.phone &&
    a.email === b.email &&
    [...a.groups].sort().join(',') === [...b.groups].sort().join(',')
  );
}
