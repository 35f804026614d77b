// What other web pages may use from decisions (重大行政决策).
export { decisionsApi } from './api';
