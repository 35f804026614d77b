// What other capabilities may use of organisation.
export { findDistrict, findTownship, listDistrictsWithTownships, listDepartments, type DivisionIndex, loadDivisionIndex } from './queries.js';
export { districts, townships, departments } from './tables.js';
