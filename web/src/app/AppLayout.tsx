import { Suspense, useMemo, useState, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Button, Layout, Menu, Space, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import {
  AimOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CloudOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FlagOutlined,
  LogoutOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ShopOutlined,
  SlidersOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth';
import { PageSpinner } from './PageSpinner';
import { LanguageSwitch } from './LanguageSwitch';
import { roleLabel } from './labels';

const { Header, Sider, Content } = Layout;

interface MenuEntry {
  key: string;
  icon: ReactNode;
  /** Live entries have a path; "coming" entries don't. */
  path?: string;
  permission?: string;
}

const MENU: MenuEntry[] = [
  { key: 'enterprises', icon: <ShopOutlined />, path: '/enterprises' },
  { key: 'audit', icon: <AuditOutlined />, path: '/audit', permission: 'audit.read' },
  { key: 'calendar', icon: <CalendarOutlined />, path: '/calendar', permission: 'calendar.manage' },
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
  { key: 'licensing', icon: <FileDoneOutlined /> },
  { key: 'decisions', icon: <BankOutlined /> },
  { key: 'air-quality', icon: <CloudOutlined />, path: '/air-quality', permission: 'quality.read' },
  { key: 'water-quality', icon: <ExperimentOutlined />, path: '/water-quality', permission: 'quality.read' },
  { key: 'campaigns', icon: <FlagOutlined /> },
  { key: 'training', icon: <ReadOutlined /> },
  { key: 'disclosure', icon: <NotificationOutlined /> },
  { key: 'annual-report', icon: <BookOutlined /> },
];

export function AppLayout() {
  const { t } = useTranslation();
  const { user, logout, can } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);

  const selected = location.pathname.split('/')[1] || 'enterprises';

  const items = useMemo<MenuProps['items']>(
    () =>
      MENU.filter((m) => !m.permission || can(m.permission)).map((m) => {
        const label = t(`menu.${m.key}`);
        if (m.path) {
          return {
            key: m.key,
            icon: m.icon,
            label: <span data-testid={`menu-${m.key}`}>{label}</span>,
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
    [t, can],
  );

  if (!user) return null;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 16,
          paddingInline: 20,
          background: '#12402a',
        }}
      >
        <div className="ecogov-brand" data-testid="product-name" style={{ flex: 1, minWidth: 0 }}>
          {t('app.productName')}
        </div>
        <Space size="middle" align="center">
          <Space size={6} style={{ color: 'rgba(255,255,255,0.9)' }}>
            <UserOutlined />
            <span data-testid="current-user">{user.displayName}</span>
            <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="current-role">
              {roleLabel(t, user.role)}
            </Tag>
            {user.districtName && (
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
              {t('app.logout')}
            </Button>
          </Tooltip>
        </Space>
      </Header>
      <Layout>
        <Sider
          className="ecogov-sider"
          width={248}
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          style={{ borderInlineEnd: '1px solid #f0f0f0' }}
        >
          <Menu
            mode="inline"
            data-testid="side-menu"
            selectedKeys={[selected]}
            items={items}
            onClick={({ key }) => {
              const entry = MENU.find((m) => m.key === key);
              if (entry?.path) navigate(entry.path);
            }}
            style={{ borderInlineEnd: 'none' }}
          />
        </Sider>
        <Content style={{ padding: 20, minWidth: 0 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
