import { useState } from 'react';
import { App, Button, List, Space, Tag, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined, NotificationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../app/auth';
import { errorMessage } from '../app/api';

interface Publication { id: number; title: string; publishedAt: string; publishedByName: string }
interface SanctionLike { id: number; kind: string; reason: string; status?: string; districtName?: string; townshipName?: string | null }

/** Publish (one recorded action), export to Excel and Word, and what was published and raised for the period. */
export function RankingActions(props: {
  disabled: boolean;
  publications: Publication[];
  sanctions: SanctionLike[];
  publish(): Promise<{ sanctions: { kind: string; unitName: string; reason: string }[] }>;
  exportAs(format: 'xlsx' | 'docx'): Promise<unknown>;
  onPublished(): void;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (key: string, fn: () => Promise<unknown>) => {
    setBusy(key);
    try { await fn(); } catch (e) { message.error(errorMessage(e)); } finally { setBusy(null); }
  };

  const confirmPublish = () => modal.confirm({
    title: t('quality.publishConfirmTitle'),
    content: t('quality.publishConfirmBody'),
    okText: t('quality.publish'),
    onOk: () => run('publish', async () => {
      const r = await props.publish();
      message.success(t('quality.published'));
      if (r.sanctions.length) {
        modal.warning({
          title: t('quality.sanctionsRaised', { count: r.sanctions.length }),
          content: <List size="small" dataSource={r.sanctions} renderItem={(s) => <List.Item><Tag color="red">{t(`quality.sanctionKind.${s.kind}`)}</Tag>{s.reason}</List.Item>} />,
        });
      }
      props.onPublished();
    }),
  });

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {can('quality.manage') && (
          <Button type="primary" icon={<NotificationOutlined />} disabled={props.disabled} loading={busy === 'publish'} onClick={confirmPublish} data-testid="publish">
            {t('quality.publish')}
          </Button>
        )}
        <Button icon={<FileExcelOutlined />} disabled={props.disabled} loading={busy === 'xlsx'} onClick={() => run('xlsx', () => props.exportAs('xlsx'))} data-testid="export-xlsx">{t('quality.exportExcel')}</Button>
        <Button icon={<FileWordOutlined />} disabled={props.disabled} loading={busy === 'docx'} onClick={() => run('docx', () => props.exportAs('docx'))} data-testid="export-docx">{t('quality.exportBulletin')}</Button>
      </Space>
      {props.publications.length > 0 && (
        <Typography.Text type="secondary" data-testid="publications">
          {t('quality.publishedTimes', { count: props.publications.length })}
          {props.publications.slice(0, 3).map((p) => ` ${new Date(p.publishedAt).toLocaleString()} ${p.publishedByName}`).join('；')}
        </Typography.Text>
      )}
      {props.sanctions.length > 0 && (
        <List size="small" bordered header={t('quality.sanctionsOfPeriod')} dataSource={props.sanctions} data-testid="period-sanctions"
          renderItem={(s) => (
            <List.Item>
              <Space><Tag color={s.status === 'lifted' ? 'default' : 'red'}>{t(`quality.sanctionKind.${s.kind}`)}</Tag>{s.reason}{s.status === 'lifted' && <Tag>{t('quality.lifted')}</Tag>}</Space>
            </List.Item>
          )} />
      )}
    </Space>
  );
}
