// The steps the server offers on this case now: enabled ones open their form; the others say why not.
import { Alert, Button, Card, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { refusalText } from './shared';
import type { CaseAction, CaseActionName } from './types';

/** Codes that only say "not at this stage": shown on hover, not listed as legal gates. */
const ROUTINE = new Set(['STAGE_DOES_NOT_ALLOW', 'CASE_ARCHIVED']);

export function ActionPanel({ actions, archived, onPick }: { actions: CaseAction[]; archived: boolean; onPick(action: CaseActionName): void }) {
  const { t } = useTranslation();
  const allowed = actions.filter((a) => a.allowed);
  const refused = actions.filter((a) => !a.allowed);
  const gates = refused.filter((a) => !ROUTINE.has(a.code ?? ''));
  return (
    <Card title={t('cases.detail.actions')} size="small" data-testid="case-actions">
      {actions.length === 0 && !archived && <Typography.Text type="secondary">{t('cases.detail.noActions')}</Typography.Text>}
      {archived && <Alert type="info" showIcon message={refusalText(t, 'CASE_ARCHIVED')} data-testid="case-archived-notice" style={{ marginBottom: 12 }} />}
      {allowed.length > 0 && (
        <Space wrap style={{ marginBottom: refused.length ? 12 : 0 }}>
          {allowed.map((a) => (
            <Button key={a.action} type="primary" onClick={() => onPick(a.action)} data-testid={`action-${a.action}`} data-allowed="true">
              {t(`cases.action.${a.action}`)}
            </Button>
          ))}
        </Space>
      )}
      {!archived && refused.length > 0 && (
        <Space wrap>
          {refused.map((a) => (
            <Tooltip key={a.action} title={refusalText(t, a.code, a.citation)}>
              <Button size="small" disabled data-testid={`action-${a.action}`} data-allowed="false">
                {t(`cases.action.${a.action}`)}
              </Button>
            </Tooltip>
          ))}
        </Space>
      )}
      {!archived && gates.length > 0 && (
        <ul className="ecogov-gates" style={{ margin: '12px 0 0', paddingInlineStart: 18 }} data-testid="case-gates">
          {gates.map((a) => (
            <li key={a.action} data-testid={`action-refusal-${a.action}`} data-code={a.code}>
              <Typography.Text strong>{t(`cases.action.${a.action}`)}</Typography.Text>
              {'：'}
              <Typography.Text type="danger">{refusalText(t, a.code, a.citation)}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
