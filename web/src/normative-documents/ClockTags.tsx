// The clocks a document carries: legality review due, filing due (overdue flagged), validity warning.
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NormativeDocument } from './api';

export function ClockTags({ d }: { d: NormativeDocument }) {
  const { t } = useTranslation();
  const tags = [];
  if (d.reviewClock) {
    tags.push(<Tag key="review" color={d.reviewClock.overdue ? 'red' : 'blue'}>{t('normativeDocs.field.reviewClock')} {t(d.reviewClock.overdue ? 'normativeDocs.clock.overdue' : 'normativeDocs.clock.due', { dueOn: d.reviewClock.dueOn })}</Tag>);
  }
  const f = d.filingClock;
  if (f) {
    if (f.filedOn) tags.push(<Tag key="filing" color={f.onTime ? 'green' : 'orange'} data-testid="nd-filing-tag">{t(f.onTime ? 'normativeDocs.clock.onTime' : 'normativeDocs.clock.late')} {f.filedOn}</Tag>);
    else tags.push(<Tag key="filing" color={f.overdue ? 'red' : 'blue'} data-testid="nd-filing-tag">{t('normativeDocs.field.filing')} {t(f.overdue ? 'normativeDocs.clock.overdue' : 'normativeDocs.clock.due', { dueOn: f.dueOn })}</Tag>);
  }
  if (d.expiryWarning) {
    tags.push(<Tag key="expiry" color="orange">{d.expiryWarning.expired ? t('normativeDocs.clock.expired') : t('normativeDocs.clock.expiring', { days: d.expiryWarning.daysLeft })}</Tag>);
  }
  return tags.length ? <Space size={4} wrap>{tags}</Space> : <span>—</span>;
}
