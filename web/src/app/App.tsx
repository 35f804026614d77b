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
import { PublicLayout } from '../disclosure';

const LoginPage = lazy(() => import('../auth/LoginPage'));
const EnterpriseListPage = lazy(() => import('../enterprises/EnterpriseListPage'));
const EnterpriseDetailPage = lazy(() => import('../enterprises/EnterpriseDetailPage'));
const EnterpriseFormPage = lazy(() => import('../enterprises/EnterpriseFormPage'));
const AuditLogPage = lazy(() => import('../audit/AuditLogPage'));
const UsersPage = lazy(() => import('../users/UsersPage'));
const CalendarPage = lazy(() => import('../calendar/CalendarPage'));
const SettingsPage = lazy(() => import('../settings/SettingsPage'));
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
const MonitoringDevicesPage = lazy(() => import('../monitoring/DevicesPage'));
const MonitoringLimitsPage = lazy(() => import('../monitoring/LimitsPage'));
const MonitoringChannelsPage = lazy(() => import('../monitoring/ChannelsPage'));
const MonitoringUnknownCodesPage = lazy(() => import('../monitoring/UnknownCodesPage'));
const MonitoringSimulationPage = lazy(() => import('../monitoring/SimulationPage'));
const SupervisionRiskPage = lazy(() => import('../supervision/RiskPage'));
const SupervisionRiskWeightsPage = lazy(() => import('../supervision/RiskWeightsPage'));
const SupervisionListsPage = lazy(() => import('../supervision/ListsPage'));
const SupervisionDrawPage = lazy(() => import('../supervision/DrawPage'));
const SupervisionComplaintsPage = lazy(() => import('../supervision/ComplaintsPage'));
const ExemptionCataloguePage = lazy(() => import('../exemptions/CataloguePage'));
const CaseExemptionPage = lazy(() => import('../exemptions/CaseExemptionPage'));
const DiscretionPage = lazy(() => import('../discretion/DiscretionPage'));
const FileReviewWorkbenchPage = lazy(() => import('../file-review/WorkbenchPage'));
const FileReviewResultsPage = lazy(() => import('../file-review/ResultsPage'));
const WorkbenchPage = lazy(() => import('../workbench/WorkbenchPage'));
const ThresholdReviewPage = lazy(() => import('../workbench/ThresholdReviewPage'));
const TrainingListPage = lazy(() => import('../training/TrainingListPage'));
const TrainingExamPage = lazy(() => import('../training/ExamPage'));
const StudySessionsPage = lazy(() => import('../training/StudySessionsPage'));
const PopularisationPage = lazy(() => import('../training/PopularisationPage'));
const TypicalCasesPage = lazy(() => import('../training/TypicalCasesPage'));
const TypicalCasePage = lazy(() => import('../training/TypicalCasePage'));
const TrainingFiguresPage = lazy(() => import('../training/YearFiguresPage'));
const CampaignListPage = lazy(() => import('../campaigns/CampaignListPage'));
const CampaignDetailPage = lazy(() => import('../campaigns/CampaignDetailPage'));
const ZoningPage = lazy(() => import('../zoning/ZoningPage'));
const PermitsPage = lazy(() => import('../permits/PermitsPage'));
const PermitDetailPage = lazy(() => import('../permits/PermitDetailPage'));
const EiaListPage = lazy(() => import('../eia/EiaListPage'));
const EiaDetailPage = lazy(() => import('../eia/EiaDetailPage'));
const EiaBoardPage = lazy(() => import('../eia/EiaBoardPage'));
const AnnualTaskListPage = lazy(() => import('../campaigns/AnnualTaskListPage'));
const AnnualTaskDetailPage = lazy(() => import('../campaigns/AnnualTaskDetailPage'));
const DispatchPage = lazy(() => import('../campaigns/DispatchPage'));
const InfoRequestListPage = lazy(() => import('../info-requests/InfoRequestListPage'));
const CounselListPage = lazy(() => import('../counsel/CounselListPage'));
const AnnualReportPage = lazy(() => import('../annual-report/AnnualReportPage'));
const CounselDetailPage = lazy(() => import('../counsel/CounselDetailPage'));
const CounselTaskPage = lazy(() => import('../counsel/CounselTaskPage'));
const MeetingListPage = lazy(() => import('../meetings/MeetingListPage'));
const MeetingDetailPage = lazy(() => import('../meetings/MeetingDetailPage'));
const LitigationListPage = lazy(() => import('../litigation/LitigationListPage'));
const LitigationDetailPage = lazy(() => import('../litigation/LitigationDetailPage'));
const InfoRequestDetailPage = lazy(() => import('../info-requests/InfoRequestDetailPage'));
const InfoErrorReportsPage = lazy(() => import('../info-requests/ErrorReportsPage'));
const PublicRequestsPage = lazy(() => import('../info-requests/PublicRequestsPage'));
const PublicErrorReportPage = lazy(() => import('../info-requests/PublicErrorReportPage'));
const NormativeDocumentListPage = lazy(() => import('../normative-documents/NormativeDocumentListPage'));
const NormativeDocumentDetailPage = lazy(() => import('../normative-documents/NormativeDocumentDetailPage'));
const PublicNormativeDocumentsPage = lazy(() => import('../normative-documents/PublicNormativeDocumentsPage'));
const PublicNormativeDocumentPage = lazy(() => import('../normative-documents/PublicNormativeDocumentPage'));
const PublicDecisionsPage = lazy(() => import('../disclosure/PublicDecisionsPage'));
const PublicDecisionPage = lazy(() => import('../disclosure/PublicDecisionPage'));
const PublicRankingsPage = lazy(() => import('../disclosure/PublicRankingsPage'));
const PublicRankingPage = lazy(() => import('../disclosure/PublicRankingsPage').then((m) => ({ default: m.PublicRankingPage })));
const PublicTypicalCasesPage = lazy(() => import('../disclosure/PublicTypicalCasesPage'));
const PublicPositiveListPage = lazy(() => import('../disclosure/PublicPositiveListPage'));
const WebhooksPage = lazy(() => import('../webhooks/WebhooksPage'));
const PublicEnterprisePage = lazy(() => import('../disclosure/PublicEnterprisePage'));
const PublicDistrictPage = lazy(() => import('../compliance/PublicDistrictPage'));
const WatchListPage = lazy(() => import('../compliance/WatchListPage'));
const PublicWatchListPage = lazy(() => import('../compliance/PublicWatchListPage'));
const PublicationQueuePage = lazy(() => import('../disclosure/PublicationQueuePage'));
const DecisionListPage = lazy(() => import('../decisions/DecisionListPage'));
const DecisionDetailPage = lazy(() => import('../decisions/DecisionDetailPage'));
const PublicMajorDecisionsPage = lazy(() => import('../decisions/PublicMajorDecisionsPage').then((m) => ({ default: m.PublicMajorDecisionsPage })));
const PublicMajorDecisionPage = lazy(() => import('../decisions/PublicMajorDecisionsPage').then((m) => ({ default: m.PublicMajorDecisionPage })));
// 移动执法: the officer's phone app, outside the desktop layout; it works offline with the day's work.
const FieldApp = lazy(() => import('../field/FieldApp'));

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
  if (user) return <Navigate to="/" replace />;
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
                  <Route path="field" element={<FieldApp />} />
                  <Route path="public/requests" element={<PublicRequestsPage />} />
                  <Route path="public/error-reports" element={<PublicErrorReportPage />} />
                  <Route path="public/error-reports/:ticket" element={<PublicErrorReportPage />} />
                  {/* 行政处罚公示: the public portal, outside the login gate. */}
                  <Route element={<PublicLayout />}>
                    <Route path="public" element={<PublicDecisionsPage />} />
                    <Route path="public/decisions/:id" element={<PublicDecisionPage />} />
                    <Route path="public/rankings" element={<PublicRankingsPage />} />
                    <Route path="public/rankings/:id" element={<PublicRankingPage />} />
                    <Route path="public/typical-cases" element={<PublicTypicalCasesPage />} />
                    <Route path="public/positive-list" element={<PublicPositiveListPage />} />
                    <Route path="public/enterprises/:id" element={<PublicEnterprisePage />} />
                    <Route path="public/normative-documents" element={<PublicNormativeDocumentsPage />} />
                    <Route path="public/normative-documents/:id" element={<PublicNormativeDocumentPage />} />
                    <Route path="public/districts/:id" element={<PublicDistrictPage />} />
                    <Route path="public/watch-list" element={<PublicWatchListPage />} />
                    <Route path="public/major-decisions" element={<PublicMajorDecisionsPage />} />
                    <Route path="public/major-decisions/:id" element={<PublicMajorDecisionPage />} />
                  </Route>
                  <Route
                    element={
                      <RequireAuth>
                        <AppLayout />
                      </RequireAuth>
                    }
                  >
                    <Route index element={<WorkbenchPage />} />
                    <Route
                      path="workbench/threshold-review"
                      element={
                        <RequirePermission permission="case.legal_review">
                          <ThresholdReviewPage />
                        </RequirePermission>
                      }
                    />
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
                      path="users"
                      element={
                        <RequirePermission permission="user.manage">
                          <UsersPage />
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
                    <Route
                      path="settings"
                      element={
                        <RequirePermission permission="settings.manage">
                          <SettingsPage />
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
                        ['monitoring/devices', 'monitoring.read', <MonitoringDevicesPage />],
                        ['monitoring/limits', 'monitoring.read', <MonitoringLimitsPage />],
                        ['monitoring/channels', 'monitoring.read', <MonitoringChannelsPage />],
                        ['monitoring/unknown-codes', 'monitoring.read', <MonitoringUnknownCodesPage />],
                        ['monitoring/simulation', 'monitoring.manage', <MonitoringSimulationPage />],
                        ['supervision/risk', 'supervision.read', <SupervisionRiskPage />],
                        ['supervision/weights', 'supervision.read', <SupervisionRiskWeightsPage />],
                        ['supervision/lists', 'supervision.read', <SupervisionListsPage />],
                        ['supervision/draws', 'supervision.read', <SupervisionDrawPage />],
                        ['supervision/complaints', 'supervision.read', <SupervisionComplaintsPage />],
                      ] as const
                    ).map(([path, permission, page]) => (
                      <Route key={path} path={path} element={<RequirePermission permission={permission}>{page}</RequirePermission>} />
                    ))}
                    <Route path="supervision" element={<Navigate to="/supervision/risk" replace />} />
                    <Route path="training" element={<TrainingListPage />} />
                    <Route path="training/exams/:id" element={<TrainingExamPage />} />
                    <Route path="training/study" element={<StudySessionsPage />} />
                    <Route path="training/popularisation" element={<PopularisationPage />} />
                    <Route path="training/typical-cases" element={<TypicalCasesPage />} />
                    <Route path="training/typical-cases/:id" element={<TypicalCasePage />} />
                    <Route path="training/figures" element={<RequirePermission permission="training.manage"><TrainingFiguresPage /></RequirePermission>} />
                    <Route path="campaigns" element={<RequirePermission permission="case.read"><CampaignListPage /></RequirePermission>} />
                    <Route path="campaigns/:id" element={<RequirePermission permission="case.read"><CampaignDetailPage /></RequirePermission>} />
                    <Route path="disclosure" element={<RequirePermission permission="disclosure.publish"><PublicationQueuePage /></RequirePermission>} />
                    <Route path="webhooks" element={<RequirePermission permission="disclosure.manage"><WebhooksPage /></RequirePermission>} />
                    <Route path="watch-list" element={<RequirePermission permission="case.read"><WatchListPage /></RequirePermission>} />
                    <Route path="info-requests" element={<RequirePermission permission="info_request.handle"><InfoRequestListPage /></RequirePermission>} />
                    <Route path="info-requests/error-reports" element={<InfoErrorReportsPage />} />
                    <Route path="info-requests/:id" element={<RequirePermission permission="info_request.handle"><InfoRequestDetailPage /></RequirePermission>} />
                    <Route path="normative-documents" element={<RequirePermission permission="normative_doc.read"><NormativeDocumentListPage /></RequirePermission>} />
                    <Route path="normative-documents/:id" element={<RequirePermission permission="normative_doc.read"><NormativeDocumentDetailPage /></RequirePermission>} />
                    <Route path="counsel" element={<RequirePermission permission="counsel.read"><CounselListPage /></RequirePermission>} />
                    <Route path="annual-report" element={<RequirePermission permission="annual_report.read"><AnnualReportPage /></RequirePermission>} />
                    <Route path="counsel/tasks/:id" element={<RequirePermission permission="counsel.read"><CounselTaskPage /></RequirePermission>} />
                    <Route path="counsel/:id" element={<RequirePermission permission="counsel.read"><CounselDetailPage /></RequirePermission>} />
                    <Route path="meetings" element={<RequirePermission permission="meeting.read"><MeetingListPage /></RequirePermission>} />
                    <Route path="meetings/:id" element={<RequirePermission permission="meeting.read"><MeetingDetailPage /></RequirePermission>} />
                    <Route path="litigation" element={<RequirePermission permission="litigation.read"><LitigationListPage /></RequirePermission>} />
                    <Route path="litigation/:id" element={<RequirePermission permission="litigation.read"><LitigationDetailPage /></RequirePermission>} />
                    <Route path="zoning" element={<RequirePermission permission="licensing.read"><ZoningPage /></RequirePermission>} />
                    {/* Staff (licensing.read) and enterprise users (licensing.apply, their own permits): the server scopes both. */}
                    <Route path="permits" element={<PermitsPage />} />
                    <Route path="permits/:id" element={<PermitDetailPage />} />
                    {/* EIA approval: staff (licensing.read) and enterprise users (licensing.apply, their own): the server scopes both. */}
                    <Route path="licensing" element={<EiaListPage />} />
                    <Route path="licensing/board" element={<RequirePermission permission="licensing.read"><EiaBoardPage /></RequirePermission>} />
                    <Route path="licensing/:id" element={<EiaDetailPage />} />
                    <Route path="decisions" element={<RequirePermission permission="decision.read"><DecisionListPage /></RequirePermission>} />
                    <Route path="decisions/:id" element={<RequirePermission permission="decision.read"><DecisionDetailPage /></RequirePermission>} />
                    {/* 年度重点任务: every staff role (quality.read is in every staff role's READ_ALL, not the enterprise user's). */}
                    <Route path="annual-tasks" element={<RequirePermission permission="quality.read"><AnnualTaskListPage /></RequirePermission>} />
                    <Route path="annual-tasks/dispatch" element={<RequirePermission permission="quality.read"><DispatchPage /></RequirePermission>} />
                    <Route path="annual-tasks/:id" element={<RequirePermission permission="quality.read"><AnnualTaskDetailPage /></RequirePermission>} />
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
