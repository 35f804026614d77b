// What other web pages may use from eia.
export { eiaApi } from './api';
export { ClockTag } from './ClockTag';
