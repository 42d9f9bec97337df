// The map page's module: reads its settings from data- attributes, fetches the whole timeline once and switches days
// from memory. Draws with Leaflet and the app's own basemap (no tile server unless a user turns OpenStreetMap on).
import * as L from '../lib/leaflet/leaflet-src.esm.js';
import { AreaChart } from './map/area-chart.js';
import { createBasemap, drawBasemap, followZoom } from './map/basemap.js';
import { DayLayers } from './map/day-layers.js';
import { DayPanel } from './map/day-panel.js';
import { formatLong } from './map/format.js';
import { MeasureTool } from './map/measure.js';
import { buildModel } from './map/model.js';
import { ShareTools } from './map/share.js';
import { readState, UrlWriter } from './map/url-state.js';

// What the browser tests read, in ms: time to first map (from navigation) and, per day switch, the script's own work
// (scriptMs), the input to the start of the next frame (frameMs: mostly waiting for it), that frame's style, layout and
// paint (renderMs: from its requestAnimationFrame callback to a task queued there, which runs once it is painted) and
// the input to just after that paint (repaintMs). eventMs holds the browser's own Event Timing durations (input to the
// next paint, in 8 ms steps) of keys and clicks that took 16 ms or more: the browser reports no faster ones.
const stats = { firstMapMs: null, scriptMs: [], frameMs: [], renderMs: [], repaintMs: [], eventMs: [], eventTiming: false, day: null };
window.territoryMapStats = stats;
if (PerformanceObserver.supportedEntryTypes?.includes('event')) {
  stats.eventTiming = true;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.interactionId) stats.eventMs.push({ name: entry.name, duration: entry.duration });
  }).observe({ type: 'event', durationThreshold: 16 });
}

async function fetchJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

function measureRepaint(input) {
  requestAnimationFrame(() => {
    const frame = performance.now();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const painted = performance.now();
      stats.frameMs.push(frame - input);
      stats.renderMs.push(painted - frame);
      stats.repaintMs.push(painted - input);
    };
    channel.port2.postMessage(null);
  });
}

