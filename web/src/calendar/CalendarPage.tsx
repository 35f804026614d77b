import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Form, Input, InputNumber, Modal, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../app/LoadError';
import { ApiError, errorMessage } from '../app/api';
import { useLoad } from '../app/useLoad';
import { calendarApi, type CalendarDay, type HolidayYear, type HolidayYearList, type ProvisionalYear } from './api';
import { civil, daysInMonth, parseLines, toLines, weekdayMon0, type ParsedLines } from './dates';

/** A recorded year, or one without an arrangement whose deadlines use the provisional calendar (暂定). */
type YearRow = { year: number; source: string; restDays: number; workDays: number | null; provisional: boolean };
/** A day as the month grid shows it; `maybe`: a weekend day that may be worked (provisional years only). */
type GridDay = Omit<CalendarDay, 'kind'> & { kind: CalendarDay['kind'] | 'maybe' | 'maybeRest' };

const REST_BG = '#fde2e1';
const WORK_BG = '#dbeafe';
const MAYBE_BG = '#ffe7ba';
const MAYBE_REST_BG = '#e6f4ff';

function rowsOf(r: HolidayYearList): YearRow[] {
  return [
    ...r.items.map((y) => ({ year: y.year, source: y.source, restDays: y.restDays, workDays: y.workDays, provisional: false })),
    ...r.provisional.map((y) => ({ year: y.year, source: y.source, restDays: y.restDays, workDays: null, provisional: true })),
  ].sort((a, b) => a.year - b.year);
}

function provisionalDays(p: ProvisionalYear): GridDay[] {
  return [
    ...p.restDays.map((d) => ({ on: d.on, kind: 'rest' as const, name: d.name, source: p.source })),
    ...p.possiblyWorkedDays.map((on) => ({ on, kind: 'maybe' as const, name: '', source: p.source })),
    ...p.possiblyRestedDays.map((on) => ({ on, kind: 'maybeRest' as const, name: '', source: p.source })),
  ];
}

function MonthGrid({ year, month, byDate }: { year: number; month: number; byDate: Map<string, GridDay> }) {
  const { t } = useTranslation();
  const lead = weekdayMon0(year, month, 1);
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: daysInMonth(year, month) }, (_, i) => i + 1)];
  const weekdays = t('calendar.weekdays').split(',');
  return (
    <div data-testid={`calendar-month-${month}`}>
      <Typography.Text strong>{t('calendar.month', { month })}</Typography.Text>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, marginTop: 4, fontSize: 12, textAlign: 'center' }}>
        {weekdays.map((w) => (
          <div key={w} style={{ color: '#888' }}>{w}</div>
        ))}
        {cells.map((d, i) => {
          if (d === null) return <div key={`x${i}`} />;
          const on = civil(year, month, d);
          const special = byDate.get(on);
          const weekend = (lead + d - 1) % 7 >= 5;
          const style = {
            padding: '2px 0',
            borderRadius: 3,
            background: special?.kind === 'rest' ? REST_BG : special?.kind === 'work' ? WORK_BG : special?.kind === 'maybe' ? MAYBE_BG : special?.kind === 'maybeRest' ? MAYBE_REST_BG : undefined,
            color: special ? '#000' : weekend ? '#bbb' : undefined,
            fontWeight: special ? 600 : undefined,
          };
          const cell = (
            <div style={style} data-testid={special ? `calendar-day-${on}` : undefined} data-kind={special?.kind}>
              {d}
            </div>
          );
          return special ? (
            <Tooltip key={on} title={`${on} ${special.name}${special.name ? ' · ' : ''}${t(`calendar.kind.${special.kind}`)} · ${special.source}`}>
              {cell}
            </Tooltip>
          ) : (
            <div key={on}>{cell}</div>
          );
        })}
      </div>
    </div>
  );
}

interface FormValues {
  year: number;
  source: string;
  note?: string;
  rest: string;
  work: string;
  reason?: string;
}

