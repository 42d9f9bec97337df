// Draws one day of the timeline: territories, the front, changed places and events. Leaflet layers are built once per
// geometry (or event) and kept, so switching days only swaps which layers are on the map.
import * as L from '../../lib/leaflet/leaflet-src.esm.js';
import { decodeGeometry, decodeLines } from './geometry.js';
import { eventNodes } from './day-panel.js';
import { element } from './format.js';

const eventSymbols = { control_change: '⚑', strike: '✸', casualties: '✚', claim: '❝', denial: '✕' };

export class DayLayers {
  constructor(map, model) {
    this.map = map;
    this.model = model;
    map.createPane('front').style.zIndex = 450;
    map.createPane('changes').style.zIndex = 460;
    this.groups = {
      territories: L.layerGroup().addTo(map),
      front: L.layerGroup().addTo(map),
      changes: L.layerGroup().addTo(map),
      events: L.layerGroup().addTo(map),
    };
    this.territoryLayers = new Map();
    this.frontLayers = new Map();
    this.eventMarkers = new Map();
    this.shownMaps = { territories: new Map(), front: new Map(), events: new Map() };
  }

  territoryLayer(t) {
    const key = `${t.geometry}|${t.actor}|${t.state}`;
    let layer = this.territoryLayers.get(key);
    if (!layer) {
      const latlngs = decodeGeometry(this.model.geometries[t.geometry], this.model.scale);
      const contested = t.state === 'contested';
      const actor = this.model.actorById.get(t.actor);
      const label = contested ? 'Contested' : actor?.name ?? 'Unknown holder';
      layer = L.polygon(latlngs, contested
        ? { color: '#333333', weight: 1.5, dashArray: '4 3', fillColor: 'url(#contested-hatch)', fillOpacity: 1, className: 'territory contested' }
        : { color: actor?.color ?? '#777777', weight: 1.5, fillColor: actor?.color ?? '#777777', fillOpacity: 0.35, className: 'territory held' });
      // The label names the holder (or says contested), so nothing is told by colour alone.
      layer.bindTooltip(label, { permanent: true, direction: 'center', className: `territory-label${contested ? ' contested' : ''}`, interactive: false });
      this.territoryLayers.set(key, layer);
    }
    return [key, layer];
  }

  frontLayer(index) {
    let layer = this.frontLayers.get(index);
    if (!layer) {
      layer = L.polyline(decodeLines(this.model.geometries[index], this.model.scale),
        { pane: 'front', color: '#111111', weight: 3.5, opacity: 0.9, className: 'front-line', interactive: false });
      this.frontLayers.set(index, layer);
    }
    return layer;
  }

  eventMarker(id) {
    let marker = this.eventMarkers.get(id);
    if (!marker) {
      const e = this.model.eventById.get(id);
      const place = this.model.placeById.get(e.place);
      if (!place) return null;
      const title = `${place.name}: ${e.kind.replace('_', ' ')}${e.tier ? ` (${e.tier})` : ''}`;
      marker = L.marker([place.lat, place.lon], {
        icon: L.divIcon({ className: `event-marker kind-${e.kind}`, html: eventSymbols[e.kind] ?? '•', iconSize: [22, 22] }),
        title,
        alt: title,
        keyboard: true,
        riseOnHover: true,
      });
      marker.bindPopup(() => element('div', { class: 'event-popup' }, ...eventNodes(this.model, e)), { maxWidth: 320 });
      this.eventMarkers.set(id, marker);
    }
    return marker;
  }

  // Adds what the day needs that is not on the map, removes what it no longer needs.
  swap(group, shown, wanted) {
    for (const [key, layer] of shown) if (!wanted.has(key)) { group.removeLayer(layer); shown.delete(key); }
    for (const [key, layer] of wanted) if (!shown.has(key)) { group.addLayer(layer); shown.set(key, layer); }
  }

  show(day) {
    this.swap(this.groups.territories, this.shownMaps.territories, new Map(day.territories.map((t) => this.territoryLayer(t))));
    this.swap(this.groups.front, this.shownMaps.front, new Map(day.front === null ? [] : [[day.front, this.frontLayer(day.front)]]));
    this.swap(this.groups.events, this.shownMaps.events, new Map(day.events.map((id) => [id, this.eventMarker(id)]).filter(([, m]) => m)));

    // Changed places are few: they are rebuilt each day, ringed in the new holder's colour and labelled.
    this.groups.changes.clearLayers();
    for (const change of day.changes) {
      const place = this.model.placeById.get(change.place);
      if (!place) continue;
      const color = change.state === 'contested' ? '#333333' : this.model.actorById.get(change.actor)?.color ?? '#777777';
      L.circleMarker([place.lat, place.lon], { pane: 'changes', radius: 9, weight: 4, color, fillColor: '#ffffff', fillOpacity: 1, className: 'changed-place', interactive: false })
        .bindTooltip(`${place.name}: ${change.state === 'contested' ? 'contested' : `to ${this.model.actorName(change.actor)}`}`,
          { permanent: true, direction: 'right', offset: [10, 0], className: 'changed-label' })
        .addTo(this.groups.changes);
    }
  }

  setVisible(name, visible) {
    const group = this.groups[name];
    if (visible && !this.map.hasLayer(group)) group.addTo(this.map);
    if (!visible && this.map.hasLayer(group)) group.remove();
  }
}
