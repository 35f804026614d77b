// The whole procedure as a stage bar: where the case stands, with the branches it took (hearing,
// re-notification, no-penalty or exemption decision, crime transfer). The stages come from the server
// (`stagePath`: legal review, collective discussion and hearing only where they apply).
import { Card, Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { STAGES } from './shared';
import type { CaseDetail, CaseStage } from './types';

/** The timeline steps that complete each stage: the last one's date is shown under a finished stage. */
const DONE_BY: Record<CaseStage, string[]> = {
  investigating: ['submission'], case_review: ['case_review'], legal_review: ['legal_review'], collective_discussion: ['collective_discussion'],
  notification: ['notification', 'renotification'], awaiting_statement: ['statement', 'hearing_request'], hearing: ['hearing_held', 'hearing_absent'],
  deciding: ['decision'], decided: ['service'], executing: ['closure'], closed: ['archive'], archived: ['archive'],
};

export function StageBar({ c, suspended }: { c: CaseDetail & { stagePath?: CaseStage[] }; suspended: boolean }) {
  const { t } = useTranslation();
  const path = c.stagePath?.length ? c.stagePath : [...STAGES];
  const current = Math.max(0, path.indexOf(c.stage));
  const lastOn = (stage: CaseStage) => [...c.steps].reverse().find((s) => DONE_BY[stage].includes(s.kind))?.occurredOn;
  const round = c.notification?.round ?? 1;
  const branches: { key: string; text: string; color: string }[] = [
    ...(round > 1 ? [{ key: 'renotified', text: t('cases.detail.stageRenotified', { round }), color: 'orange' }] : []),
    ...(c.notification?.hearingWaivedOn ? [{ key: 'hearingWaived', text: t('cases.detail.stageHearingWaived'), color: 'default' }] : []),
    ...(c.decisionKind && c.decisionKind !== 'penalty' ? [{ key: 'decision', text: t(`cases.decisionKind.${c.decisionKind}`), color: 'blue' }] : []),
    ...(suspended ? [{ key: 'suspended', text: t('cases.detail.stageSuspended'), color: 'red' }] : []),
  ];
  const done = c.stage === 'archived';
  return (
    <Card size="small" title={t('cases.detail.stageBar')} data-testid="stage-bar" data-stage={c.stage}
      extra={branches.length > 0 && <Space wrap size={4}>{branches.map((b) => <Tag key={b.key} color={b.color} data-testid={`stage-branch-${b.key}`}>{b.text}</Tag>)}</Space>}>
      <Steps
        size="small"
        current={current}
        status={suspended ? 'error' : done ? 'finish' : 'process'}
        labelPlacement="vertical"
        items={path.map((s, i) => {
          const on = i < current || done ? lastOn(s) : undefined;
          return {
            title: <span data-testid={`stage-step-${s}`} data-state={i < current || done ? 'done' : i === current ? 'current' : 'todo'}>{t(`cases.stage.${s}`)}</span>,
            description: on ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{on}</Typography.Text> : undefined,
          };
        })}
      />
    </Card>
  );
}
