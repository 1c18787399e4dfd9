// The window-service checklist (规范化检查表, issue 20, plan 五(二)8): the points an inspection round checks a
// window-service unit (organisation kind SERVICE_WINDOW) against. The office keeps it per campaign, each save a new
// version; until the office saves one, the default below (version 0) holds, taken from the plan and the catalog's
// 窗口服务 criteria (H1 服务规范、公开承诺、文明用语; H2 无障碍设施; H3 排队等候; H4 投诉及服务热线).
import { DomainError } from '../platform/errors/domain-error';
import { MAX_CHECKLIST_POINTS, MAX_POINT_LABEL } from '../../workflows/inspection-round/inspection-round.decide';
import type { WindowChecklistPoint } from '../../workflows/inspection-round/inspection-round.types';

export const DEFAULT_WINDOW_CHECKLIST: readonly WindowChecklistPoint[] = [
  { code: 'LZSG', label: '亮证上岗（工作牌、岗位牌齐全）' },
  { code: 'FWCN', label: '服务承诺公开上墙' },
  { code: 'BSZN', label: '办事指南齐全、一次性告知' },
  { code: 'WMYY', label: '文明用语规范，无生硬推诿' },
  { code: 'BMSS', label: '便民设施完好（无障碍坡道、扶手、座椅、饮水）' },
  { code: 'HJZJ', label: '环境整洁有序' },
  { code: 'PDDH', label: '排队等候不超过15分钟' },
  { code: 'TSRX', label: '投诉及服务热线接通并答复' },
];

export interface WindowChecklist {
  /** 0: the default, never saved by the office. */
  version: number;
  points: WindowChecklistPoint[];
  savedBy: string | null;
  savedAt: string | null;
}

/** A point's code: letters, digits, - and _, at most 32; checked character by character (no regular expression). */
function validCode(code: string): boolean {
  if (code.length === 0 || code.length > 32) return false;
  for (const ch of code) {
    const c = ch.charCodeAt(0);
    const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
    if (!ok) return false;
  }
  return true;
}

/** The points as they will be saved, or a coded error naming the first problem. */
export function checklistPoints(points: readonly { code: string; label: string }[]): WindowChecklistPoint[] {
  if (!Array.isArray(points) || points.length === 0 || points.length > MAX_CHECKLIST_POINTS) {
    throw new DomainError('BAD_USER_INPUT', `检查表须有1到${MAX_CHECKLIST_POINTS}个检查项目`, 'points');
  }
  const seen = new Set<string>();
  return points.map((p, i) => {
    const code = typeof p?.code === 'string' ? p.code.trim() : '';
    const label = typeof p?.label === 'string' ? p.label.trim() : '';
    if (!validCode(code)) throw new DomainError('BAD_USER_INPUT', `第${i + 1}项的编码须为1到32位字母、数字、-或_`, 'points');
    if (seen.has(code.toUpperCase())) throw new DomainError('BAD_USER_INPUT', `检查项目编码「${code}」重复`, 'points');
    seen.add(code.toUpperCase());
    if (label === '' || [...label].length > MAX_POINT_LABEL) throw new DomainError('BAD_USER_INPUT', `第${i + 1}项的名称须为1到${MAX_POINT_LABEL}字`, 'points');
    return { code, label };
  });
}
