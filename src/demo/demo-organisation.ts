// The invented organisation of the demo: a sub-district with its departments, communities, a village, a
// school, a market company and a service centre; people for every role; who leads and who does each
// indicator. Illustrative only, like the catalog beside it.
import type { Role } from '../../workflows/shared/actor.types';

export const DEMO_CAMPAIGN = {
  id: 'demo-2027',
  name: '外滩街道创建全国文明城区（演示）',
  inspectionDate: '2027-06-30',
  timeZone: 'Asia/Shanghai',
};

export const DEMO_UNITS = [
  { code: 'DZB', name: '街道党政办', kind: 'DEPARTMENT' },
  { code: 'XCB', name: '街道宣传统战办', kind: 'DEPARTMENT' },
  { code: 'ZHZF', name: '街道综合行政执法队', kind: 'DEPARTMENT' },
  { code: 'HWS', name: '街道环卫所', kind: 'DEPARTMENT' },
  { code: 'PAB', name: '街道平安办', kind: 'DEPARTMENT' },
  { code: 'SCJG', name: '街道市场监管所', kind: 'DEPARTMENT' },
  { code: 'BMFW', name: '街道便民服务中心', kind: 'SERVICE_WINDOW' },
  { code: 'WTSQ', name: '外滩社区', kind: 'COMMUNITY' },
  { code: 'BJSQ', name: '滨江社区', kind: 'COMMUNITY' },
  { code: 'DHC', name: '东湖村', kind: 'VILLAGE' },
  { code: 'ZXXX', name: '街道中心小学', kind: 'SCHOOL' },
  { code: 'NMSC', name: '外滩农贸市场有限公司', kind: 'ENTERPRISE' },
] as const;

export interface DemoUser {
  login: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
}

export const DEMO_USERS: DemoUser[] = [
  { login: 'leader', displayName: '王组长（领导小组）', role: 'LEADER', unitCode: null },
  { login: 'office', displayName: '张霞（创建办主任）', role: 'OFFICE', unitCode: null },
  { login: 'supervisor', displayName: '李督查（督查检查组）', role: 'SUPERVISOR', unitCode: null },
  { login: 'supervisor2', displayName: '赵督查（督查检查组）', role: 'SUPERVISOR', unitCode: null },
  { login: 'archivist', displayName: '陈档案（档案组）', role: 'ARCHIVIST', unitCode: null },
  ...DEMO_UNITS.flatMap((unit) => [
    { login: `${unit.code.toLowerCase()}.head`, displayName: `${unit.name}负责人`, role: 'UNIT_HEAD' as const, unitCode: unit.code },
    { login: `${unit.code.toLowerCase()}.member`, displayName: `${unit.name}工作人员`, role: 'UNIT_MEMBER' as const, unitCode: unit.code },
  ]),
];

/** Lead unit and responsible units per rectification area, and per item where no area applies. */
const BY_AREA: Record<string, { lead: string; units: string[] }> = {
  CITY_APPEARANCE: { lead: 'ZHZF', units: ['ZHZF', 'WTSQ', 'BJSQ'] },
  SANITATION: { lead: 'HWS', units: ['HWS', 'WTSQ', 'DHC'] },
  TRAFFIC_ORDER: { lead: 'PAB', units: ['PAB', 'BJSQ'] },
  PUBLIC_SECURITY: { lead: 'PAB', units: ['PAB', 'WTSQ'] },
  MARKETS: { lead: 'SCJG', units: ['NMSC'] },
  SERVICE_WINDOWS: { lead: 'BMFW', units: ['BMFW'] },
};
const BY_ITEM: Record<string, { lead: string; units: string[] }> = {
  A: { lead: 'XCB', units: ['XCB', 'WTSQ'] },
  B: { lead: 'XCB', units: ['ZXXX'] },
  I: { lead: 'XCB', units: ['WTSQ', 'BJSQ', 'DHC'] },
  J: { lead: 'DZB', units: ['DZB'] },
};

export function demoAssignment(indicatorCode: string, area: string | null): { lead: string; units: string[] } {
  return (area ? BY_AREA[area] : undefined) ?? BY_ITEM[indicatorCode.charAt(0)] ?? { lead: 'DZB', units: ['DZB'] };
}

/** Deadlines spread over the special-rectification phase, item by item (Asia/Shanghai end of day). */
export function demoDueAt(indicatorCode: string): string {
  const months = ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31'];
  const offset = indicatorCode.charCodeAt(0) - 'A'.charCodeAt(0);
  const month = months[((offset % months.length) + months.length) % months.length];
  return new Date(`${month}T23:59:59+08:00`).toISOString();
}
