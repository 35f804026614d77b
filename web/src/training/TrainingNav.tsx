// The 学法普法 section's own tabs: exams, study sessions, popularisation, typical cases, the year's figures.
import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';

export function TrainingNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { can } = useAuth();
  const tabs = [
    { value: '/training', label: t('learning.nav.exams') },
    { value: '/training/study', label: t('learning.nav.study') },
    { value: '/training/popularisation', label: t('learning.nav.popularisation') },
    { value: '/training/typical-cases', label: t('learning.nav.typicalCases') },
    ...(can('training.manage') ? [{ value: '/training/figures', label: t('learning.nav.figures') }] : []),
  ];
  const current = [...tabs].reverse().find((x) => pathname === x.value || pathname.startsWith(`${x.value}/`))?.value ?? '/training';
  return (
    <Segmented data-testid="training-nav" style={{ marginBottom: 16 }} value={current} onChange={(v) => navigate(String(v))}
      options={tabs.map((x) => ({ value: x.value, label: <span data-testid={`training-nav-${x.value.split('/')[2] ?? 'exams'}`}>{x.label}</span> }))} />
  );
}

export const thisYear = () => new Date().getFullYear();
