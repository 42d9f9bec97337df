// The map page's module: reads its settings from data- attributes and draws with Leaflet (no tile server needed).
import * as L from '../lib/leaflet/leaflet-src.esm.js';

for (const element of document.querySelectorAll('.territory-map')) {
  // data-center is "lat,lng", Leaflet's order (GeoJSON is lon,lat).
  const [lat, lng] = (element.dataset.center ?? '36.2,37.15').split(',').map(Number);
  const map = L.map(element, { zoomControl: true, attributionControl: true }).setView([lat, lng], Number(element.dataset.zoom ?? 9));
  element.territoryMap = map;
}
