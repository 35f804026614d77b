// The permits section of an enterprise's page: its permits and registrations with validity and renewal.
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLoad } from '../app/useLoad';
import { permitApi } from './api';
import { part, PermitTable } from './PermitsPage';
import type { Board } from './types';

export function EnterprisePermitsCard({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const load = useLoad<Board>((signal) => permitApi.board(enterpriseId, signal), [enterpriseId]);
  return <Card title={t('permits.title')} data-testid="enterprise-permits"><PermitTable load={part(load, (b) => b.permits)} /></Card>;
}
