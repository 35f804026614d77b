// What other pages may use of the permits pages.
export { EnterprisePermitsCard } from './EnterprisePermitsCard';
