// 统一文书: the case's official documents (Word), each downloadable once the case holds its data.
import { useEffect, useState } from 'react';
import { App, Button, Card, List, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { download, errorMessage } from '../app/api';
import { currentLang } from '../i18n';
import { caseApi } from './api';
import type { CaseDocument } from './types';

export function CaseDocuments({ caseId, version }: { caseId: number; version: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<CaseDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    caseApi.documents(caseId, ctrl.signal).then(
      (r) => setItems(r.items),
      (e: unknown) => !ctrl.signal.aborted && setError(errorMessage(e)),
    );
    return () => ctrl.abort();
  }, [caseId, version]);

  const fetchDoc = async (d: CaseDocument) => {
    setBusy(d.kind);
    try {
      await download(`/cases/${caseId}/documents/${d.kind}`, undefined, `${d.kind}.docx`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const en = currentLang() === 'en';
  return (
    <Card title={t('cases.detail.documents')} size="small" data-testid="case-documents">
      {error && <Typography.Text type="secondary">{error}</Typography.Text>}
      {items && (
        <List
          size="small"
          dataSource={items}
          renderItem={(d) => (
            <List.Item
              data-testid={`document-${d.kind}`}
              actions={[
                <Button key="get" size="small" icon={<DownloadOutlined />} disabled={!d.available} loading={busy === d.kind} onClick={() => void fetchDoc(d)}>
                  {t('cases.detail.download')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={<>{en ? d.en : d.zh} {d.number && <Tag>{d.number}</Tag>}</>}
                description={d.available ? d.basis : t('cases.detail.documentNotYet')}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