async function start(element) {
  const page = element.closest('main') ?? document.body;
  const status = document.createElement('p');
  status.className = 'map-status';
  status.setAttribute('role', 'status');
  element.after(status);

  const initial = readState();
  const [lat, lng] = (element.dataset.center ?? '36.05,37.0').split(',').map(Number);
  // Leaflet's order is [lat, lng]; the basemap and timeline geometries are decoded into it.
  const map = L.map(element, { zoomControl: true, attributionControl: true, zoomSnap: 0.5 })
    .setView([initial.lat ?? lat, initial.lng ?? lng], initial.zoom ?? Number(element.dataset.zoom ?? 9));
  element.territoryMap = map;
  const base = createBasemap(map);
  followZoom(map);

  let timeline;
  try {
    const [timelineData, basemapData] = await Promise.all([fetchJson(element.dataset.timelineUrl), fetchJson(element.dataset.basemapUrl)]);
    drawBasemap(base, basemapData);
    timeline = buildModel(timelineData);
  } catch (error) {
    status.textContent = `The map data could not be loaded (${error.message}); the day's list below still holds.`;
    return;
  }
  if (timeline.days.length === 0) {
    status.textContent = 'No territory recorded yet.';
    return;
  }

  const layers = new DayLayers(map, timeline);
  const optional = { ...layers.groups, labels: base.labels, basemap: base.borders, osm: base.osm };
  const panel = new DayPanel(page.querySelector('.day-panel'), timeline);
  const range = page.querySelector('#timeline-day');
  const output = page.querySelector('#timeline-date');
  const steps = [...page.querySelectorAll('.timeline .step')];
  const playButton = page.querySelector('.timeline .play');
  const speed = page.querySelector('#timeline-speed');
  const layerBoxes = [...page.querySelectorAll('.map-layers input[name=layer]')];
  for (const hidden of page.querySelectorAll('.scrubber, .player, .map-layers, .area-chart')) hidden.hidden = false;
  range.max = String(timeline.days.length - 1);

  const current = { index: -1, layers: new Set(initial.layers) };
  const url = new UrlWriter(() => {
    const center = map.getCenter();
    return { date: timeline.days[current.index].day, lat: center.lat, lng: center.lng, zoom: map.getZoom(), layers: current.layers };
  });

  const tools = { measure: null, share: null };
  // input: when the key, click or scrubber move happened (its event's timeStamp), else now.
  function setDay(index, history, input) {
    const started = performance.now();
    const next = Math.min(Math.max(index, 0), timeline.days.length - 1);
    if (next === current.index) return;
    current.index = next;
    const day = timeline.days[next];
    layers.show(day);
    panel.show(day);
    chart.show(next);
    range.value = String(next);
    range.setAttribute('aria-valuetext', formatLong(day.day));
    output.textContent = formatLong(day.day);
    for (const link of steps) {
      const target = timeline.days[next + Number(link.dataset.step)];
      link.hidden = !target;
      if (target) link.href = `/map?date=${target.day}`;
    }
    element.dataset.day = day.day;
    stats.day = day.day;
    tools.measure?.dayChanged();
    tools.share?.update();
    stats.scriptMs.push(performance.now() - started);
    measureRepaint(Math.min(input ?? started, started));
    if (history === 'push') url.push();
    else if (history === 'replace') url.replace();
  }

  function setLayers(names) {
    current.layers = new Set(names);
    for (const box of layerBoxes) box.checked = current.layers.has(box.value);
    for (const [name, layer] of Object.entries(optional)) {
      const visible = current.layers.has(name);
      if (visible && !map.hasLayer(layer)) layer.addTo(map);
      if (!visible && map.hasLayer(layer)) layer.remove();
    }
  }

  const chart = new AreaChart(page.querySelector('.area-chart svg'), timeline, (i) => setDay(i, 'push'));
  setLayers(initial.layers);
  setDay(timeline.dayIndex.get(initial.date ?? element.dataset.date) ?? timeline.dayIndex.get(element.dataset.date) ?? timeline.days.length - 1, 'none');
  const toolsRoot = page.querySelector('.map-tools');
  if (toolsRoot) {
    const currentDay = () => timeline.days[current.index].day;
    tools.measure = new MeasureTool(map, toolsRoot, currentDay);
    tools.share = new ShareTools(map, toolsRoot, currentDay);
    tools.share.update();
    for (const part of toolsRoot.querySelectorAll('[data-needs-script]')) part.hidden = false;
  }
  requestAnimationFrame(() => {
    stats.firstMapMs = performance.now();
    element.dataset.ready = 'true';
    // After the first map, while the page is idle: every day's lists, built in advance so no step builds one.
    (window.requestIdleCallback ?? setTimeout)(() => panel.prepare(timeline.days));
  });

  // A drag of the scrubber is one history entry: the first move pushes, the rest replace it.
  let scrubbing = false;
  range.addEventListener('input', (event) => {
    setDay(Number(range.value), scrubbing ? 'replace' : 'push', event.timeStamp);
    scrubbing = true;
  });
  range.addEventListener('change', () => { scrubbing = false; });
  for (const link of steps) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      setDay(current.index + Number(link.dataset.step), 'push', event.timeStamp);
    });
  }
  page.querySelector('.day-form')?.addEventListener('submit', (event) => {
    const index = timeline.dayIndex.get(page.querySelector('#day-input').value);
    if (index === undefined) return; // the server explains a day outside the timeline
    event.preventDefault();
    setDay(index, 'push');
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey || target.closest?.('input, select, textarea, .leaflet-container')) return;
    const moves = { ArrowLeft: current.index - 1, ArrowRight: current.index + 1, Home: 0, End: timeline.days.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    setDay(moves[event.key], 'push', event.timeStamp);
  });

  let playing = 0;
  function stop() {
    clearTimeout(playing);
    playing = 0;
    playButton.textContent = 'Play';
    playButton.setAttribute('aria-pressed', 'false');
  }
  function tick() {
    if (current.index >= timeline.days.length - 1) { stop(); url.push(); return; }
    setDay(current.index + 1, 'replace');
    playing = setTimeout(tick, Number(speed.value));
  }
  playButton.addEventListener('click', () => {
    if (playing) { stop(); url.push(); return; }
    if (current.index >= timeline.days.length - 1) setDay(0, 'push');
    playButton.textContent = 'Pause';
    playButton.setAttribute('aria-pressed', 'true');
    playing = setTimeout(tick, Number(speed.value));
  });

  for (const box of layerBoxes) {
    box.addEventListener('change', () => {
      setLayers(layerBoxes.filter((b) => b.checked).map((b) => b.value));
      url.push();
    });
  }
  map.on('moveend', () => url.replace());
  window.addEventListener('popstate', () => {
    const state = readState();
    stop();
    setLayers(state.layers);
    if (state.lat !== null && state.lng !== null) map.setView([state.lat, state.lng], state.zoom ?? map.getZoom(), { animate: false });
    setDay(timeline.dayIndex.get(state.date) ?? current.index, 'none');
  });
}

const root = document.querySelector('.territory-map');
if (root) start(root);
