// The public portal's frame: no login, no menu, plain links; readable on a phone. Other public pages (requests
// for information, error reports) render inside it: as a parent route (<Outlet />) or wrapping `children`.
import type { ReactNode } from 'react';
import { Layout, Space, Typography } from 'antd';
import { Link, Outlet } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../app/LanguageSwitch';
import './publicListsStrings';

export function PublicLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Layout style={{ minHeight: '100vh', background: '#fff' }} data-testid="public-layout">
      <Layout.Header style={{ background: '#1f7a4d', height: 'auto', lineHeight: 1.6, padding: '8px 16px' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0, color: '#fff' }}>{t('disclosure.public.portal')}</Typography.Title>
          <Space wrap size={16}>
            <Link style={{ color: '#fff' }} to="/public">{t('disclosure.public.decisions')}</Link>
            <Link style={{ color: '#fff' }} to="/public/rankings">{t('publicLists.nav.rankings')}</Link>
            <Link style={{ color: '#fff' }} to="/public/typical-cases">{t('publicLists.nav.typicalCases')}</Link>
            <Link style={{ color: '#fff' }} to="/public/positive-list">{t('publicLists.nav.positiveList')}</Link>
            <Link style={{ color: '#fff' }} to="/public/normative-documents">{t('publicLists.nav.normativeDocuments')}</Link>
            <Link style={{ color: '#fff' }} to="/public/major-decisions">{t('publicLists.nav.majorDecisions')}</Link>
            <Link style={{ color: '#fff' }} to="/public/watch-list">{t('compliance.watch.title')}</Link>
            <Link style={{ color: '#fff' }} to="/public/requests">{t('disclosure.public.requests')}</Link>
            <Link style={{ color: '#fff' }} to="/public/error-reports">{t('disclosure.public.errorReports')}</Link>
            <LanguageSwitch />
          </Space>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: '16px 12px', maxWidth: 1100, margin: '0 auto', width: '100%' }}>{children ?? <Outlet />}</Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', fontSize: 12 }}>{t('disclosure.public.footer')}</Layout.Footer>
    </Layout>
  );
}
