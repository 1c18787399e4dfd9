import { lazy, Suspense, useState } from 'react';
import { Button, Layout, Menu, Result, Space, Spin, Switch, Tooltip, Typography } from 'antd';
import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { ChangePasswordDialog } from './session/ChangePasswordDialog';
import { useI18n } from './i18n';
import { SignInPage } from './session/SignInPage';
import { useSession } from './session/session';
import { CampaignHeader } from './shell/CampaignHeader';
import { NotificationBell } from './shell/NotificationBell';
import { SCREENS, routeHref, screensFor } from './shell/navigation';
import { useRoute } from './shell/useRoute';
import { ROLE_LABELS } from './i18n/roles';

// Each screen is loaded when first opened: a unit member's phone never downloads the dashboard's charts.
const BoardPage = lazy(() => import('./board/BoardPage'));
const ApprovalsPage = lazy(() => import('./approvals/ApprovalsPage'));
const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const ReportPage = lazy(() => import('./report/ReportPage'));
const RoundsPage = lazy(() => import('./rounds/RoundsPage'));
const PaperworkPage = lazy(() => import('./paperwork/PaperworkPage'));
const GroupsPage = lazy(() => import('./groups/GroupsPage'));
const OfficePage = lazy(() => import('./office/OfficePage'));

/** 「外滩社区工作人员（责任单位成员 · 外滩社区）」; a name that already says the role (李督查（督查检查组）) is not told twice. */
function whoLabel(me: { displayName: string; role: keyof typeof ROLE_LABELS; unit: { name: string } | null }): string {
  const role = ROLE_LABELS[me.role];
  const parts = [me.displayName.includes(role) ? null : role, me.unit?.name ?? null].filter((p): p is string => p !== null);
  return parts.length > 0 ? `${me.displayName}（${parts.join(' · ')}）` : me.displayName;
}

export function App({ largeText, onLargeText }: { largeText: boolean; onLargeText(on: boolean): void }) {
  const { me, checking, signOut } = useSession();
  const { t, locale, setLocale } = useI18n();
  const route = useRoute();
  const [changingPassword, setChangingPassword] = useState(false);

  if (checking) return <Spin fullscreen tip={t('loading')} />;
  if (!me) return <SignInPage />;

  const allowed = screensFor(me.role);
  const screen = allowed.includes(route.screen) ? route.screen : 'board';
  const items = SCREENS.filter((s) => allowed.includes(s.screen)).map((s) => ({ key: s.screen, label: <a href={routeHref(s.screen)}>{t(s.label)}</a> }));

  return (
    <Layout className="app">
      <Layout.Header className="app-header">
        <CampaignHeader />
        <Space size="middle" wrap className="app-user">
          <NotificationBell />
          <Typography.Text className="who" data-testid="who">
            {whoLabel(me)}
          </Typography.Text>
          <Tooltip title={t('largeText')}>
            <Switch size="small" checked={largeText} onChange={onLargeText} aria-label={t('largeText')} />
          </Tooltip>
          <Button size="small" onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}>
            {t('language')}
          </Button>
          <Button size="small" icon={<KeyOutlined />} onClick={() => setChangingPassword(true)}>
            {t('changePassword')}
          </Button>
          <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut()}>
            {t('signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Menu mode="horizontal" selectedKeys={[screen]} items={items} className="app-nav" aria-label="主导航" />
      <Layout.Content className="app-content">
        <Suspense fallback={<Spin tip={t('loading')}><div style={{ height: 200 }} /></Spin>}>
          {screen === 'board' && <BoardPage route={route} />}
          {screen === 'approvals' && <ApprovalsPage route={route} />}
          {screen === 'dashboard' && <DashboardPage route={route} />}
          {screen === 'report' && <ReportPage route={route} />}
          {screen === 'rounds' && <RoundsPage route={route} />}
          {screen === 'paperwork' && <PaperworkPage route={route} />}
          {screen === 'groups' && <GroupsPage route={route} />}
          {screen === 'office' && <OfficePage route={route} />}
        </Suspense>
        {!allowed.includes(route.screen) && route.screen !== 'board' && <Result status="403" subTitle={t('notFound')} />}
      </Layout.Content>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout>
  );
}
