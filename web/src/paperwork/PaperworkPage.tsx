// 文书档案: the campaign's paperwork, for every role — the 实施方案 and each unit's own plan and 创文 group
// (mobilisation), the numbered 工作简报 and 督查通报, the units' monthly 专题汇报, and the archive library with the
// package handed to the 区创建办. Each tab is shown to the roles that take part in it; a unit sees its own part.
import { Tabs } from 'antd';
import type { Role } from '../api/types';
import { useMe } from '../session/session';
import type { Route } from '../shell/navigation';
import ArchiveTab from '../archive/ArchiveTab';
import BriefingsTab from '../briefings/BriefingsTab';
import MobilizationTab from '../mobilization/MobilizationTab';
import UnitReportsTab from '../unit-reports/UnitReportsTab';

const TABS: { key: string; label: string; roles: readonly Role[]; render(): JSX.Element }[] = [
  { key: 'mobilization', label: '动员部署', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <MobilizationTab /> },
  { key: 'briefings', label: '简报通报', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <BriefingsTab /> },
  { key: 'unit-reports', label: '专题汇报', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <UnitReportsTab /> },
  { key: 'archive', label: '档案库', roles: ['LEADER', 'OFFICE', 'SUPERVISOR', 'ARCHIVIST', 'UNIT_HEAD', 'UNIT_MEMBER'], render: () => <ArchiveTab /> },
];

export default function PaperworkPage({ route }: { route: Route }) {
  const me = useMe();
  const tabs = TABS.filter((t) => t.roles.includes(me.role));
  const active = tabs.some((t) => t.key === route.params.get('tab')) ? route.params.get('tab')! : tabs[0]?.key;
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => {
        location.hash = `#/paperwork?tab=${key}`;
      }}
      destroyOnHidden
      items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.render() }))}
    />
  );
}
