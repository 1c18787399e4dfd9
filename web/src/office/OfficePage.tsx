// 工作台: the office's and the leading group's desk — what the plan gives them beyond the board: imports, the
// campaign's clock, reports, and who may reach the system. Each tab is shown to the roles the API lets do it.
import { Tabs } from 'antd';
import type { Role } from '../api/types';
import { useMe } from '../session/session';
import type { Route } from '../shell/navigation';
import { AccessDenials, ServiceAccounts } from './AccessTab';
import { ClockTab } from './ClockTab';
import { ImportsTab } from './ImportsTab';
import { PeopleTab } from './PeopleTab';
import { PolicyTab } from './PolicyTab';
import { MonthlyReports, PerformanceAssessment } from './ReportsTab';
import { ExportArchivePackageButton } from '../archive/ArchivePackages';

const TABS: { key: string; label: string; roles: readonly Role[]; render(): JSX.Element }[] = [
  { key: 'clock', label: '活动进程', roles: ['OFFICE', 'LEADER', 'SUPERVISOR'], render: () => <ClockTab /> },
  { key: 'monthly', label: '月度汇报', roles: ['OFFICE', 'LEADER', 'SUPERVISOR', 'ARCHIVIST'], render: () => <MonthlyReports /> },
  { key: 'performance', label: '绩效考核', roles: ['OFFICE', 'LEADER', 'SUPERVISOR'], render: () => <PerformanceAssessment /> },
  { key: 'people', label: '人员与单位', roles: ['OFFICE', 'LEADER'], render: () => <PeopleTab /> },
  { key: 'policy', label: '时限规则', roles: ['OFFICE'], render: () => <PolicyTab /> },
  { key: 'imports', label: '导入', roles: ['OFFICE'], render: () => <ImportsTab /> },
  { key: 'accounts', label: '服务账号', roles: ['OFFICE'], render: () => <ServiceAccounts /> },
  { key: 'denials', label: '拒绝访问记录', roles: ['OFFICE', 'LEADER'], render: () => <AccessDenials /> },
];

export default function OfficePage({ route }: { route: Route }) {
  const me = useMe();
  const tabs = TABS.filter((t) => t.roles.includes(me.role));
  const active = tabs.some((t) => t.key === route.params.get('tab')) ? route.params.get('tab')! : tabs[0]?.key;
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => {
        location.hash = `#/office?tab=${key}`;
      }}
      destroyOnHidden
      tabBarExtraContent={<ExportArchivePackageButton />}
      items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.render() }))}
    />
  );
}
