// 工作组: what the plan's working groups keep in the system beyond tasks and items — the special rectification drives
// (专项整治), the funding ledger (保障组) and the other groups' ledgers. Each tab is shown to the roles that take part
// in it; a unit sees its own part. The tabs are listed in GROUP_TABS (groups/tabs.tsx).
import { Empty, Tabs } from 'antd';
import { useMe } from '../session/session';
import type { Route } from '../shell/navigation';
import { GROUP_TABS } from './tabs';

export default function GroupsPage({ route }: { route: Route }) {
  const me = useMe();
  const tabs = GROUP_TABS.filter((t) => t.roles.includes(me.role));
  if (tabs.length === 0) return <Empty description="暂无可查看的工作组台账" />;
  const active = tabs.some((t) => t.key === route.params.get('tab')) ? route.params.get('tab')! : tabs[0].key;
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => {
        location.hash = `#/groups?tab=${key}`;
      }}
      destroyOnHidden
      items={tabs.map((t) => ({ key: t.key, label: t.label, children: t.render() }))}
    />
  );
}
