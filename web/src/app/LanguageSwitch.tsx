import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGS, setLang, type Lang } from '../i18n';

export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Select<Lang>
      data-testid="lang-switch"
      aria-label={t('app.language')}
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      onChange={(v) => void setLang(v)}
      options={LANGS.map((l) => ({ value: l.value, label: l.label }))}
      classNames={{ popup: { root: "ecogov-lang-popup" } }}
      style={{ width: 96 }}
      popupMatchSelectWidth={false}
    />
  );
}
