// What other capabilities may use of discretion. Importing it adds discretion's strings to the catalogues.
import './strings';

export { EmbeddedCalculator, useViolations, violationNamedIn, ViolationSelect, ViolationSummary } from './ViolationPicker';
export { discretionApi } from './api';
