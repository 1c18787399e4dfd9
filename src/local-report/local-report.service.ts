// 属地上报 (全民共创): the people of a community or village unit report a problem of their own area. It goes the
// way of every report (RectificationItemService.report: a new item, or linked to the open item of the same place
// and area), with the source LOCAL_REPORT and the reporter's own unit recorded as the reporting unit, whatever the
// input says; it waits in REPORTED for the office to dispatch it as usual. The office, the leaders and supervisors
// read them all, a community or village only its own.
import { Injectable } from '@nestjs/common';
import { exportName, XLSX_MIME } from '../platform/spreadsheet/export-sheet';
import { isUnitRole, visibleUnit, NO_UNIT } from '../auth/access-policy';
import { CampaignRepository } from '../campaign/campaign.repository';
import { DomainError } from '../platform/errors/domain-error';
import type { ExportedFile } from '../platform/graphql/graphql.generated';
import type { Actor } from '../../workflows/shared/actor.types';
import type { ItemArea, ItemLocation } from '../../workflows/rectification-item/rectification-item.types';
import { RectificationItemRepository, type ItemView } from '../rectification-item/rectification-item.repository';
import { RectificationItemService, type Upload } from '../rectification-item/rectification-item.service';
import { countsByUnit, localMinute, localReportsXlsx } from './local-report.export';
import { LocalReportRepository } from './local-report.repository';

/** The unit kinds that report their own area. */
export const LOCAL_REPORT_UNIT_KINDS: readonly string[] = ['COMMUNITY', 'VILLAGE'];
export const LOCAL_DESCRIPTION_MAX = 1000;
export const LOCAL_PHOTOS_MAX = 9;
/** New items a unit's reports may open in 24 hours (a duplicate linked to an open item opens none, so it does not count). */
export const LOCAL_REPORTS_PER_DAY = 30;
const LIST_DEFAULT = 50;
const LIST_MAX = 200;
/** Rows one export may hold; more is refused (the filters split it). */
export const LOCAL_EXPORT_MAX = 5000;
const CAMPAIGN_ID_CHARS = 200;
const UNIT_CODE_CHARS = 50;

/** An optional text argument, refused when it is not text, too long or holds NUL (PostgreSQL keeps none in text). */
function boundedText(value: unknown, max: number, field: string, message: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || value.length > max || value.includes('\u0000')) throw new DomainError('BAD_USER_INPUT', message, field);
  return value.trim() || null;
}

export interface LocalProblem {
  campaignId?: string | null;
  area: ItemArea;
  location: ItemLocation;
  description: string;
  photos?: Upload[] | null;
  indicatorTaskId?: string | null;
}

@Injectable()
export class LocalReportService {
  constructor(
    private readonly items: RectificationItemService,
    private readonly cards: RectificationItemRepository,
    private readonly repository: LocalReportRepository,
    private readonly campaigns: CampaignRepository,
  ) {}

  /** The reporter's own community or village, or why they may not report. */
  private async ownArea(actor: Actor): Promise<{ code: string; name: string }> {
    const unitCode = visibleUnit(actor);
    if (!isUnitRole(actor.role) || unitCode === null || unitCode === NO_UNIT) throw new DomainError('FORBIDDEN', '只有社区（村）的人员可以属地上报');
    const unit = await this.cards.unit(unitCode);
    if (!unit || !LOCAL_REPORT_UNIT_KINDS.includes(unit.kind)) throw new DomainError('FORBIDDEN', '只有社区（村）的人员可以属地上报本辖区的问题');
    return unit;
  }

  async report(actor: Actor, input: LocalProblem): Promise<{ item: ItemView; duplicate: boolean }> {
    const unit = await this.ownArea(actor);
    if (typeof input.description !== 'string' || input.description.trim() === '') throw new DomainError('BAD_USER_INPUT', '请填写问题描述', 'description');
    if ([...input.description.trim()].length > LOCAL_DESCRIPTION_MAX) throw new DomainError('BAD_USER_INPUT', `问题描述不能超过${LOCAL_DESCRIPTION_MAX}字`, 'description');
    if ((input.photos?.length ?? 0) > LOCAL_PHOTOS_MAX) throw new DomainError('BAD_USER_INPUT', `照片最多${LOCAL_PHOTOS_MAX}张`, 'photos');
    const taskId = input.indicatorTaskId?.trim() || null;
    if (taskId) {
      if (taskId.length > 200) throw new DomainError('BAD_USER_INPUT', '指标任务编号过长', 'indicatorTaskId');
      const task = await this.repository.taskUnit(taskId);
      // Another unit's task would make it that unit's report: only the reporter's own tasks.
      if (!task || task.unitCode !== unit.code) throw new DomainError('BAD_USER_INPUT', `指标任务「${taskId}」不是本单位的任务`, 'indicatorTaskId');
    }
    const recent = await this.repository.reportedSince(unit.code, new Date(Date.now() - 86_400_000));
    if (recent >= LOCAL_REPORTS_PER_DAY) throw new DomainError('BAD_USER_INPUT', `本单位24小时内已属地上报${recent}条，已达上限${LOCAL_REPORTS_PER_DAY}条，请稍后再报`);
    return this.items.report(actor, {
      campaignId: input.campaignId,
      source: 'LOCAL_REPORT',
      area: input.area,
      location: input.location,
      description: input.description,
      photos: input.photos,
      indicatorTaskId: taskId,
      unitCode: null,
      dueAt: null,
      reportingUnitCode: unit.code,
    });
  }

