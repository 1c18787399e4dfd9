// The 工作组 page's tabs, in the order the plan names the groups. Each module adds its own line.
import type { Role } from '../api/types';
import FundingTab from '../funding/FundingTab';

export interface GroupTab {
  key: string;
  label: string;
  roles: readonly Role[];
  render(): JSX.Element;
}

export const GROUP_TABS: GroupTab[] = [
  { key: 'funding', label: '经费保障', roles: ['LEADER', 'OFFICE', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <FundingTab /> },
];
