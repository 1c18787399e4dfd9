// The pre-filled draft (issue 19): Chinese text sections built, server-side, from the month's monthly report
// (src/monthly-report/), the latest complete week of the 红黑榜 (src/reports/ranking) and the rectification items
// found in the month (inspections and reports). Pure: the service reads the facts, this writes the words; the office
// edits the result before saving it as a draft. Every part is optional: what is missing is said in `sources`.
import type { MonthlyReportContent } from '../monthly-report/monthly-report.builder';
import { BRIEFING_KIND_LABELS } from '../../workflows/briefing/briefing.labels';
import type { BriefingKind, BriefingSection } from '../../workflows/briefing/briefing.types';
import { MAX_SECTION_CHARS } from '../../workflows/briefing/briefing.types';

export interface PrefillRanking {
  weekLabel: string;
  best: string[];
  worst: string[];
  flagged: { unitName: string; weeksRunning: number }[];
}

export interface PrefillFinding {
  description: string;
  address: string;
  unitName: string | null;
  stateLabel: string;
  dueDate: string | null;
  overdue: boolean;
}

export interface PrefillFacts {
  kind: BriefingKind;
  month: string;
  campaignName: string;
  monthly: MonthlyReportContent | null;
  ranking: PrefillRanking | null;
  findings: PrefillFinding[];
}

export interface BriefingPrefillView {
  title: string;
  sections: BriefingSection[];
  sources: string[];
}

const MAX_FINDINGS = 15;
const MAX_OVERDUE = 10;

function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${Number(y)}年${Number(m)}月`;
}

function clip(text: string): string {
  return text.length > MAX_SECTION_CHARS ? `${text.slice(0, MAX_SECTION_CHARS - 1)}…` : text;
}

export function buildBriefingPrefill(f: PrefillFacts): BriefingPrefillView {
  const when = monthLabel(f.month);
  const sections: BriefingSection[] = [];
  const sources: string[] = [];
  const m = f.monthly;
  if (m) {
    sources.push(`${when}月度专题汇报（${m.generatedAt.slice(0, 10)} 生成）`);
    const t = m.totals;
    const lines = [
      `截至${when}底，${f.campaignName}共有测评指标任务 ${t.tasks} 项，已达标 ${t.met} 项，达标率 ${t.metRate}%；逾期未办结 ${t.overdue} 项。`,
      `本月督办事项 ${m.escalations.total} 次；整改问题共 ${m.rectificationItems.total} 个，已整改销号 ${m.rectificationItems.closed} 个，尚在整改 ${m.rectificationItems.open} 个，其中逾期 ${m.rectificationItems.overdue} 个。`,
      `当前阶段：${m.phaseLabel}，距测评还有 ${m.daysToInspection} 天。`,
    ];
    sections.push({ heading: '总体进展', body: clip(lines.join('\n')) });
    const leading = [...m.byUnit].filter((u) => u.tasks > 0).sort((a, b) => b.metRate - a.metRate).slice(0, 3);
    if (leading.length > 0) {
      sections.push({ heading: '各单位推进情况', body: clip(leading.map((u) => `${u.name}：任务 ${u.tasks} 项，达标率 ${u.metRate}%，逾期 ${u.overdue} 项。`).join('\n')) });
    }
    if (m.overdue.length > 0) {
      const list = m.overdue.slice(0, MAX_OVERDUE).map((o, i) => `${i + 1}. ${o.unitName}承担的${o.indicatorCode} ${o.indicatorName}（${o.stageLabel}），已逾期 ${o.daysOverdue} 天${o.escalationLabel ? `，已${o.escalationLabel}` : ''}。`);
      if (m.overdue.length > MAX_OVERDUE) list.push(`另有 ${m.overdue.length - MAX_OVERDUE} 项逾期任务，详见月度专题汇报。`);
      sections.push({ heading: '逾期任务', body: clip(list.join('\n')) });
    }
  } else {
    sources.push(`${when}的月度专题汇报尚未生成，总体进展一节请手工填写`);
  }
  if (f.ranking && (f.ranking.best.length > 0 || f.ranking.worst.length > 0)) {
    sources.push(`红黑榜（${f.ranking.weekLabel}）`);
    const lines = [`红榜：${f.ranking.best.join('、') || '暂无'}。`, `黑榜：${f.ranking.worst.join('、') || '暂无'}。`];
    for (const flag of f.ranking.flagged) lines.push(`${flag.unitName}已连续 ${flag.weeksRunning} 周列入黑榜，请单位主要负责人高度重视。`);
    sections.push({ heading: `红黑榜（${f.ranking.weekLabel}）`, body: clip(lines.join('\n')) });
  } else {
    sources.push('红黑榜暂无完整周的数据');
  }
  if (f.findings.length > 0) {
    sources.push(`${when}发现的整改问题 ${f.findings.length} 个`);
    const list = f.findings.slice(0, MAX_FINDINGS).map((x, i) => `${i + 1}. ${x.address ? `${x.address}：` : ''}${x.description}（${x.unitName ?? '待派单'}，${x.stateLabel}${x.dueDate ? `，整改期限 ${x.dueDate}` : ''}${x.overdue ? '，已逾期' : ''}）`);
    if (f.findings.length > MAX_FINDINGS) list.push(`另有 ${f.findings.length - MAX_FINDINGS} 个问题，详见整改看板。`);
    sections.push({ heading: '检查发现的问题', body: clip(list.join('\n')) });
  } else {
    sources.push(`${when}未发现新的整改问题`);
  }
  sections.push({
    heading: f.kind === 'SUPERVISION_CIRCULAR' ? '整改要求' : '下步工作',
    body:
      f.kind === 'SUPERVISION_CIRCULAR'
        ? '请被点名单位对照通报问题立即整改，整改情况在创文工作看板上传佐证材料，并在规定期限内签收本通报。'
        : '各单位要对照测评体系查漏补缺，加快推进逾期任务，巩固已达标成果，确保按期完成各项创建任务。',
  });
  // Number the headings in order: 一、二、三…
  const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const numbered = sections.map((s, i) => ({ heading: `${numerals[i] ?? String(i + 1)}、${s.heading.replace(/^[一二三四五六七八九十]+、/, '')}`, body: s.body }));
  return { title: `${when}创文${BRIEFING_KIND_LABELS[f.kind]}`, sections: numbered, sources };
}
