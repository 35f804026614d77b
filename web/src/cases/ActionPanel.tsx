// The steps the user may take on this case now, as buttons; the others behind "为什么不能…", each with
// its missing precondition and article (the server's refusal: src/cases/rules/preconditions.ts).
import { Alert, Button, Card, Collapse, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { refusalText } from './shared';
import type { CaseAction, CaseActionName } from './types';

/** A refused action as the server sends it: the refusal's params (dates) where it has any. */
type Refused = CaseAction & { params?: Record<string, string | number> };

const PARAM_KEYS: Record<string, string> = {
  earliestOn: 'cases.detail.paramEarliestOn', latestOn: 'cases.detail.paramLatestOn', statementDueOn: 'cases.detail.paramStatementDueOn',
  hearingRequestDueOn: 'cases.detail.paramHearingRequestDueOn', sinceOn: 'cases.detail.paramSinceOn',
};

export function ActionPanel({ actions, archived, onPick }: { actions: CaseAction[]; archived: boolean; onPick(action: CaseActionName): void }) {
  const { t } = useTranslation();
  const allowed = actions.filter((a) => a.allowed);
  const refused = actions.filter((a) => !a.allowed) as Refused[];
  const hints = (a: Refused) => Object.entries(a.params ?? {}).filter(([k]) => PARAM_KEYS[k]).map(([k, v]) => t(PARAM_KEYS[k]!, { on: v }));
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
        <Collapse
          size="small"
          data-testid="why-not"
          // Open when there is nothing to do: then the reasons are the page's answer.
          defaultActiveKey={allowed.length === 0 ? ['why-not'] : []}
          items={[{
            key: 'why-not',
            forceRender: true,
            label: t('cases.detail.whyNot', { count: refused.length }),
            children: (
              <ul className="ecogov-gates" style={{ margin: 0, paddingInlineStart: 18 }} data-testid="case-gates">
                {refused.map((a) => (
                  <li key={a.action} data-testid={`why-not-${a.action}`} style={{ marginBottom: 4 }}>
                    <Button size="small" type="text" disabled data-testid={`action-${a.action}`} data-allowed="false" style={{ paddingInline: 0 }}>
                      <Typography.Text strong>{t(`cases.action.${a.action}`)}</Typography.Text>
                    </Button>
                    {'：'}
                    <Typography.Text type="danger" data-testid={`action-refusal-${a.action}`} data-code={a.code}>
                      {refusalText(t, a.code, a.citation)}
                    </Typography.Text>
                    {hints(a).length > 0 && <Typography.Text type="secondary">{`（${hints(a).join('；')}）`}</Typography.Text>}
                  </li>
                ))}
              </ul>
            ),
          }]}
        />
      )}
    </Card>
  );
}
