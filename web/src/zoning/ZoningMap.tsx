// The 三线一单 units on a Leaflet map, coloured by kind, with an optional site and the units a check found.
// Reusable: the EIA intake page embeds it with the application's site and its check result.
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { useTranslation } from 'react-i18next';
import 'leaflet/dist/leaflet.css';
import type { SiteCheck, SiteGeometry, UnitFeature, UnitKind } from './types';

export const KIND_COLOURS: Record<UnitKind, string> = {
  'priority-protection': '#389e0d', 'key-control': '#cf1322', 'general-control': '#1677ff',
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface ZoningMapProps {
  units: UnitFeature[];
  /** The site checked (a point or an outline), drawn on top. */
  site?: SiteGeometry | null;
  /** The check's result: the units it touched are drawn thicker. */
  result?: SiteCheck | null;
  /** Called with lon/lat when the map is clicked (the page's site-check tool). */
  onPick?: (lon: number, lat: number) => void;
  height?: number;
  testId?: string;
}

/** Units as outlined areas (SVG, so each is a DOM path), no base tiles: works offline and in tests. */
export function ZoningMap({ units, site = null, result = null, onPick, height = 480, testId = 'zoning-map' }: ZoningMapProps) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const unitLayer = useRef<L.LayerGroup | null>(null);
  const siteLayer = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const m = L.map(el.current!, { center: [37.45, 121.4], zoom: 10, preferCanvas: false, attributionControl: true });
    map.current = m;
    unitLayer.current = L.layerGroup().addTo(m);
    siteLayer.current = L.layerGroup().addTo(m);
    m.on('click', (e: L.LeafletMouseEvent) => pick.current?.(+e.latlng.lng.toFixed(6), +e.latlng.lat.toFixed(6)));
    return () => { m.stop(); m.remove(); map.current = null; unitLayer.current = null; siteLayer.current = null; };
  }, []);

  const touched = new Set(result?.units.map((u) => u.id) ?? []);
  const touchedKey = [...touched].join(',');

  useEffect(() => {
    const g = unitLayer.current;
    const m = map.current;
    if (!g || !m) return;
    g.clearLayers();
    for (const u of units) {
      const p = u.properties;
      const hit = touched.has(u.id);
      L.geoJSON(u.geometry, {
        style: {
          className: `zoning-unit zoning-unit-${p.kind}${hit ? ' zoning-unit-touched' : ''}`,
          color: KIND_COLOURS[p.kind], weight: hit ? 4 : 1.5, fillColor: KIND_COLOURS[p.kind], fillOpacity: hit ? 0.45 : 0.2,
        },
      }).bindTooltip(`${escapeHtml(p.name)}<br/>${escapeHtml(p.code)} · ${escapeHtml(t(`zoning.kind.${p.kind}`))}${p.demo ? ` · ${escapeHtml(t('zoning.demo'))}` : ''}`, { sticky: true })
        .addTo(g);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [units, touchedKey, t]);

  // Fit once per unit set, not on every check (the user keeps the view they clicked in).
  useEffect(() => {
    const m = map.current;
    if (!m || units.length === 0) return;
    const b = L.latLngBounds([]);
    for (const u of units) b.extend([[u.bbox[1], u.bbox[0]], [u.bbox[3], u.bbox[2]]]);
    if (b.isValid()) m.fitBounds(b.pad(0.05), { animate: false });
  }, [units]);

  useEffect(() => {
    const g = siteLayer.current;
    if (!g) return;
    g.clearLayers();
    if (!site) return;
    if (site.type === 'Point') {
      const [lon, lat] = site.coordinates as [number, number];
      L.circleMarker([lat, lon], { radius: 7, color: '#000', weight: 2, fillColor: '#faad14', fillOpacity: 1, className: 'zoning-site' }).addTo(g);
    } else {
      L.geoJSON(site, { style: { color: '#000', weight: 2, dashArray: '5 4', fillColor: '#faad14', fillOpacity: 0.35, className: 'zoning-site' } }).addTo(g);
    }
  }, [site]);

  return <div ref={el} style={{ height, width: '100%', background: '#eef3f6', borderRadius: 6, cursor: onPick ? 'crosshair' : undefined }} data-testid={testId} />;
}
