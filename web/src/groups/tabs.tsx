// The 工作组 page's tabs, in the order the plan names the groups. Each module adds its own line.
import type { Role } from '../api/types';
import SurveysTab from '../surveys/SurveysTab';
import SpecialDrivesTab from '../special-drives/SpecialDrivesTab';
import FundingTab from '../funding/FundingTab';
import ActivitiesTab from '../activities/ActivitiesTab';
import PublicityTab from '../publicity/PublicityTab';
import ReviewTab from '../review/ReviewTab';
import LeadMeetingsTab from '../lead-meetings/LeadMeetingsTab';

export interface GroupTab {
  key: string;
  label: string;
  roles: readonly Role[];
  render(): JSX.Element;
}

export const GROUP_TABS: GroupTab[] = [
  { key: 'special-drives', label: '专项整治', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <SpecialDrivesTab /> },
  { key: 'surveys', label: '问卷调查', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <SurveysTab /> },
  { key: 'publicity', label: '宣传台账', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <PublicityTab /> },
  { key: 'funding', label: '经费保障', roles: ['LEADER', 'OFFICE', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <FundingTab /> },
  { key: 'activities', label: '活动记录', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <ActivitiesTab /> },
  { key: 'lead-meetings', label: '牵头协调', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <LeadMeetingsTab /> },
  { key: 'review', label: '总结评议', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <ReviewTab /> },
];
