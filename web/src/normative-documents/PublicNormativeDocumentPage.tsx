// One normative document in force, with its text (public, no login).
import { Link, useParams } from 'react-router-dom';
import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { PageSpinner } from '../app/PageSpinner';
import { useLoad } from '../app/useLoad';
import { publicNormativeApi } from './api';
import './strings';

export default function PublicNormativeDocumentPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const load = useLoad((signal) => publicNormativeApi.detail(id!, signal), [id]);
  if (load.error) return <LoadError message={load.error} onRetry={load.reload} />;
  if (!load.data) return <PageSpinner />;
  const d = load.data;
  return (
    <Card title={d.title} data-testid="public-normative-document" extra={<Link to="/public/normative-documents">{t('normativeDocs.public.back')}</Link>}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('normativeDocs.field.number')}>{d.documentNumber}</Descriptions.Item>
        <Descriptions.Item label={t('normativeDocs.field.issuedOn')}>{d.issuedOn}</Descriptions.Item>
        <Descriptions.Item label={t('normativeDocs.field.effectiveOn')}>{d.effectiveOn}</Descriptions.Item>
        <Descriptions.Item label={t('normativeDocs.field.validity')}>{d.validUntilOn}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 16 }}>{d.body}</Typography.Paragraph>
    </Card>
  );
}

