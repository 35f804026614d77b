import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { District } from '../app/types';
import { districtOptions } from './useDistricts';

/** A filter by 区市, grouped 区 / 县级市 / 开发区, searchable by name. */
export function DistrictSelect({ districts, value, onChange, placeholder, testId = 'filter-district' }: {
  districts: District[]; value: number | undefined; onChange(id: number | undefined): void; placeholder: string; testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select<number>
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={placeholder}
      value={value}
      onChange={onChange}
      options={districtOptions(districts, t)}
      style={{ width: 160 }}
      data-testid={testId}
    />
  );
}
