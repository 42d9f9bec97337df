// Keeps the server-rendered day panel (legend, areas, changes, events with sources) in step with the shown day.
import { element, formatKm2, formatLong } from './format.js';
import { eventText, holderText } from './model.js';

// The sources of an event as nodes: the quoted sentence, the report in the app and the outlet's own page.
export function sourceNodes(source) {
  const line = element('p', { class: 'source' }, 'Source: ',
    element('a', { href: `/reports/${source.reportId}` }, source.title ?? `report ${source.reportId}`));
  if (source.outlet) {
    line.append(', ', source.url ? element('a', { href: source.url, rel: 'external noopener' }, source.outlet) : source.outlet);
  }
  return [element('blockquote', {}, `“${source.quote}”`), line];
}

export function eventNodes(model, e) {
  return [
    element('p', {}, element('strong', {}, e.place === null ? 'Unplaced' : model.placeName(e.place)), ` — ${eventText(model, e)}`),
    ...e.sources.flatMap(sourceNodes),
  ];
}

export class DayPanel {
  constructor(root, model) {
    this.model = model;
    this.built = new Map();
    this.heading = root.querySelector('#day-heading');
    this.areas = root.querySelector('.areas');
    this.changes = root.querySelector('.changes');
    this.events = root.querySelector('.events');
    this.noChanges = root.querySelector('.none-changes') ?? element('p', { class: 'none-changes' }, 'No control change recorded on this day.');
    this.noEvents = root.querySelector('.none-events') ?? element('p', { class: 'none-events' }, 'No accepted event on this day.');
    this.changes.after(this.noChanges);
    this.events.after(this.noEvents);
    this.legend(root.querySelector('.legend'));
  }

  // The legend lists every actor that holds ground in the range, not only on the first day shown.
  legend(list) {
    for (const item of [...list.children]) if (!item.querySelector('.swatch.contested, .swatch.front, .swatch.changed, .swatch.event')) item.remove();
    const first = list.firstElementChild;
    for (const actor of this.model.holders) {
      const swatch = element('span', { class: 'swatch' });
      swatch.style.background = actor.color;
      list.insertBefore(element('li', {}, swatch, ` ${actor.name}`), first);
    }
  }

  // A day's list items are built on its first showing and kept, so going back to it only moves nodes.
  nodesOf(day) {
    let nodes = this.built.get(day.day);
    if (!nodes) {
      const model = this.model;
      nodes = {
        areas: day.areas.map((a) => element('li', {}, `${model.actorName(a.actor)}: ${formatKm2(a.lowerKm2)}–${formatKm2(a.upperKm2)} km²`)),
        changes: day.changes.map((c) => element('li', {},
          element('strong', {}, model.placeName(c.place)),
          `: ${holderText(model, c.previousActor, c.previousState)} → ${holderText(model, c.actor, c.state)}${c.tier && c.tier !== c.state ? ` (${c.tier})` : ''}`)),
        events: day.events.map((id) => model.eventById.get(id))
          .map((e) => element('li', { class: 'event', 'data-event-id': e.id }, ...eventNodes(model, e))),
      };
      this.built.set(day.day, nodes);
    }
    return nodes;
  }

  show(day) {
    const nodes = this.nodesOf(day);
    this.heading.textContent = formatLong(day.day);
    this.heading.dataset.day = day.day;
    this.areas.replaceChildren(...nodes.areas);
    this.changes.replaceChildren(...nodes.changes);
    this.events.replaceChildren(...nodes.events);
    this.noChanges.hidden = day.changes.length > 0;
    this.noEvents.hidden = day.events.length > 0;
  }
}
