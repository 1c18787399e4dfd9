// The organisation: reading it (office and leading group), and importing it from one .xlsx (a 单位 sheet and
// a 人员 sheet) or two .csv files. An import is refused whole with every problem listed (nothing written), or
// written in one transaction; the same files twice change nothing. Only the office imports. No passwords:
// sign-in is issue 5.
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Actor } from '../../workflows/shared/actor.types';
import { problemReport, sortProblems, type SheetProblem } from '../platform/spreadsheet';
import type { ReferenceImportStatus } from '../catalog/catalog.service';
import { countsText, type ChangeCounts, type ReferenceChange } from '../catalog/reference-diff';
import { uploadKind, type Upload } from '../catalog/reference-upload';
import { DomainError } from '../platform/errors/domain-error';
import { parseOrganisationFiles } from './organisation.parser';
import { OrganisationRepository, type PersonRecord } from './organisation.repository';
import { WORKING_GROUPS, type UnitKind, type WorkingGroupCode } from './organisation.types';
import { diffOrganisation, planOrganisation, type OrganisationDiff } from './organisation.validator';
import { measureImport } from '../platform/metrics/api.metrics';

export interface OrganisationImportOutcome {
  status: ReferenceImportStatus;
  fileNames: string[];
  counts: OrganisationDiff['counts'];
  problems: SheetProblem[];
  report: string;
  changes: ReferenceChange[];
}

export interface PersonView {
  id: string;
  login: string;
  displayName: string;
  role: PersonRecord['role'];
  unit: { code: string; name: string; kind: UnitKind } | null;
  workingGroup: WorkingGroupCode | null;
  phone: string | null;
  email: string | null;
}

export interface OrganisationView {
  units: { code: string; name: string; kind: UnitKind }[];
  people: PersonView[];
  leadingGroup: PersonView[];
  office: PersonView[];
  workingGroups: { code: WorkingGroupCode; name: string; duties: string; members: PersonView[] }[];
}

const NO_CHANGE: ChangeCounts = { total: 0, created: 0, changed: 0, unchanged: 0, removed: 0 };
/** One .xlsx, or the two CSV files of its two sheets. */
const MAX_FILES = 2;

@Injectable()
export class OrganisationService implements OnModuleInit {
  constructor(private readonly organisation: OrganisationRepository) {}

  /** The six working groups always exist, whether or not an organisation was ever imported. */
  async onModuleInit(): Promise<void> {
    await this.organisation.ensureWorkingGroups();
  }

  /** Timed for /metrics by outcome (chuangwen_import_duration_seconds). */
  async import(actor: Actor, input: { files: Upload[]; dryRun?: boolean }): Promise<OrganisationImportOutcome> {
    return measureImport('organisation', () => this.importFile(actor, input));
  }

  private async importFile(actor: Actor, input: { files: Upload[]; dryRun?: boolean }): Promise<OrganisationImportOutcome> {
    if (input.files.length === 0 || input.files.length > MAX_FILES) {
      throw new DomainError('BAD_USER_INPUT', '请上传一个 .xlsx 文件（含单位、人员两个工作表），或单位表、人员表两个 .csv 文件', 'files');
    }
    const files = input.files.map((file) => ({ ...file, kind: uploadKind(file, '组织机构') }));
    if (files.length > 1 && files.some((f) => f.kind === 'xlsx')) {
      throw new DomainError('BAD_USER_INPUT', '.xlsx 文件请单独上传（单位、人员两个工作表放在同一个文件中）', 'files');
    }
    const fileNames = files.map((f) => f.fileName);
    const parsed = await parseOrganisationFiles(files);
    const login = await this.organisation.loginOf(actor.userId);
    return this.organisation.importing<OrganisationImportOutcome>(login, (reference) => {
      const planned = planOrganisation(parsed.units, parsed.people, reference);
      const problems = sortProblems([...parsed.problems, ...planned.problems]);
      if (problems.length > 0) {
        const counts = { units: NO_CHANGE, people: NO_CHANGE, groupMembers: 0 };
        return { result: { status: 'REJECTED', fileNames, counts, problems, report: problemReport(problems), changes: [] }, write: null };
      }
      const diff = diffOrganisation(reference.current, planned.organisation);
      const status: ReferenceImportStatus = input.dryRun ? 'DRY_RUN' : diff.changes.length > 0 ? 'APPLIED' : 'UNCHANGED';
      const result = { status, fileNames, counts: diff.counts, problems: [], report: summary(status, diff.counts), changes: diff.changes };
      return { result, write: status === 'APPLIED' ? diff.write : null };
    });
  }

  /** Every unit by code: code, name and kind. */
  async units(): Promise<OrganisationView['units']> {
    return this.organisation.units();
  }

  async view(): Promise<OrganisationView> {
    const [units, people, groups] = await Promise.all([this.organisation.units(), this.organisation.people(), this.organisation.workingGroups()]);
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    const views = people.map(
      (p): PersonView => ({
        id: p.id,
        login: p.login,
        displayName: p.displayName,
        role: p.role,
        unit: p.unitCode ? (unitByCode.get(p.unitCode) ?? null) : null,
        workingGroup: p.groups[0] ?? null,
        phone: p.phone,
        email: p.email,
      }),
    );
    const stored = new Map(groups.map((g) => [g.code, g]));
    return {
      units,
      people: views,
      leadingGroup: views.filter((p) => p.role === 'LEADER'),
      office: views.filter((p) => p.role === 'OFFICE'),
      // In the plan's order; the stored name and duties when the office has changed them.
      workingGroups: WORKING_GROUPS.map((g) => ({
        ...g,
        ...stored.get(g.code),
        members: people.filter((p) => p.groups.includes(g.code)).map((p) => views[people.indexOf(p)]),
      })),
    };
  }
}

function summary(status: ReferenceImportStatus, c: OrganisationDiff['counts']): string {
  const counts = `单位 ${countsText(c.units)}；人员 ${countsText(c.people)}；工作小组成员 ${c.groupMembers} 人次。`;
  const outcome: Record<ReferenceImportStatus, string> = {
    REJECTED: '',
    DRY_RUN: '仅预览，未写入。',
    UNCHANGED: '与现有组织机构相同，没有变化。',
    APPLIED: '组织机构已导入。',
  };
  return `${outcome[status]}${counts}`;
}
