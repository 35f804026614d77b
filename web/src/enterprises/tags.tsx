import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { CREDIT_RATING_COLOR, creditRatingLabel, keyUnitLabel, type CreditRating } from '../app/labels';

export function CreditRatingTag({ rating }: { rating: CreditRating | null | undefined }) {
  const { t } = useTranslation();
  if (!rating) return <span style={{ color: '#bfbfbf' }}>—</span>;
  return (
    <Tag color={CREDIT_RATING_COLOR[rating] ?? 'default'} data-testid={`credit-rating-${rating}`}>
      {creditRatingLabel(t, rating)}
    </Tag>
  );
}

export function KeyUnitTags({ categories }: { categories: readonly string[] }) {
  const { t } = useTranslation();
  if (!categories.length) return <span style={{ color: '#bfbfbf' }}>—</span>;
  return (
    <Space size={[0, 4]} wrap>
      {categories.map((c) => (
        <Tag key={c} color="cyan">
          {keyUnitLabel(t, c)}
        </Tag>
      ))}
    </Space>
  );
}
