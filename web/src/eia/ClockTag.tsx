// The clock of an application in one line: the intake timer (行政许可法 第三十二条) or the decision clock.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Clock } from './types';
import { ProvisionalTag } from '../cases';

const COLOR: Record<string, string> = { running: 'blue', paused: 'default', 'due-soon': 'orange', overdue: 'red', decided: 'green' };

export function ClockTag({ clock }: { clock: Clock }) {
  const { t } = useTranslation();
  if (clock.intake) {
    return (
      <Tooltip title={t('eia.clock.intakeBasis')}>
        <Tag color={clock.intake.deemedAccepted ? 'red' : 'blue'} data-testid="eia-intake-timer">
          {clock.intake.deemedAccepted ? t('eia.clock.deemedAccepted') : t('eia.clock.noticeDue', { on: clock.intake.noticeDueOn })}
        </Tag>
      </Tooltip>
    );
  }
  const d = clock.decision;
  if (!d) return null;
  return (
    <>
    <Tooltip title={`${d.statutoryCitation.law} ${d.statutoryCitation.article}`}>
      <Tag color={COLOR[d.state]} data-testid="eia-clock" data-state={d.state}>
        {t(`eia.clock.state.${d.state}`)} · {t('eia.clock.used', { n: d.workingDaysUsed })}
        {d.workingDaysLeftToPromise !== null && d.state !== 'decided' ? ` · ${t('eia.clock.leftPromise', { n: d.workingDaysLeftToPromise })}` : ''}
      </Tag>
    </Tooltip>
    <ProvisionalTag provisional={d.provisional} testId="eia-clock-provisional" />
    </>
  );
}
