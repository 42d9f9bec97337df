// The offline basemap from the app's own gazetteer (country outline, governorates, settlement labels), and the optional
// OpenStreetMap tiles, which are the only online requests the map can make and stay off unless a user turns them on.
import * as L from '../../lib/leaflet/leaflet-src.esm.js';
import { decodeGeometry } from './geometry.js';
import { element } from './format.js';

// Settlements from this population are labelled at every zoom; smaller ones only from zoom 10.
const majorPopulation = 100_000;

export function createBasemap(map) {
  map.createPane('basemap').style.zIndex = 250;
  const borders = L.layerGroup();
  const labels = L.layerGroup();
  const osm = L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
  });
  return { borders, labels, osm };
}

export function drawBasemap(layers, data) {
  for (const area of data.governorates) {
    L.polygon(decodeGeometry(area.geometry, data.scale), { pane: 'basemap', color: '#8a96a3', weight: 1, fillColor: '#f4f1ea', fillOpacity: 0.7, interactive: false, className: 'governorate' })
      .addTo(layers.borders);
  }
  for (const area of data.countries) {
    L.polygon(decodeGeometry(area.geometry, data.scale), { pane: 'basemap', color: '#4b5560', weight: 2.5, fill: false, interactive: false, className: 'country' })
      .addTo(layers.borders);
  }
  for (const place of data.places) {
    const major = (place.population ?? 0) >= majorPopulation;
    L.marker([place.lat, place.lon], {
      pane: 'basemap',
      interactive: false,
      keyboard: false,
      icon: L.divIcon({ className: `place-label${major ? ' major' : ''}`, html: element('span', {}, place.name), iconSize: null }),
    }).addTo(layers.labels);
  }
}

// Minor labels hide below zoom 10 through a class on the map, so zooming never rebuilds markers.
export function followZoom(map) {
  const update = () => map.getContainer().classList.toggle('zoomed-out', map.getZoom() < 10);
  map.on('zoomend', update);
  update();
}
