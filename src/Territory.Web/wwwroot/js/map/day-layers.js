// Draws the days of the timeline: territories, the front, changed places and events. Every layer any day needs is built
// and added once, when the timeline arrives; switching days only shows and hides their elements (no projection, no
// path strings, no DOM insertion, no layout boxes built), so a scrub step costs a few style changes and a repaint.
import * as L from '../../lib/leaflet/leaflet-src.esm.js';
import { decodeGeometry, decodeLines } from './geometry.js';
import { eventNodes } from './day-panel.js';
import { element } from './format.js';

const eventSymbols = { control_change: '⚑', strike: '✸', casualties: '✚', claim: '❝', denial: '✕' };

// A hidden layer keeps its elements in the map; Leaflet builds new ones when its group is switched back on, hence 'add'.
// Another day's elements are hidden with visibility, not display: they keep their layout boxes (and their labels' shaped
// text), so a step only repaints, and a hidden marker is still out of the tab order and the accessibility tree.
function applyShown(layer) {
  const visibility = layer.dayShown ? '' : 'hidden';
  const node = layer.getElement?.();
  if (node) node.style.visibility = visibility;
  const tooltip = layer.getTooltip?.()?.getElement();
  if (tooltip) tooltip.style.visibility = visibility;
  if (!layer.dayShown) layer.closePopup?.();
}

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
    this.cache = new Map();
    this.shown = new Set();
    this.dayLayers = model.days.map((day) => this.layersOf(day));
    map.on('zoomend', () => this.placeLabels());
  }

  // One layer per key, built and added (hidden) the first time a day needs it.
  layer(group, key, build) {
    let layer = this.cache.get(key);
    if (!layer) {
      layer = build();
      if (!layer) return null;
      layer.dayShown = false;
      layer.on('add', () => { applyShown(layer); this.relabelSoon(); });
      this.groups[group].addLayer(layer);
      applyShown(layer);
      this.cache.set(key, layer);
    }
    return layer;
  }

  layersOf(day) {
    const layers = day.territories.map((t) => this.layer('territories', `t|${t.geometry}|${t.actor}|${t.state}`, () => this.territoryLayer(t)));
    if (day.front !== null) layers.push(this.layer('front', `f|${day.front}`, () => this.frontLayer(day.front)));
    for (const id of day.events) layers.push(this.layer('events', `e|${id}`, () => this.eventMarker(id)));
    for (const change of day.changes) {
      const color = change.state === 'contested' ? '#333333' : this.model.actorById.get(change.actor)?.color ?? '#777777';
      layers.push(this.layer('changes', `c|${change.place}|${change.state}|${change.actor}`, () => this.changeMarker(change, color)));
    }
    return new Set(layers.filter((l) => l));
  }

  territoryLayer(t) {
    const latlngs = decodeGeometry(this.model.geometries[t.geometry], this.model.scale);
    const contested = t.state === 'contested';
    const actor = this.model.actorById.get(t.actor);
    const label = contested ? 'Contested' : actor?.name ?? 'Unknown holder';
    const layer = L.polygon(latlngs, contested
      ? { color: '#333333', weight: 1.5, dashArray: '4 3', fillColor: 'url(#contested-hatch)', fillOpacity: 1, className: 'territory contested' }
      : { color: actor?.color ?? '#777777', weight: 1.5, fillColor: actor?.color ?? '#777777', fillOpacity: 0.35, className: 'territory held' });
    // The label names the holder (or says contested), so nothing is told by colour alone.
    layer.bindTooltip(label, { permanent: true, direction: 'center', className: `territory-label${contested ? ' contested' : ''}`, interactive: false });
    layer.labelPriority = contested ? 3 : 1;
    return layer;
  }

  frontLayer(index) {
    return L.polyline(decodeLines(this.model.geometries[index], this.model.scale),
      { pane: 'front', color: '#111111', weight: 3.5, opacity: 0.9, className: 'front-line', interactive: false });
  }

  eventMarker(id) {
    const e = this.model.eventById.get(id);
    const place = this.model.placeById.get(e.place);
    if (!place) return null;
    const title = `${place.name}: ${e.kind.replace('_', ' ')}${e.tier ? ` (${e.tier})` : ''}`;
    const marker = L.marker([place.lat, place.lon], {
      icon: L.divIcon({ className: `event-marker kind-${e.kind}`, html: eventSymbols[e.kind] ?? '•', iconSize: [22, 22] }),
      title,
      alt: title,
      keyboard: true,
      riseOnHover: true,
    });
    marker.bindPopup(() => element('div', { class: 'event-popup' }, ...eventNodes(this.model, e)), { maxWidth: 320 });
    return marker;
  }

  // A changed place, ringed in the new holder's colour and labelled.
  changeMarker(change, color) {
    const place = this.model.placeById.get(change.place);
    if (!place) return null;
    const marker = L.circleMarker([place.lat, place.lon], { pane: 'changes', radius: 9, weight: 4, color, fillColor: '#ffffff', fillOpacity: 1, className: 'changed-place', interactive: false });
    marker.bindTooltip(`${place.name}: ${change.state === 'contested' ? 'contested' : `to ${this.model.actorName(change.actor)}`}`,
      { permanent: true, direction: 'right', offset: [10, 0], className: 'changed-label' });
    marker.labelPriority = 2;
    return marker;
  }

  show(day) {
    const wanted = this.dayLayers[this.model.dayIndex.get(day.day)];
    for (const layer of this.shown) {
      if (!wanted.has(layer)) { layer.dayShown = false; applyShown(layer); }
    }
    for (const layer of wanted) {
      if (!this.shown.has(layer)) { layer.dayShown = true; applyShown(layer); }
    }
    this.shown = wanted;
    this.placeLabels();
  }

  relabelSoon() {
    if (this.relabelQueued) return;
    this.relabelQueued = true;
    queueMicrotask(() => { this.relabelQueued = false; this.placeLabels(); });
  }

  // Simple collision avoidance for the permanent labels: contested areas first, then changed places, then holders; a
  // label that would overlap one already placed tries a position above or below (a changed place's: left of its ring),
  // else is hidden (the area keeps its colour and pattern, the place its ring and its line in the day's list). Boxes come
  // from projected points and the text's length, so placing never reads layout.
  placeLabels() {
    const placed = [];
    const labelled = [...this.shown].filter((l) => l.getTooltip?.()?.getElement() && this.map.hasLayer(l))
      .sort((a, b) => b.labelPriority - a.labelPriority);
    for (const layer of labelled) {
      const tooltip = layer.getTooltip();
      const node = tooltip.getElement();
      const point = this.map.latLngToContainerPoint(tooltip.getLatLng());
      const width = labelWidth(tooltip.getContent());
      const height = 22;
      const changed = layer.labelPriority === 2;
      const candidates = changed
        ? [[point.x + 10, point.y - height / 2, ''], [point.x - 10 - width, point.y - height / 2, `${-(width + 20)}px 0`]]
        : [0, -26, 26].map((dy) => [point.x - width / 2, point.y - height / 2 + dy, dy ? `0 ${dy}px` : '']);
      const fit = candidates.find(([x, y]) => !placed.some((b) => x < b.x + b.w && b.x < x + width && y < b.y + b.h && b.y < y + height));
      node.style.visibility = fit ? '' : 'hidden';
      node.style.translate = fit ? fit[2] : '';
      if (fit) placed.push({ x: fit[0], y: fit[1], w: width, h: height });
    }
  }
}

// A generous estimate of a label's width in px (bold 12px text plus padding), so estimated boxes never under-cover.
function labelWidth(text) {
  return String(text).length * 7.6 + 12;
}
