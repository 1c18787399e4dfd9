// The leading group's monthly reports through the API: who may read them, their .xlsx export, and the office's
// run of a month by hand (the same workflow the monthly schedule starts).
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { CONFIG, TEMPORAL } from '../platform/core/app.tokens';
import type { AppConfig } from '../platform/config/config';
import { XLSX_MIME } from '../platform/spreadsheet/export-sheet';
import { may } from '../auth/access-policy';
import { DomainError } from '../platform/errors/domain-error';
import type { Actor } from '../../workflows/shared/actor.types';
import { isMonth, monthOf } from '../../workflows/campaign/campaign.calendar';
import { MONTHLY_CADENCE_WORKFLOW_TYPE, monthlyScheduleId } from '../../workflows/campaign/campaign.messages';
import type { MonthlyCadenceInput, MonthlyCadenceResult } from '../../workflows/campaign/campaign.types';
import { campaignDomainError } from '../campaign-clock/campaign-clock.errors';
import { CampaignRepository, type CampaignView } from '../campaign/campaign.repository';
import type { MonthlyReportContent } from './monthly-report.builder';
import { monthlyReportFileName, monthlyReportXlsx } from './monthly-report.export';
import { MonthlyReportRepository, type StoredMonthlyReport } from './monthly-report.repository';
import { UnitReportService } from '../unit-report/unit-report.service';


/** The report as GraphQL serves it: the stored document's fields, and the document itself. */
export type MonthlyReportView = MonthlyReportContent & { content: MonthlyReportContent };

@Injectable()
export class MonthlyReportService {
  constructor(
    private readonly reports: MonthlyReportRepository,
    private readonly campaigns: CampaignRepository,
    private readonly unitReports: UnitReportService,
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  /** Units do their own work; the whole campaign's report is for those the access policy lets read it. */
  private mayRead(actor: Actor): boolean {
    return may(actor, 'Query.monthlyReport');
  }


  private static month(month: string): string {
    if (!isMonth(month)) throw new DomainError('BAD_USER_INPUT', '月份须写作 YYYY-MM（如 2026-10）', 'month');
    return month;
  }

  private static view(stored: StoredMonthlyReport): MonthlyReportView {
    return { ...stored.content, content: stored.content };
  }

  async find(campaignId: string, month: string): Promise<MonthlyReportView | null> {
    const campaign = await this.campaigns.require(campaignId);
    const stored = await this.reports.find(campaign.id, MonthlyReportService.month(month));
    return stored ? MonthlyReportService.view(stored) : null;
  }

  async list(actor: Actor, campaign: CampaignView): Promise<{ month: string; generatedAt: string }[]> {
    if (!this.mayRead(actor)) return [];
    return (await this.reports.list(campaign.id)).map((r) => ({ month: r.month, generatedAt: r.generatedAt.toISOString() }));
  }

  async export(campaignId: string, month: string) {
    const report = await this.find(campaignId, month);
    if (!report) throw new DomainError('NOT_FOUND', `${month} 的专题汇报尚未生成`, 'month');
    return { fileName: monthlyReportFileName(report.content), mimeType: XLSX_MIME, contentBase64: (await monthlyReportXlsx(report.content, await this.unitReports.links(report.campaignId, report.month))).toString('base64') };
  }

  /**
   * The office runs a month by hand: the monthly workflow checks its cadence and generates its report, as the
   * schedule does on the 1st. A month still in progress is reported but never flagged.
   */
  async generate(actor: Actor, campaignId: string, month: string, now: Date = new Date()): Promise<MonthlyReportView> {
    const campaign = await this.campaigns.require(campaignId);
    MonthlyReportService.month(month);
    const current = monthOf(now.toISOString(), campaign.timeZone);
    if (month > current) throw new DomainError('BAD_USER_INPUT', `不能生成尚未开始的月份（${month}）的专题汇报`, 'month');
    const input: MonthlyCadenceInput = { campaignId: campaign.id, month, timeZone: campaign.timeZone, requestedBy: actor };
    try {
      await this.temporal.workflow.execute<(i: MonthlyCadenceInput) => Promise<MonthlyCadenceResult>>(MONTHLY_CADENCE_WORKFLOW_TYPE, {
        workflowId: `${monthlyScheduleId(campaign.id)}:${month}:${randomUUID()}`,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
      });
    } catch (err) {
      throw campaignDomainError(err);
    }
    const stored = await this.reports.find(campaign.id, month);
    if (!stored) throw new DomainError('INTERNAL_SERVER_ERROR', '专题汇报读取失败');
    return MonthlyReportService.view(stored);
  }
}
