// What other capabilities may use of air-quality.
export { LeafletMap, type MapPoint } from './LeafletMap';
export { RankingActions } from './RankingActions';
