// The map's Measure tool: the user clicks points on the map to draw a polygon (a click on the first point, or the
// Finish button, closes it), and the panel shows each actor's km² inside it on the map's day from POST /api/measure.
// Leaflet's LatLng is [lat, lng]; the GeoJSON sent is [lon, lat].
import * as L from '../../lib/leaflet/leaflet-src.esm.js';
import { element, formatKm2 } from './format.js';

export class MeasureTool {
  constructor(map, root, currentDay) {
    this.map = map;
    this.currentDay = currentDay;
    this.startButton = root.querySelector('.measure-start');
    this.finishButton = root.querySelector('.measure-finish');
    this.clearButton = root.querySelector('.measure-clear');
    this.panel = root.querySelector('.measure-panel');
    this.points = [];
    this.drawing = false;
    this.layer = L.layerGroup().addTo(map);
    this.onClick = (event) => this.addPoint(event.latlng);
    this.startButton.addEventListener('click', () => (this.drawing ? this.finish() : this.start()));
    this.finishButton.addEventListener('click', () => this.finish());
    this.clearButton.addEventListener('click', () => this.clear());
  }

  start() {
    this.clear();
    this.drawing = true;
    this.map.doubleClickZoom.disable();
    this.map.getContainer().classList.add('measuring');
    this.map.on('click', this.onClick);
    this.startButton.setAttribute('aria-pressed', 'true');
    this.clearButton.disabled = false;
    this.panel.replaceChildren(element('p', {}, 'Click points on the map; click the first point or Finish to close the polygon.'));
  }

  addPoint(latlng) {
    if (this.points.length >= 3 && this.map.latLngToContainerPoint(latlng).distanceTo(this.map.latLngToContainerPoint(this.points[0])) < 10) {
      this.finish();
      return;
    }
    this.points.push(latlng);
    this.redraw();
    this.finishButton.disabled = this.points.length < 3;
  }

  redraw(closed = false) {
    this.layer.clearLayers();
    if (closed) L.polygon(this.points, { className: 'measure-shape', color: '#000', weight: 2, dashArray: '4 4', fillOpacity: 0.1 }).addTo(this.layer);
    else L.polyline(this.points, { className: 'measure-line', color: '#000', weight: 2, dashArray: '4 4' }).addTo(this.layer);
    for (const point of this.points) {
      L.circleMarker(point, { className: 'measure-vertex', radius: 4, color: '#000', fillColor: '#fff', fillOpacity: 1, weight: 2 }).addTo(this.layer);
    }
  }

  stopDrawing() {
    this.drawing = false;
    this.map.off('click', this.onClick);
    this.map.doubleClickZoom.enable();
    this.map.getContainer().classList.remove('measuring');
    this.startButton.setAttribute('aria-pressed', 'false');
    this.finishButton.disabled = true;
  }

  finish() {
    if (this.points.length < 3) return;
    this.stopDrawing();
    this.redraw(true);
    this.measure();
  }

  clear() {
    this.stopDrawing();
    this.points = [];
    this.layer.clearLayers();
    this.clearButton.disabled = true;
    this.panel.replaceChildren();
  }

  // Measures again on the new day when a polygon is closed.
  dayChanged() {
    if (!this.drawing && this.points.length >= 3) this.measure();
  }

  async measure() {
    const ring = this.points.map((p) => [p.lng, p.lat]);
    ring.push(ring[0]);
    const day = this.currentDay();
    this.panel.replaceChildren(element('p', {}, 'Measuring…'));
    let result;
    try {
      const response = await fetch(`/api/measure?date=${encodeURIComponent(day)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/geo+json', Accept: 'application/json' },
        body: JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
      });
      result = await response.json();
      if (!response.ok) {
        const reasons = Object.values(result.errors ?? {}).flat();
        throw new Error(reasons.join(' ') || result.detail || `answered ${response.status}`);
      }
    } catch (error) {
      this.panel.replaceChildren(element('p', { class: 'error', role: 'alert' }, `The polygon could not be measured: ${error.message}`));
      return;
    }
    this.show(result);
  }

  show(result) {
    const rows = result.actors.map((a) => element('tr', {},
      element('th', { scope: 'row' }, element('span', { class: 'swatch', style: `background:${a.color ?? '#999'}` }), ` ${a.name}`),
      element('td', {}, formatKm2(a.to.heldKm2)),
      element('td', {}, formatKm2(a.to.upperKm2))));
    rows.push(element('tr', { class: 'contested' }, element('th', { scope: 'row' }, 'Contested'), element('td', {}, formatKm2(result.contestedToKm2)), element('td')));
    this.panel.replaceChildren(
      element('p', {}, `Drawn polygon: ${formatKm2(result.region.areaKm2)} km² on ${result.to}`),
      element('table', { class: 'measure-table', 'data-testid': 'measure-table' },
        element('thead', {}, element('tr', {}, element('th', { scope: 'col' }, 'Actor'), element('th', { scope: 'col' }, 'Held km²'), element('th', { scope: 'col' }, 'Upper km²'))),
        element('tbody', {}, ...rows)),
      element('p', { class: 'method' }, result.method));
  }
}
