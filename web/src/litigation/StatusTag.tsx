import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Challenge } from './api';
import './strings';

/** Pending, or the outcome (red when it reversed the bureau). */
export function StatusTag({ c }: { c: Challenge }) {
  const { t } = useTranslation();
  if (c.pending) return <Tag color="orange">{t('litigation.pending')}</Tag>;
  return <Tag color={c.reversed ? 'red' : 'green'}>{c.outcome ? t(`litigation.outcome.${c.outcome}`) : t('litigation.closed')}</Tag>;
}
