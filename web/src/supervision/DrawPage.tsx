import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/api';
import { useAuth } from '../app/auth';
import { ListPage } from '../app/ListPage';
import { useLoad } from '../app/useLoad';
import { loadDistricts } from '../enterprises/index';
import type { District } from '../app/types';
import { supervisionApi, type Draw } from './api';
import { cst, SupervisionNav } from './shared';

export default function DrawPage() {
  const { t } = useTranslation();
  const { can, user } = useAuth();
  const { message } = App.useApp();
  // District users draw from and see their own district only (the server enforces it); city users may pick one.
  const ownDistrict = user?.districtId ?? null;
  const [districts, setDistricts] = useState<District[]>([]);
  useEffect(() => { loadDistricts().then(setDistricts, () => undefined); }, []);
  const districtName = (id: number | null) => (id === null ? t('supervision.cityWide') : districts.find((d) => d.id === id)?.name ?? String(id));
  const history = useLoad((signal) => supervisionApi.draws(signal), []);
  const [draw, setDraw] = useState<Draw | null>(null);
  const [verified, setVerified] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (v: { title: string; count: number; teamSize: number; seed?: string; districtId?: number | null }) => {
    setBusy(true);
    try {
      const d = await supervisionApi.createDraw({ title: v.title, count: v.count, teamSize: v.teamSize, districtId: ownDistrict ?? v.districtId ?? null, seed: v.seed?.trim() || null });
      setDraw(d); setVerified(null); history.reload();
    } catch (e) { void message.error(errorMessage(e)); } finally { setBusy(false); }
  };
  const open = async (id: number) => { try { setDraw(await supervisionApi.draw(id)); setVerified(null); } catch (e) { void message.error(errorMessage(e)); } };
  return (
    <>
      <SupervisionNav />
      <Space direction="vertical" style={{ width: '100%' }}>
        {can('supervision.manage') && (
          <Card title={t('supervision.drawTitle')}>
            <Typography.Paragraph type="secondary">{t('supervision.drawHelp')}</Typography.Paragraph>
            {ownDistrict !== null && <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="draw-scope" message={t('supervision.drawScopeDistrict', { district: user?.districtName ?? districtName(ownDistrict) })} />}
            <Form layout="inline" onFinish={(v) => void run(v)} initialValues={{ count: 10, teamSize: 2 }}>
              <Form.Item name="title" rules={[{ required: true }]}><Input placeholder={t('supervision.drawName')} style={{ width: 220 }} /></Form.Item>
              <Form.Item name="count" label={t('supervision.count')}><InputNumber min={1} max={1000} /></Form.Item>
              <Form.Item name="teamSize" label={t('supervision.teamSize')}><InputNumber min={2} max={10} /></Form.Item>
              {ownDistrict === null && (
                <Form.Item name="districtId" label={t('supervision.district')}>
                  <Select allowClear style={{ width: 160 }} placeholder={t('supervision.cityWide')} options={districts.map((d) => ({ value: d.id, label: d.name }))} data-testid="draw-district" />
                </Form.Item>
              )}
              <Form.Item name="seed"><Input placeholder={t('supervision.seedOptional')} style={{ width: 200 }} /></Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="draw-run">{t('supervision.drawRun')}</Button>
            </Form>
          </Card>
        )}
        {draw && (
          <Card title={<Space>{`${draw.title} · ${cst(draw.drawnAt)}`}<Tag>{districtName(draw.districtId)}</Tag></Space>} extra={<Space>
            <Typography.Text copyable={{ text: draw.seed }}>{t('supervision.seed')}: <Typography.Text code>{draw.seed}</Typography.Text></Typography.Text>
            <Button size="small" onClick={() => void supervisionApi.verify(draw.id).then((r) => setVerified(r.reproducible))}>{t('supervision.verify')}</Button>
          </Space>}>
            {verified !== null && <Alert style={{ marginBottom: 12 }} type={verified ? 'success' : 'error'} message={verified ? t('supervision.verified') : t('supervision.notVerified')} />}
            <Typography.Paragraph type="secondary">{t('supervision.drawSummary', { pool: draw.poolSize, drawn: draw.items.length, excluded: draw.excluded.length, v: draw.weightsVersion })}</Typography.Paragraph>
            <Table rowKey="enterpriseId" size="small" pagination={false} dataSource={draw.items} data-testid="draw-result"
              columns={[
                { title: '#', width: 50, render: (_v, _r, i) => i + 1 },
                { title: t('supervision.enterprise'), dataIndex: 'enterpriseName' },
                { title: t('supervision.score'), dataIndex: 'riskScore', width: 90 },
                { title: t('supervision.officers'), render: (_v, r) => r.officerNames.join('、') },
                { title: t('supervision.cause'), dataIndex: 'cause', render: (v) => (v ? <Tag color="orange">{v}</Tag> : '—') },
              ]} />
          </Card>
        )}
        <Card title={t('supervision.drawHistory')}>
          <ListPage load={history} rowKey="id" size="small" pageSize={10} empty={t('emptyState.supervisionDraws')}
            columns={[
              { title: t('supervision.drawName'), dataIndex: 'title', render: (v, r) => <a onClick={() => void open(r.id)}>{v}</a> },
              { title: t('supervision.drawnAt'), dataIndex: 'drawnAt', width: 160, render: cst },
              { title: t('supervision.district'), dataIndex: 'districtId', width: 140, render: (v: number | null) => districtName(v) },
              { title: t('supervision.count'), dataIndex: 'drawn', width: 90 },
              { title: t('supervision.seed'), dataIndex: 'seed', render: (v) => <Typography.Text code>{v}</Typography.Text> },
            ]} />
        </Card>
      </Space>
    </>
  );
}
