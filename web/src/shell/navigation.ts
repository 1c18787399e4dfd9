// The screens, and who sees which: the board for everyone (a unit its own cards), the approval queue for those who
// approve, the dashboard for the leading group and the office, the report form for those who report problems,
// inspection rounds for the supervision group and the office, the paperwork (文书档案: plans, briefings, monthly
// reports, the archive) for everyone, the working groups' ledgers (工作组: drives, funding, …) for those who keep or
// read them, and the desk (工作台: the campaign's clock, reports,
// imports, accounts) for the office-level roles, each tab for the roles that may use it.
import type { Role } from '../api/types';
import type { WordKey } from '../i18n';

export type Screen = 'board' | 'approvals' | 'dashboard' | 'report' | 'rounds' | 'paperwork' | 'groups' | 'office';

export const SCREENS: { screen: Screen; label: WordKey; roles: readonly Role[] }[] = [
  { screen: 'board', label: 'navBoard', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'] },
  { screen: 'approvals', label: 'navApprovals', roles: ['SUPERVISOR', 'ARCHIVIST', 'OFFICE'] },
  { screen: 'dashboard', label: 'navDashboard', roles: ['LEADER', 'OFFICE'] },
  // Unit people report their own area there (属地上报; the page lets only communities and villages).
  { screen: 'report', label: 'navReport', roles: ['SUPERVISOR', 'OFFICE', 'LEADER', 'UNIT_HEAD', 'UNIT_MEMBER'] },
  { screen: 'rounds', label: 'navRounds', roles: ['SUPERVISOR', 'OFFICE', 'LEADER'] },
  { screen: 'paperwork', label: 'navPaperwork', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'] },
  { screen: 'groups', label: 'navGroups', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'] },
  { screen: 'office', label: 'navOffice', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST'] },
];

export function screensFor(role: Role): Screen[] {
  return SCREENS.filter((s) => s.roles.includes(role)).map((s) => s.screen);
}

/** The route: `#/board`, `#/approvals`, …, with query parameters such as `card` (the open card). */
export interface Route {
  screen: Screen;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const screen = SCREENS.some((s) => s.screen === path) ? (path as Screen) : 'board';
  return { screen, params: new URLSearchParams(query) };
}

export function routeHref(screen: Screen, params: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')).toString();
  return `#/${screen}${query ? `?${query}` : ''}`;
}
