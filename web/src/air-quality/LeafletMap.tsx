import { useEffect, useRef } from 'react';
import L from 'leaflet';
import type { MultiPolygon, Polygon } from 'geojson';
import 'leaflet/dist/leaflet.css';

export interface MapPoint { id: number | string; lat: number; lon: number; colour: string; label: string; popup: string; radius?: number }
/** An outlined area (a district) drawn under the points; filled when `colour` is set, outline only otherwise. */
export interface MapArea { id: number | string; geometry: Polygon | MultiPolygon; colour: string | null; label: string }

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Points drawn as circles: works without map tiles (tests, offline networks). The OpenStreetMap layer
 * is optional and off unless `tiles` is set. `areas` (the bureau's imported district outlines) sit in their own
 * SVG pane under the points; `attribution` credits their source in the map's attribution control.
 */
export function LeafletMap({ points, areas = [], attribution, tiles, height = 520, testId }: {
  points: MapPoint[]; areas?: MapArea[]; attribution?: string | null; tiles: boolean; height?: number; testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const areaLayer = useRef<L.LayerGroup | null>(null);
  const areaRenderer = useRef<L.Renderer | null>(null);
  const tileLayer = useRef<L.TileLayer | null>(null);

  useEffect(() => {
    const m = L.map(el.current!, { center: [37.35, 120.85], zoom: 9, preferCanvas: true, attributionControl: true });
    map.current = m;
    // Below the overlay pane (400) where the station circles are drawn.
    m.createPane('districtAreas').style.zIndex = '350';
    areaRenderer.current = L.svg({ pane: 'districtAreas' });
    areaLayer.current = L.layerGroup().addTo(m);
    layer.current = L.layerGroup().addTo(m);
    return () => { m.stop(); m.remove(); map.current = null; layer.current = null; areaLayer.current = null; areaRenderer.current = null; tileLayer.current = null; };
  }, []);

  /** Shows every point and outline. No animation: a page left mid-zoom would otherwise touch the removed map. */
  const fit = () => {
    const m = map.current;
    if (!m) return;
    const bounds = L.latLngBounds(points.map((p) => [p.lat, p.lon] as [number, number]));
    for (const l of areaLayer.current?.getLayers() ?? []) bounds.extend((l as L.GeoJSON).getBounds());
    if (bounds.isValid()) m.fitBounds(bounds.pad(points.length ? 0.15 : 0.05), { animate: false });
  };

  useEffect(() => {
    const m = map.current;
    if (!m || !attribution) return;
    const text = escapeHtml(attribution);
    m.attributionControl.addAttribution(text);
    return () => { m.attributionControl?.removeAttribution(text); };
  }, [attribution]);

  useEffect(() => {
    const g = areaLayer.current;
    if (!g) return;
    g.clearLayers();
    for (const a of areas) {
      L.geoJSON(a.geometry, {
        pane: 'districtAreas',
        // Style is set on each path before it is added, so its renderer (SVG, the areas' pane) applies.
        style: {
          renderer: areaRenderer.current ?? undefined, className: 'district-outline', color: '#555', weight: 1.5, dashArray: '4 3',
          fill: a.colour !== null, fillColor: a.colour ?? undefined, fillOpacity: 0.35,
        },
      }).bindTooltip(a.label, { sticky: true }).addTo(g);
    }
    fit();
  }, [areas]);

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
    fit();
  }, [points]);

  return <div ref={el} style={{ height, width: '100%', background: '#eef3f6', borderRadius: 6 }} data-testid={testId ?? 'leaflet-map'} />;
}
