// What other capabilities may use of enterprises.
export { enterpriseApi, loadDistricts } from './api';
export type { Enterprise } from './types';
export { districtOptions, useDistricts } from './useDistricts';
export { DistrictSelect } from './DistrictSelect';
