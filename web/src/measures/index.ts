// What other capabilities may use of measures.
export { MeasuresPanel } from './MeasuresPanel';
