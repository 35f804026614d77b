// 依申请公开: the requests with their reply clocks, and the annual report table (第四十九条, 第五十条).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Descriptions, InputNumber, Space, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ListPage } from '../app/ListPage';
import { LoadError } from '../app/LoadError';
import { useLoad } from '../app/useLoad';
import { useSubmit } from '../app/useSubmit';
import { infoRequestApi, REPLY_KINDS, type InfoRequest } from './api';
import { DueTag } from './DueTag';
import { RegisterModal } from './RegisterModal';

function AnnualCard() {
  const { t } = useTranslation();
  const [year, setYear] = useState(new Date().getFullYear());
  const load = useLoad((signal) => infoRequestApi.annual(year, signal), [year]);
  const { busy, submit } = useSubmit();
  const a = load.data;
  return (
    <Card
      title={t('infoRequests.annual.title')}
      data-testid="info-annual"
      extra={(
        <Space>
          <InputNumber value={year} min={2019} max={2100} onChange={(v) => v && setYear(v)} data-testid="info-annual-year" />
          <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void submit(() => infoRequestApi.exportAnnual(year), t('infoRequests.annual.exported'))} data-testid="info-annual-export">
            {t('infoRequests.annual.export')}
          </Button>
        </Space>
      )}
    >
      <LoadError message={load.error} onRetry={load.reload} />
      {a && (
        <Descriptions bordered size="small" column={2}>
          <Descriptions.Item label={t('infoRequests.annual.dueOn')}>{a.dueOn}</Descriptions.Item>
          <Descriptions.Item label={t('infoRequests.annual.carriedOver')}>{a.carriedOver}</Descriptions.Item>
          <Descriptions.Item label={t('infoRequests.annual.received')}>{a.received.total}</Descriptions.Item>
          <Descriptions.Item label={t('infoRequests.annual.byApplicant')}>
            {t('infoRequests.applicantKind.citizen')} {a.received.citizen} / {t('infoRequests.applicantKind.organisation')} {a.received.organisation}
          </Descriptions.Item>
          {REPLY_KINDS.map((k) => <Descriptions.Item key={k.kind} label={t(`infoRequests.replyKind.${k.kind}`)}>{a.replied[k.kind] ?? 0}</Descriptions.Item>)}
          <Descriptions.Item label={t('infoRequests.annual.replied')}>{a.replied.total}</Descriptions.Item>
          <Descriptions.Item label={t('infoRequests.annual.carriedForward')}>{a.carriedForward}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

export default function InfoRequestListPage() {
  const { t } = useTranslation();
  const load = useLoad((signal) => infoRequestApi.list(signal), []);
  const [registering, setRegistering] = useState(false);
  const registerButton = <Button type="primary" onClick={() => setRegistering(true)} data-testid="ir-register">{t('infoRequests.register')}</Button>;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('infoRequests.title')} data-testid="info-requests-page" extra={<Space>{registerButton}<Link to="/info-requests/error-reports">{t('infoRequests.errors.title')}</Link></Space>}>
        <ListPage<InfoRequest>
          load={load}
          rowKey="id"
          data-testid="info-requests-list"
          empty={t('infoRequests.empty')}
          emptyAction={registerButton}
          columns={[
            { title: t('infoRequests.field.number'), dataIndex: 'number', width: 170, render: (v: string, r) => <Link to={`/info-requests/${r.id}`}>{v}</Link> },
            { title: t('infoRequests.field.applicantName'), dataIndex: 'applicantName', width: 140 },
            { title: t('infoRequests.field.description'), dataIndex: 'description', ellipsis: true },
            { title: t('infoRequests.field.status'), dataIndex: 'status', width: 110, render: (v: string) => <Tag>{t(`infoRequests.status.${v}`)}</Tag> },
            { title: t('infoRequests.field.dueOn'), key: 'due', width: 170, render: (_: unknown, r) => <DueTag r={r} /> },
          ]}
        />
        <RegisterModal open={registering} onClose={() => setRegistering(false)} onSaved={() => { setRegistering(false); load.reload(); }} />
      </Card>
      <AnnualCard />
    </Space>
  );
}
