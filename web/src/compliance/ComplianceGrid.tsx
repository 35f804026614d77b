// The 12-quarter compliance grid (after US EPA ECHO): one column per quarter, one row per measure, the status row
// coloured by the rule's legend. A plain table: readable on a phone (scrolls sideways) and without script widgets.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../app/format';
import type { CellStatus, Grid, GridCell } from './types';

export const STATUS_COLOUR: Record<CellStatus, string> = {
  none: 'default', compliant: 'green', violation: 'gold', formal_action: 'orange', serious: 'red',
};

const ROWS: { key: keyof GridCell; fen?: boolean }[] = [
  { key: 'inspections' }, { key: 'violations' }, { key: 'casesFiled' }, { key: 'penalties' }, { key: 'penaltyFen', fen: true },
  { key: 'exceedanceEvents' }, { key: 'rectificationOverdue' },
];

export function ComplianceGrid({ grid }: { grid: Grid }) {
  const { t } = useTranslation();
  const cell: React.CSSProperties = { border: '1px solid #f0f0f0', padding: '4px 6px', textAlign: 'center', whiteSpace: 'nowrap' };
  return (
    <div data-testid="compliance-grid">
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', fontSize: 13, minWidth: 720 }}>
          <thead>
            <tr>
              <th style={{ ...cell, textAlign: 'left' }}>{t('compliance.grid.measure')}</th>
              {grid.quarters.map((q) => <th key={q.quarter} style={cell}>{q.quarter}</th>)}
            </tr>
          </thead>
          <tbody>
            <tr data-testid="compliance-status-row">
              <th style={{ ...cell, textAlign: 'left' }}>{t('compliance.grid.status')}</th>
              {grid.quarters.map((q) => (
                <td key={q.quarter} style={cell} data-testid={`grid-${q.quarter}`} data-status={q.status}>
                  <Tag color={STATUS_COLOUR[q.status]} style={{ marginInlineEnd: 0 }}>{t(`compliance.status.${q.status}`)}</Tag>
                </td>
              ))}
            </tr>
            {ROWS.map((r) => (
              <tr key={r.key}>
                <th style={{ ...cell, textAlign: 'left', fontWeight: 'normal' }}>{t(`compliance.grid.${r.key}`)}</th>
                {grid.quarters.map((q) => {
                  const v = q[r.key] as number;
                  return <td key={q.quarter} style={cell}>{v === 0 ? '·' : r.fen ? formatYuan(v) : v}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Space wrap style={{ marginTop: 8 }} data-testid="compliance-legend">
        <Typography.Text type="secondary">{t('compliance.grid.legend')}</Typography.Text>
        {grid.legend.map((l) => (
          <span key={l.status}><Tag color={STATUS_COLOUR[l.status]}>{t(`compliance.status.${l.status}`)}</Tag>{t(`compliance.legend.${l.status}`)}</span>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('compliance.grid.note', { todayOn: grid.todayOn, fine: formatYuan(grid.thresholds.seriousFineFen), events: grid.thresholds.seriousExceedanceEvents })}
      </Typography.Paragraph>
    </div>
  );
}
