// A site check's verdict, the units touched and the reasons (reusable on the EIA pages).
import { Alert, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { refusalText } from '../app/format';
import { currentLang } from '../i18n';
import { KIND_COLOURS } from './ZoningMap';
import type { SiteCheck, ZoningVerdict } from './types';

const VERDICT_TYPE: Record<ZoningVerdict, 'success' | 'warning' | 'error' | 'info'> = {
  allowed: 'success', restricted: 'warning', prohibited: 'error', 'outside-all-units': 'info',
};

export function SiteCheckResult({ result }: { result: SiteCheck }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="zoning-result">
      <Alert type={VERDICT_TYPE[result.verdict]} showIcon data-testid="zoning-verdict" data-verdict={result.verdict}
        message={t(`zoning.verdict.${result.verdict}`)}
        description={result.verdict === 'prohibited' ? t('zoning.prohibitedBasis') : undefined} />
      {result.units.length > 0 && (
        <Space wrap data-testid="zoning-touched-units">
          {result.units.map((u) => (
            <Tag key={u.id} color={KIND_COLOURS[u.kind]}>{u.name}（{u.code}）· {t(`zoning.kind.${u.kind}`)}{u.demo ? ` · ${t('zoning.demo')}` : ''}</Tag>
          ))}
        </Space>
      )}
      <List size="small" bordered dataSource={result.reasons} data-testid="zoning-reasons"
        renderItem={(r) => (
          <List.Item>
            <Typography.Text data-testid={`zoning-reason-${r.code}`}>
              {/* The text is the server's (Chinese, with the unit's own data); other languages get the rule's name first. */}
              {currentLang() === 'zh-CN' ? r.text : `${refusalText(t, r.code)}: ${r.text}`}
            </Typography.Text>
          </List.Item>
        )} />
    </Space>
  );
}