function YearForm({ open, initial, onClose, onSaved }: { open: boolean; initial: HolidayYear | null; onClose: () => void; onSaved: (y: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.setFieldsValue(
      initial
        ? { year: initial.year, source: initial.source, note: initial.note ?? '', rest: toLines(initial.days, 'rest'), work: toLines(initial.days, 'work'), reason: '' }
        : { year: undefined, source: '', note: '', rest: '', work: '', reason: '' },
    );
  }, [open, initial, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const parsed: ParsedLines = parseLines(v.rest ?? '', 'rest');
    const restCount = parsed.days.length;
    const restErrors = [...parsed.errors];
    parsed.errors = [];
    parseLines(v.work ?? '', 'work', parsed);
    if (restErrors.length || parsed.errors.length) {
      setError(t('calendar.lineErrors', { rest: restErrors.join(', ') || '—', work: parsed.errors.join(', ') || '—' }));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await calendarApi.put(v.year, { source: v.source, note: v.note || null, reason: v.reason || null, days: parsed.days });
      message.success(t('calendar.saved', { year: v.year }));
      onSaved(v.year);
    } catch (e) {
      // Point at the line of the day the server refused (days.N.on).
      const m = e instanceof ApiError ? /^days\.(\d+)\./.exec(e.field ?? '') : null;
      if (m) {
        const n = Number(m[1]);
        const where = n < restCount ? t('calendar.restDays') : t('calendar.workDays');
        setError(`${where} ${t('calendar.line', { line: parsed.lineOf[n] })}: ${errorMessage(e).replace(/^days\.\d+\.on: /, '')}`);
      } else setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={initial ? t('calendar.editYear', { year: initial.year }) : t('calendar.addYear')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="calendar-form-error" />}
      <Form form={form} layout="vertical" data-testid="calendar-form">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="year" label={t('calendar.year')} rules={[{ required: true }]}>
              <InputNumber min={1949} max={2100} precision={0} style={{ width: '100%' }} disabled={!!initial} data-testid="calendar-form-year" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="source" label={t('calendar.source')} rules={[{ required: true, whitespace: true }]} tooltip={t('calendar.sourceHelp')}>
              <Input placeholder="国办发明电〔2026〕X号" data-testid="calendar-form-source" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('calendar.linesHelp')}</Typography.Paragraph>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="rest" label={t('calendar.restDays')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={10} placeholder={'2027-01-01 元旦\n2027-10-01~2027-10-07 国庆节'} style={{ fontFamily: 'monospace' }} data-testid="calendar-form-rest" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="work" label={t('calendar.workDays')}>
              <Input.TextArea rows={10} placeholder={'2027-09-26 国庆节'} style={{ fontFamily: 'monospace' }} data-testid="calendar-form-work" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('calendar.note')}>
          <Input />
        </Form.Item>
        {initial && (
          <Form.Item name="reason" label={t('calendar.reason')}>
            <Input />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

export default function CalendarPage() {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<number | null>(null);
  const [formFor, setFormFor] = useState<'new' | HolidayYear | null>(null);
  const yearList = useLoad((signal) => calendarApi.years(signal), []);
  const years = useMemo(() => (yearList.data ? rowsOf(yearList.data) : null), [yearList.data]);
  const yearsError = yearList.error;
  // The latest recorded year is shown first.
  useEffect(() => {
    if (yearList.data) setSelected((s) => s ?? yearList.data!.items.at(-1)?.year ?? null);
  }, [yearList.data]);
  const selectedRow = years?.find((y) => y.year === selected) ?? null;
  const isProvisional = selectedRow?.provisional;
  // A provisional year (暂定) is computed by the server; a recorded one is its arrangement as published.
  const provisionalLoad = useLoad((signal) => (selected !== null && isProvisional ? calendarApi.provisional(selected, signal) : Promise.resolve(null)), [selected, isProvisional]);
  const detailLoad = useLoad((signal) => (selected !== null && isProvisional === false ? calendarApi.year(selected, signal) : Promise.resolve(null)), [selected, isProvisional]);
  const provisional = provisionalLoad.data;
  const detail = detailLoad.data;
  const loading = detailLoad.loading;
  const detailError = provisionalLoad.error ?? detailLoad.error;
  const reload = () => { yearList.reload(); provisionalLoad.reload(); detailLoad.reload(); };

  const byDate = useMemo(() => new Map<string, GridDay>((detail?.days ?? []).map((d) => [d.on, d])), [detail]);
  const provisionalByDate = useMemo(() => new Map((provisional ? provisionalDays(provisional) : []).map((d) => [d.on, d])), [provisional]);

  return (
    <Card
      title={t('calendar.title')}
      data-testid="calendar-page"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormFor('new')} data-testid="calendar-add">
          {t('calendar.addYear')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
      <LoadError message={yearsError} onRetry={reload} />
      <Row gutter={24}>
        <Col xs={24} lg={8}>
          <Table<YearRow>
            rowKey="year"
            size="small"
            pagination={false}
            loading={years === null && !yearsError}
            dataSource={years ?? []}
            data-testid="calendar-years"
            onRow={(r) => ({ onClick: () => setSelected(r.year), style: { cursor: 'pointer', background: r.year === selected ? '#e6f4ea' : undefined } })}
            columns={[
              { title: t('calendar.year'), dataIndex: 'year', width: 70 },
              {
                title: t('calendar.status'),
                key: 'status',
                width: 80,
                render: (_, r) => (r.provisional
                  ? <Tag color="gold" data-testid={`calendar-year-${r.year}-provisional`}>{t('calendar.provisional')}</Tag>
                  : <Tag color="green" data-testid={`calendar-year-${r.year}-official`}>{t('calendar.official')}</Tag>),
              },
              { title: t('calendar.source'), dataIndex: 'source', render: (s: string, r) => (r.provisional ? t('calendar.provisionalSource') : s) },
              { title: t('calendar.counts'), key: 'counts', width: 90, render: (_, r) => `${r.restDays} / ${r.workDays ?? '—'}` },
            ]}
          />
        </Col>
        <Col xs={24} lg={16}>
          <LoadError message={detailError} onRetry={reload} />
          {selectedRow?.provisional ? (
            provisional && provisional.year === selected ? (
              <Card
                size="small"
                data-testid="calendar-provisional"
                title={<Space>{t('calendar.provisionalTitle', { year: provisional.year })}<Tag color="gold">{t('calendar.provisional')}</Tag></Space>}
                extra={
                  <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setFormFor('new')} data-testid="calendar-record-official">
                    {t('calendar.recordOfficial')}
                  </Button>
                }
              >
                <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('calendar.provisionalIntro', { year: provisional.year, source: provisional.source })} />
                <Space style={{ marginBottom: 12 }} wrap>
                  <Tag color="red">{t('calendar.kind.rest')}</Tag>
                  <Tag color="orange">{t('calendar.kind.maybe')}</Tag>
                  <Tag color="blue">{t('calendar.kind.maybeRest')}</Tag>
                </Space>
                <Row gutter={[16, 16]}>
                  {Array.from({ length: 12 }, (_, i) => (
                    <Col key={i} xs={12} md={8} xl={6}>
                      <MonthGrid year={provisional.year} month={i + 1} byDate={provisionalByDate} />
                    </Col>
                  ))}
                </Row>
              </Card>
            ) : (
              <Card size="small" loading />
            )
          ) : selected === null || !detail ? (
            <Empty description={t('calendar.noYear')} />
          ) : (
            <Card
              size="small"
              loading={loading}
              title={
                <Space>
                  {detail.year}
                  <Tag>{detail.source}</Tag>
                </Space>
              }
              extra={
                <Button size="small" icon={<EditOutlined />} onClick={() => setFormFor(detail)} data-testid="calendar-edit">
                  {t('common.edit')}
                </Button>
              }
            >
              <Space style={{ marginBottom: 12 }} wrap>
                <Tag color="red">{t('calendar.kind.rest')}</Tag>
                <Tag color="blue">{t('calendar.kind.work')}</Tag>
                {detail.note && <Typography.Text type="secondary">{detail.note}</Typography.Text>}
              </Space>
              <Row gutter={[16, 16]}>
                {Array.from({ length: 12 }, (_, i) => (
                  <Col key={i} xs={12} md={8} xl={6}>
                    <MonthGrid year={detail.year} month={i + 1} byDate={byDate} />
                  </Col>
                ))}
              </Row>
            </Card>
          )}
        </Col>
      </Row>
      <YearForm
        open={formFor !== null}
        initial={formFor === 'new' ? null : formFor}
        onClose={() => setFormFor(null)}
        onSaved={(y) => {
          setFormFor(null);
          setSelected(y);
          reload();
        }}
      />
    </Card>
  );
}
