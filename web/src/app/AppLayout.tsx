import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Badge, Button, Drawer, Grid, Layout, Menu, Space, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import {
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CloudOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FlagOutlined,
  HomeOutlined,
  LogoutOutlined,
  MenuOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  ShopOutlined,
  SlidersOutlined,
  TeamOutlined,
  UserOutlined,
  ScheduleOutlined,
} from '@ant-design/icons';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { ApiOutlined } from '@ant-design/icons';
import { FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth';
import { PageSpinner } from './PageSpinner';
import { LanguageSwitch } from './LanguageSwitch';
import { roleLabel } from './labels';
import { workbenchApi } from '../workbench/api';

const { Header, Sider, Content } = Layout;

interface MenuEntry {
  key: string;
  icon: ReactNode;
  /** Live entries have a path; "coming" entries don't. */
  path?: string;
  permission?: string;
  /** A second permission that also shows the entry (enterprise users applying). */
  orPermission?: string;
}

const MENU: MenuEntry[] = [
  { key: 'workbench', icon: <HomeOutlined />, path: '/' },
  { key: 'enterprises', icon: <ShopOutlined />, path: '/enterprises' },
  { key: 'audit', icon: <AuditOutlined />, path: '/audit', permission: 'audit.read' },
  { key: 'users', icon: <UserOutlined />, path: '/users', permission: 'user.manage' },
  { key: 'calendar', icon: <CalendarOutlined />, path: '/calendar', permission: 'calendar.manage' },
  { key: 'settings', icon: <SettingOutlined />, path: '/settings', permission: 'settings.manage' },
  { key: 'cases', icon: <FileProtectOutlined />, path: '/cases', permission: 'case.read' },
  { key: 'leads', icon: <AimOutlined />, path: '/leads', permission: 'case.read' },
  { key: 'deadlines', icon: <FieldTimeOutlined />, path: '/deadlines', permission: 'case.read' },
  { key: 'review-queue', icon: <SafetyOutlined />, path: '/review-queue', permission: 'case.read' },
  { key: 'committee', icon: <TeamOutlined />, path: '/committee', permission: 'case.read' },
  { key: 'exemptions', icon: <SafetyCertificateOutlined />, path: '/exemptions', permission: 'case.read' },
  { key: 'discretion', icon: <CalculatorOutlined />, path: '/discretion', permission: 'case.read' },
  { key: 'file-review', icon: <FileSearchOutlined />, path: '/file-review', permission: 'file_review.score' },
  { key: 'supervision', icon: <SlidersOutlined />, path: '/supervision', permission: 'supervision.read' },
  { key: 'monitoring', icon: <DashboardOutlined />, path: '/monitoring', permission: 'monitoring.read' },
  { key: 'licensing', icon: <FileDoneOutlined />, path: '/licensing', permission: 'licensing.read', orPermission: 'licensing.apply' },
  { key: 'zoning', icon: <EnvironmentOutlined />, path: '/zoning', permission: 'licensing.read' },
  { key: 'permits', icon: <AuditOutlined />, path: '/permits', permission: 'licensing.read' },
  { key: 'decisions', icon: <BankOutlined />, path: '/decisions', permission: 'decision.read' },
  { key: 'normative-documents', icon: <FileTextOutlined />, path: '/normative-documents', permission: 'normative_doc.read' },
  { key: 'air-quality', icon: <CloudOutlined />, path: '/air-quality', permission: 'quality.read' },
  { key: 'water-quality', icon: <ExperimentOutlined />, path: '/water-quality', permission: 'quality.read' },
  { key: 'campaigns', icon: <FlagOutlined />, path: '/campaigns', permission: 'case.read' },
  { key: 'annual-tasks', icon: <ScheduleOutlined />, path: '/annual-tasks', permission: 'quality.read' },
  { key: 'training', icon: <ReadOutlined />, path: '/training' },
  { key: 'disclosure', icon: <NotificationOutlined />, path: '/disclosure', permission: 'disclosure.publish' },
  { key: 'webhooks', icon: <ApiOutlined />, path: '/webhooks', permission: 'disclosure.manage' },
  { key: 'watch-list', icon: <NotificationOutlined />, path: '/watch-list', permission: 'case.read' },
  { key: 'info-requests', icon: <QuestionCircleOutlined />, path: '/info-requests', permission: 'info_request.handle' },
  { key: 'counsel', icon: <SafetyCertificateOutlined />, path: '/counsel', permission: 'counsel.read' },
  { key: 'meetings', icon: <TeamOutlined />, path: '/meetings', permission: 'meeting.read' },
  { key: 'litigation', icon: <AuditOutlined />, path: '/litigation', permission: 'litigation.read' },
  { key: 'annual-report', icon: <BookOutlined />, path: '/annual-report', permission: 'annual_report.read' },
];

export function AppLayout() {
  const { t } = useTranslation();
  const { user, logout, can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // Below 768 px (a phone) the side menu becomes a drawer behind a menu button.
  const narrow = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const selected = location.pathname.split('/')[1] || 'workbench';
  // Menu badges: open work per entry (the workbench's counts), refreshed on every navigation.
  const [badges, setBadges] = useState<Record<string, number>>({});
  useEffect(() => {
    if (!user) return;
    const ctrl = new AbortController();
    workbenchApi.badges(ctrl.signal).then((r) => setBadges(r.badges), () => undefined);
    return () => ctrl.abort();
  }, [user, location.pathname, location.search]);

  const items = useMemo<MenuProps['items']>(
    () =>
      MENU.filter((m) => !m.permission || can(m.permission) || (!!m.orPermission && can(m.orPermission))).map((m) => {
        const label = t(`menu.${m.key}`);
        if (m.path) {
          return {
            key: m.key,
            icon: m.icon,
            label: (
              <>
                <span data-testid={`menu-${m.key}`}>{label}</span>
                {badges[m.key] ? (
                  <Badge count={badges[m.key]} size="small" overflowCount={99} style={{ marginInlineStart: 8 }} data-testid={`menu-badge-${m.key}`} />
                ) : null}
              </>
            ),
            title: label,
          };
        }
        return {
          key: m.key,
          icon: m.icon,
          disabled: true,
          title: label,
          label: (
            <span className="ecogov-coming-item" data-testid={`menu-${m.key}`}>
              <span className="ecogov-coming-label">{label}</span>
              <Tag className="ecogov-coming-tag" bordered={false}>
                {t('app.comingSoon')}
              </Tag>
            </span>
          ),
        };
      }),
    [t, can, badges],
  );

  if (!user) return null;

  // One menu, in the drawer on a narrow screen (closed after a pick) or in the side bar.
  const sideMenu = (
    <Menu
      mode="inline"
      data-testid="side-menu"
      selectedKeys={[selected]}
      items={items}
      onClick={({ key }) => {
        const entry = MENU.find((m) => m.key === key);
        if (entry?.path) navigate(entry.path);
        setDrawerOpen(false);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          paddingInline: narrow ? 12 : 20,
          gap: narrow ? 8 : 16,
          background: '#12402a',
        }}
      >
        {narrow && (
          <Button data-testid="menu-toggle" aria-label={t('menu.workbench')} icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} />
        )}
        <div className="ecogov-brand" data-testid="product-name" style={{ flex: 1, minWidth: 0 }}>
          {t('app.productName')}
        </div>
        <Space size={narrow ? "small" : "middle"} align="center">
          <Space size={6} style={{ color: 'rgba(255,255,255,0.9)' }}>
            <UserOutlined />
            <span data-testid="current-user" className={narrow ? 'ecogov-user-narrow' : undefined}>{user.displayName}</span>
            <Tag color="green" style={{ marginInlineEnd: 0, display: narrow ? 'none' : undefined }} data-testid="current-role">
              {roleLabel(t, user.role)}
            </Tag>
            {user.districtName && !narrow && (
              <Typography.Text style={{ color: 'rgba(255,255,255,0.65)' }}>{user.districtName}</Typography.Text>
            )}
          </Space>
          <LanguageSwitch />
          <Tooltip title={t('app.logout')}>
            <Button
              data-testid="logout"
              size="small"
              icon={<LogoutOutlined />}
              onClick={() => {
                void logout().then(() => navigate('/login', { replace: true }));
              }}
            >
              {narrow ? null : t('app.logout')}
            </Button>
          </Tooltip>
        </Space>
      </Header>
      <Layout>
        {narrow ? (
          <Drawer placement="left" open={drawerOpen} onClose={() => setDrawerOpen(false)} width={260} styles={{ body: { padding: 0 } }} data-testid="menu-drawer">
            {sideMenu}
          </Drawer>
        ) : (
          <Sider
            className="ecogov-sider"
            width={248}
            theme="light"
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            style={{ borderInlineEnd: '1px solid #f0f0f0' }}
          >
            {sideMenu}
          </Sider>
        )}
        <Content style={{ padding: narrow ? 12 : 20, minWidth: 0 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