  /** The office, leaders and supervisors: all, or one unit's; a unit: only its own, whatever it asks. */
  async list(actor: Actor, q: { campaignId?: string | null; unitCode?: string | null; awaitingDispatch?: boolean | null; first?: number | null }): Promise<ItemView[]> {
    const campaign = await this.campaigns.require(q.campaignId);
    const own = visibleUnit(actor);
    const asked = q.unitCode?.trim() || null;
    if (own === NO_UNIT) return [];
    if (own !== null && asked !== null && asked !== own) throw new DomainError('FORBIDDEN', '只能查看本单位属地上报的问题');
    const first = q.first ?? LIST_DEFAULT;
    if (!Number.isInteger(first) || first < 1 || first > LIST_MAX) throw new DomainError('BAD_USER_INPUT', `条数须在1到${LIST_MAX}之间`, 'first');
    return this.repository.list({ campaignId: campaign.id, reportingUnitCode: own ?? asked, awaitingDispatch: q.awaitingDispatch === true, limit: first });
  }

  /**
   * The reports as an Excel workbook (属地上报 and 按社区), with the list's access: the office, leaders and
   * supervisors export all or one community's; a unit only its own, whatever it asks. The campaign id and the unit
   * code are bounded, a unit code must name a community or village, and more than LOCAL_EXPORT_MAX rows are refused.
   */
  async export(actor: Actor, q: { campaignId?: string | null; unitCode?: string | null; awaitingDispatch?: boolean | null }, now = new Date()): Promise<ExportedFile> {
    const campaignId = boundedText(q.campaignId, CAMPAIGN_ID_CHARS, 'campaignId', '活动编号格式不正确');
    const asked = boundedText(q.unitCode, UNIT_CODE_CHARS, 'unitCode', '社区（村）编码格式不正确');
    const campaign = await this.campaigns.require(campaignId);
    const own = visibleUnit(actor);
    if (own !== null && own !== NO_UNIT && asked !== null && asked !== own) throw new DomainError('FORBIDDEN', '只能导出本单位属地上报的问题');
    if (own === null && asked !== null) {
      const unit = await this.cards.unit(asked);
      if (!unit || !LOCAL_REPORT_UNIT_KINDS.includes(unit.kind)) throw new DomainError('BAD_USER_INPUT', `「${asked}」不是社区（村）`, 'unitCode');
    }
    const scopeUnit = own === NO_UNIT ? null : (own ?? asked);
    const awaitingDispatch = q.awaitingDispatch === true;
    const reports =
      own === NO_UNIT ? [] : await this.repository.list({ campaignId: campaign.id, reportingUnitCode: scopeUnit, awaitingDispatch, limit: LOCAL_EXPORT_MAX + 1 });
    if (reports.length > LOCAL_EXPORT_MAX) {
      throw new DomainError('BAD_USER_INPUT', `属地上报超过${LOCAL_EXPORT_MAX}条，无法一次导出，请按社区（村）或只导出待派单的分别导出`);
    }
    // A unit that is not a community or village (or has none) gets an empty workbook, as the list gives it none.
    const reportingUnits = own === NO_UNIT ? [] : await this.repository.reportingUnits(LOCAL_REPORT_UNIT_KINDS, scopeUnit);
    const names = await this.cards.units(reports.flatMap((r) => [r.reportingUnitCode ?? '', r.unitCode ?? ''].filter(Boolean)));
    const people = await this.cards.people([...new Set(reports.map((r) => r.reportedBy))]);
    const unitName = (code: string) => names.get(code)?.name ?? code;
    const scopeName = scopeUnit ? (reportingUnits.find((u) => u.code === scopeUnit)?.name ?? (await this.cards.unit(scopeUnit))?.name ?? scopeUnit) : null;
    const heading = `${campaign.name} 属地上报${scopeName ? `（${scopeName}）` : ''}`;
    const scope = `导出时间：${localMinute(now.toISOString(), campaign.timeZone)}（${campaign.timeZone}）。${awaitingDispatch ? '只含待派单的。' : ''}`;
    const content = await localReportsXlsx({
      heading,
      scope,
      timeZone: campaign.timeZone,
      reports,
      units: countsByUnit(reports, reportingUnits, unitName),
      unitName,
      personName: (userId) => people.get(userId)?.displayName ?? userId,
    });
    return { fileName: exportName(`属地上报-${campaign.name}${scopeName ? `-${scopeName}` : ''}`), mimeType: XLSX_MIME, contentBase64: content.toString('base64') };
  }

  /** The reporting unit of a 属地上报 item, for who may see the item. */
  async reportingUnit(item: ItemView) {
    if (item.source !== 'LOCAL_REPORT' || !item.reportingUnitCode) return null;
    return (await this.cards.unit(item.reportingUnitCode)) ?? null;
  }
}
