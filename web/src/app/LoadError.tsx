import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** The error banner a page shows when its data failed to load, with a retry. */
export function LoadError({ message, onRetry }: { message: string | null; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert
      type="error"
      showIcon
      message={message}
      style={{ marginBottom: 16 }}
      action={<Button size="small" onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
