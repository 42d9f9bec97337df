// The area chart under the map: km² per actor per day, a line for what is held (the lower bound) and a band up to held
// plus contested (the upper bound), with a cursor on the shown day. Clicking a day asks the map to show it.
import { formatKm2, formatShort } from './format.js';

const svgNs = 'http://www.w3.org/2000/svg';
const width = 800;
const height = 190;
const margin = { left: 80, right: 24, top: 12, bottom: 26 };

function svg(tag, attributes, text) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

export class AreaChart {
  constructor(root, model, onPick) {
    this.root = root;
    this.model = model;
    const days = model.days;
    const max = Math.max(1, ...days.flatMap((d) => d.areas.map((a) => a.upperKm2)));
    const plotWidth = width - margin.left - margin.right;
    const plotHeight = height - margin.top - margin.bottom;
    this.x = (i) => margin.left + (days.length === 1 ? plotWidth / 2 : (i * plotWidth) / (days.length - 1));
    const y = (v) => margin.top + plotHeight - (v / max) * plotHeight;
    const step = days.length === 1 ? plotWidth : plotWidth / (days.length - 1);

    const nodes = [];
    for (const tick of [0, max / 2, max]) {
      nodes.push(svg('line', { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick), class: 'grid' }));
      nodes.push(svg('text', { x: margin.left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis' }, `${formatKm2(tick)} km²`));
    }
    const every = Math.max(1, Math.ceil(days.length / 8));
    days.forEach((d, i) => {
      const anchor = i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle';
      if (i % every === 0 || i === days.length - 1) nodes.push(svg('text', { x: this.x(i), y: height - 8, 'text-anchor': anchor, class: 'axis' }, formatShort(d.day)));
    });

    const labels = [];
    for (const actor of model.holders) {
      const series = days.map((d, i) => ({ i, area: d.areas.find((a) => a.actor === actor.id) })).filter((p) => p.area);
      if (series.length === 0) continue;
      const upper = series.map((p) => `${this.x(p.i)},${y(p.area.upperKm2)}`);
      const lower = series.map((p) => `${this.x(p.i)},${y(p.area.lowerKm2)}`);
      nodes.push(svg('polygon', { points: [...upper, ...lower.reverse()].join(' '), fill: actor.color, 'fill-opacity': 0.2, class: 'band' }));
      nodes.push(svg('polyline', { points: series.map((p) => `${this.x(p.i)},${y(p.area.lowerKm2)}`).join(' '), stroke: actor.color, fill: 'none', 'stroke-width': 2.5, class: 'held' }));
      const last = series[series.length - 1];
      labels.push({ x: this.x(last.i) - 4, y: y(last.area.lowerKm2) - 6, name: actor.name });
    }
    // Series ending close together would print their names on top of each other: from the bottom of the plot up, keep
    // them 13 px apart.
    labels.sort((a, b) => b.y - a.y);
    labels.forEach((label, i) => {
      label.y = Math.min(label.y, i === 0 ? height - margin.bottom - 4 : labels[i - 1].y - 13);
      nodes.push(svg('text', { x: label.x, y: label.y, 'text-anchor': 'end', class: 'series-label' }, label.name));
    });

    this.cursor = svg('line', { y1: margin.top, y2: height - margin.bottom, class: 'cursor' });
    nodes.push(this.cursor);
    // One transparent column per day takes the click, with the day's figures as its tooltip.
    days.forEach((d, i) => {
      const column = svg('rect', { x: this.x(i) - step / 2, y: 0, width: step, height, class: 'day-column', 'data-day': d.day });
      const figures = d.areas.map((a) => `${model.actorName(a.actor)} ${formatKm2(a.lowerKm2)}–${formatKm2(a.upperKm2)} km²`).join('; ');
      column.append(svg('title', {}, `${formatShort(d.day)}${figures ? `: ${figures}` : ''}`));
      column.addEventListener('click', () => onPick(i));
      nodes.push(column);
    });
    root.replaceChildren(...nodes);
  }

  show(index) {
    const x = String(this.x(index));
    this.cursor.setAttribute('x1', x);
    this.cursor.setAttribute('x2', x);
  }
}
