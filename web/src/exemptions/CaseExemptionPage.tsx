// One case checked against the catalogue: the page around <ExemptionPanel>.
import { Link, useParams } from 'react-router-dom';
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExemptionPanel } from './ExemptionPanel';
import './strings';

export default function CaseExemptionPage() {
  const { t } = useTranslation();
  const caseId = Number(useParams().caseId);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small">
        <Space>
          <Typography.Title level={5} style={{ margin: 0 }}>{t('exemptions.panel.title')}</Typography.Title>
          <Link to={`/cases/${caseId}`} data-testid="exemption-case-link">{t('exemptions.panel.openCase')}</Link>
        </Space>
      </Card>
      <ExemptionPanel caseId={caseId} />
    </Space>
  );
}
