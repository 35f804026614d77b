import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';

export interface MapPoint { id: number | string; lat: number; lon: number; colour: string; label: string; popup: string; radius?: number }

/**
 * Points drawn as circles: works without map tiles (tests, offline networks). The OpenStreetMap layer
 * is optional and off unless `tiles` is set.
 */
export function LeafletMap({ points, tiles, height = 520, testId }: { points: MapPoint[]; tiles: boolean; height?: number; testId?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const tileLayer = useRef<L.TileLayer | null>(null);

  useEffect(() => {
    const m = L.map(el.current!, { center: [37.35, 120.85], zoom: 9, preferCanvas: true, attributionControl: true });
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    return () => { m.stop(); m.remove(); map.current = null; layer.current = null; tileLayer.current = null; };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (tiles && !tileLayer.current) {
      tileLayer.current = L.tileLayer('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', { maxZoom: 18, attribution: '© OpenStreetMap' }).addTo(m);
    } else if (!tiles && tileLayer.current) {
      tileLayer.current.remove();
      tileLayer.current = null;
    }
  }, [tiles]);

  useEffect(() => {
    const g = layer.current;
    if (!g) return;
    g.clearLayers();
    for (const p of points) {
      L.circleMarker([p.lat, p.lon], { radius: p.radius ?? 8, color: '#333', weight: 1, fillColor: p.colour, fillOpacity: 0.9 })
        .bindTooltip(p.label).bindPopup(p.popup).addTo(g);
    }
    // No animation: a page left mid-zoom would otherwise touch the removed map.
    if (points.length && map.current) map.current.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon] as [number, number])).pad(0.15), { animate: false });
  }, [points]);

  return <div ref={el} style={{ height, width: '100%', background: '#eef3f6', borderRadius: 6 }} data-testid={testId ?? 'leaflet-map'} />;
}
