import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { AuthProvider, useAuth } from './auth';
import { AppLayout } from './AppLayout';
import { ErrorBoundary } from './ErrorBoundary';
import { NotFound } from './NotFound';
import { PageSpinner } from './PageSpinner';
import type { Permission } from './types';

const LoginPage = lazy(() => import('../auth/LoginPage'));
const EnterpriseListPage = lazy(() => import('../enterprises/EnterpriseListPage'));
const EnterpriseDetailPage = lazy(() => import('../enterprises/EnterpriseDetailPage'));
const EnterpriseFormPage = lazy(() => import('../enterprises/EnterpriseFormPage'));
const AuditLogPage = lazy(() => import('../audit/AuditLogPage'));
const CalendarPage = lazy(() => import('../calendar/CalendarPage'));
const CaseListPage = lazy(() => import('../cases/CaseListPage'));
const CaseDetailPage = lazy(() => import('../cases/CaseDetailPage'));
const LeadListPage = lazy(() => import('../cases/LeadListPage'));
const DeadlinesPage = lazy(() => import('../cases/DeadlinesPage'));
const ReviewQueuePage = lazy(() => import('../cases/ReviewQueuePage'));
const CommitteePage = lazy(() => import('../cases/CommitteePage'));
const AirDailyRankingPage = lazy(() => import('../air-quality/DailyRankingPage'));
const AirMonthlyRankingPage = lazy(() => import('../air-quality/MonthlyRankingPage'));
const AirStationMapPage = lazy(() => import('../air-quality/StationMapPage'));
const AirTrendsPage = lazy(() => import('../air-quality/TrendsPage'));
const AirAssessmentPage = lazy(() => import('../air-quality/AssessmentPage'));
const AirSanctionsPage = lazy(() => import('../air-quality/SanctionsPage'));
const AirStationsPage = lazy(() => import('../air-quality/StationsPage'));
const WaterQualityPage = lazy(() => import('../water-quality/WaterQualityPage'));
const MonitoringBoardPage = lazy(() => import('../monitoring/BoardPage'));
const MonitoringEventsPage = lazy(() => import('../monitoring/EventsPage'));
const MonitoringRejectionsPage = lazy(() => import('../monitoring/RejectionsPage'));
const SupervisionRiskPage = lazy(() => import('../supervision/RiskPage'));
const SupervisionListsPage = lazy(() => import('../supervision/ListsPage'));
const SupervisionDrawPage = lazy(() => import('../supervision/DrawPage'));
const SupervisionComplaintsPage = lazy(() => import('../supervision/ComplaintsPage'));
const ExemptionCataloguePage = lazy(() => import('../exemptions/CataloguePage'));
const CaseExemptionPage = lazy(() => import('../exemptions/CaseExemptionPage'));
const DiscretionPage = lazy(() => import('../discretion/DiscretionPage'));
const FileReviewWorkbenchPage = lazy(() => import('../file-review/WorkbenchPage'));
const FileReviewResultsPage = lazy(() => import('../file-review/ResultsPage'));

function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const location = useLocation();
  if (user === undefined) return <PageSpinner />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  const { t } = useTranslation();
  if (!can(permission)) return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  return <>{children}</>;
}

function LoginRoute() {
  const { user } = useAuth();
  if (user === undefined) return <PageSpinner />;
  if (user) return <Navigate to="/enterprises" replace />;
  return <LoginPage />;
}

const THEME = { token: { colorPrimary: '#1f7a4d' } } as const;

