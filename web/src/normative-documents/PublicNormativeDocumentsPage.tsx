// 现行有效规范性文件 (public, no login; 政府信息公开条例 第二十条(一)): the documents in force today.
import { Link } from 'react-router-dom';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { publicNormativeApi, type PublicDocument } from './api';
import './strings';

export default function PublicNormativeDocumentsPage() {
  const { t } = useTranslation();
  const load = useLoad((signal) => publicNormativeApi.list(signal), []);
  return (
    <Card title={t('normativeDocs.public.title')} data-testid="public-normative-documents-page">
      <Typography.Paragraph type="secondary">{t('normativeDocs.public.intro', { on: load.data?.asOfOn ?? '' })}</Typography.Paragraph>
      <ListPage<PublicDocument>
        load={load}
        rowKey="id"
        data-testid="public-normative-documents-list"
        empty={t('normativeDocs.public.empty')}
        scroll={{ x: 700 }}
        columns={[
          { title: t('normativeDocs.field.number'), dataIndex: 'documentNumber', width: 170 },
          { title: t('normativeDocs.field.title'), dataIndex: 'title', render: (v: string, d) => <Link to={`/public/normative-documents/${d.id}`}>{v}</Link> },
          { title: t('normativeDocs.field.issuedOn'), dataIndex: 'issuedOn', width: 120 },
          { title: t('normativeDocs.field.effectiveOn'), dataIndex: 'effectiveOn', width: 120 },
          { title: t('normativeDocs.field.validity'), dataIndex: 'validUntilOn', width: 120 },
        ]}
      />
    </Card>
  );
}
