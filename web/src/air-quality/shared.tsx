import { Space, Tag, Tooltip, Typography } from 'antd';
import { useNavigate, useLocation } from 'react-router-dom';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { HJ633_2012 } from '../../../src/air-quality/rules/standards/hj633';
import { POLLUTANT_LABELS, type Pollutant } from '../../../src/air-quality/rules/pollutants';

export { POLLUTANT_LABELS };
/** HJ 633 表2 levels with their 附录A colours: the same table the server uses. */
export const AQI_LEVELS = HJ633_2012.levels;

/** Text colour readable on a level's background. */
export const textOn = (colour: string | null) => (colour === '#FFFF00' || colour === '#00E400' ? '#262626' : '#fff');

export function AqiTag({ aqi, colour, category }: { aqi: number | null; colour: string | null; category?: string | null }) {
  const { t } = useTranslation();
  if (aqi === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const level = AQI_LEVELS.find((l) => l.colour === colour);
  return (
    <Tooltip title={level ? t(`air.category.${level.category}`) : category}>
      <Tag color={colour ?? undefined} style={{ color: textOn(colour), minWidth: 44, textAlign: 'center', marginInlineEnd: 0 }} data-testid="aqi-tag">{aqi}</Tag>
    </Tooltip>
  );
}

export function pollutantList(ps: readonly string[]) {
  return ps.length ? ps.map((p) => POLLUTANT_LABELS[p as Pollutant] ?? p).join('、') : '—';
}

export const fmt = (v: number | null | undefined, suffix = '') => (v === null || v === undefined ? '—' : `${v}${suffix}`);

export function ChangeText({ value }: { value: number | null }) {
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  // Negative change = improved (环办监测函〔2017〕197号).
  return <Typography.Text type={value > 0 ? 'danger' : value < 0 ? 'success' : undefined}>{value > 0 ? '+' : ''}{value}%</Typography.Text>;
}

const TABS = ['daily', 'monthly', 'map', 'trends', 'assessment', 'sanctions', 'stations'] as const;

/** The air-quality sub-pages as a segmented switch. */
export function AirNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = TABS.find((k) => pathname.startsWith(`/air-quality/${k}`)) ?? 'daily';
  return (
    <Space style={{ marginBottom: 16 }} wrap>
      <Segmented data-testid="air-nav" value={current} onChange={(v) => navigate(`/air-quality/${v}`)}
        options={TABS.map((k) => ({ value: k, label: t(`air.nav.${k}`) }))} />
    </Space>
  );
}
