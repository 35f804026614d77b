// 下一步: what · who · by when — computed by the server (src/cases/rules/next-step.ts), shown at the top of the case.
import { Alert, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NextStep as NextStepJson } from '../../../src/cases/rules/next-step';
import { ProvisionalTag } from './ProvisionalTag';
import { citationText } from './shared';

export type { NextStepJson };

export function NextStep({ next, name }: { next: NextStepJson | null | undefined; name: (id: number) => string }) {
  const { t } = useTranslation();
  if (next === undefined) return null;
  if (next === null) {
    return <Alert type="info" showIcon data-testid="next-step" data-what="none" message={`${t('cases.detail.nextStep')}：${t('cases.detail.nextStepNone')}`} />;
  }
  const what = next.what.startsWith('await_') ? t(`cases.detail.next${next.what.charAt(0).toUpperCase()}${next.what.slice(1)}`) : t(`cases.action.${next.what}`);
  const who = next.who.police
    ? t('cases.detail.nextPolice')
    : next.who.party
      ? t('cases.detail.nextParty')
      : next.who.userIds.length
        ? next.who.userIds.map(name).join('、')
        : next.who.roles.map((r) => t(`role.${r}`)).join(' / ');
  const by = next.by;
  const byLabel = !by
    ? t('cases.detail.nextNoDeadline')
    : by.kind === 'hearing'
      ? `${t('cases.detail.nextHearingDay')} ${t('cases.detail.nextOn', { on: by.on })}`
      : `${by.kind === 'courtEnforcement' ? t('cases.detail.nextCourtWindow') : t(`cases.deadlineKind.${by.kind}`)} ${t('cases.detail.nextBy', { on: by.on })}`;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="next-step"
      data-what={next.what}
      data-by={by?.on ?? ''}
      message={
        <Space wrap size={4}>
          <Typography.Text strong>{t('cases.detail.nextStep')}：</Typography.Text>
          <span data-testid="next-step-what">{what}</span>
          <span>·</span>
          <span data-testid="next-step-who">{who}</span>
          <span>·</span>
          <span data-testid="next-step-by">{byLabel}</span>
          <ProvisionalTag provisional={by?.provisional} testId="next-step-provisional" />
          <Typography.Text type="secondary">{citationText(t, next.citation)}</Typography.Text>
        </Space>
      }
    />
  );
}