export function App() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  dayjs.locale(en ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <ErrorBoundary>
              <Suspense fallback={<PageSpinner />}>
                <Routes>
                  <Route path="/login" element={<LoginRoute />} />
                  <Route
                    element={
                      <RequireAuth>
                        <AppLayout />
                      </RequireAuth>
                    }
                  >
                    <Route index element={<Navigate to="/enterprises" replace />} />
                    <Route path="enterprises" element={<EnterpriseListPage />} />
                    <Route
                      path="enterprises/new"
                      element={
                        <RequirePermission permission="enterprise.write">
                          <EnterpriseFormPage />
                        </RequirePermission>
                      }
                    />
                    <Route path="enterprises/:id" element={<EnterpriseDetailPage />} />
                    <Route path="enterprises/:id/edit" element={<EnterpriseFormPage />} />
                    <Route
                      path="audit"
                      element={
                        <RequirePermission permission="audit.read">
                          <AuditLogPage />
                        </RequirePermission>
                      }
                    />
                    <Route
                      path="calendar"
                      element={
                        <RequirePermission permission="calendar.manage">
                          <CalendarPage />
                        </RequirePermission>
                      }
                    />
                    {(
                      [
                        ['cases', <CaseListPage />],
                        ['cases/:id', <CaseDetailPage />],
                        ['leads', <LeadListPage />],
                        ['deadlines', <DeadlinesPage />],
                        ['review-queue', <ReviewQueuePage />],
                        ['committee', <CommitteePage />],
                      ] as const
                    ).map(([path, page]) => (
                      <Route key={path} path={path} element={<RequirePermission permission="case.read">{page}</RequirePermission>} />
                    ))}
                    {(
                      [
                        ['exemptions', <ExemptionCataloguePage />],
                        ['exemptions/cases/:caseId', <CaseExemptionPage />],
                        ['discretion', <DiscretionPage />],
                      ] as const
                    ).map(([path, page]) => (
                      <Route key={path} path={path} element={<RequirePermission permission="case.read">{page}</RequirePermission>} />
                    ))}
                    {(
                      [
                        ['file-review', <FileReviewWorkbenchPage />],
                        ['file-review/results', <FileReviewResultsPage />],
                      ] as const
                    ).map(([path, page]) => (
                      <Route key={path} path={path} element={<RequirePermission permission="file_review.score">{page}</RequirePermission>} />
                    ))}
                    <Route path="air-quality" element={<Navigate to="/air-quality/daily" replace />} />
                    {(
                      [
                        ['air-quality/daily', <AirDailyRankingPage />],
                        ['air-quality/monthly', <AirMonthlyRankingPage />],
                        ['air-quality/map', <AirStationMapPage />],
                        ['air-quality/trends', <AirTrendsPage />],
                        ['air-quality/assessment', <AirAssessmentPage />],
                        ['air-quality/sanctions', <AirSanctionsPage />],
                        ['air-quality/stations', <AirStationsPage />],
                        ['water-quality', <WaterQualityPage />],
                      ] as const
                    ).map(([path, page]) => (
                      <Route key={path} path={path} element={<RequirePermission permission="quality.read">{page}</RequirePermission>} />
                    ))}
                    <Route path="monitoring" element={<Navigate to="/monitoring/board" replace />} />
                    {(
                      [
                        ['monitoring/board', 'monitoring.read', <MonitoringBoardPage />],
                        ['monitoring/events', 'monitoring.read', <MonitoringEventsPage />],
                        ['monitoring/rejections', 'monitoring.manage', <MonitoringRejectionsPage />],
                        ['supervision/risk', 'supervision.read', <SupervisionRiskPage />],
                        ['supervision/lists', 'supervision.read', <SupervisionListsPage />],
                        ['supervision/draws', 'supervision.read', <SupervisionDrawPage />],
                        ['supervision/complaints', 'supervision.read', <SupervisionComplaintsPage />],
                      ] as const
                    ).map(([path, permission, page]) => (
                      <Route key={path} path={path} element={<RequirePermission permission={permission}>{page}</RequirePermission>} />
                    ))}
                    <Route path="supervision" element={<Navigate to="/supervision/risk" replace />} />
                    <Route path="*" element={<NotFound />} />
                  </Route>
                </Routes>
              </Suspense>
            </ErrorBoundary>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
