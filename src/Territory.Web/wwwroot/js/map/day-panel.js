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

// The lists that change with the day, by their class in the server-rendered panel.
const listNames = ['areas', 'changes', 'events'];

export class DayPanel {
  constructor(root, model) {
    this.model = model;
    this.built = new Map();
    this.heading = root.querySelector('#day-heading');
    // The server rendered the lists of its day: they are that day's lists, and the templates of the other days'.
    this.lists = Object.fromEntries(listNames.map((name) => [name, root.querySelector(`.${name}`)]));
    this.built.set(this.heading.dataset.day, this.lists);
    this.shown = this.lists;
    this.noChanges = root.querySelector('.none-changes') ?? element('p', { class: 'none-changes' }, 'No control change recorded on this day.');
    this.noEvents = root.querySelector('.none-events') ?? element('p', { class: 'none-events' }, 'No accepted event on this day.');
    this.lists.changes.after(this.noChanges);
    this.lists.events.after(this.noEvents);
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

  // Each day has its own lists, built on its first showing and kept in the page beside the others: a day not shown is
  // skipped with content-visibility: hidden, which keeps its layout, so showing it again lays out and shapes no text.
  listsOf(day) {
    let lists = this.built.get(day.day);
    if (!lists) {
      const model = this.model;
      const items = {
        areas: day.areas.map((a) => element('li', {}, `${model.actorName(a.actor)}: ${formatKm2(a.lowerKm2)}–${formatKm2(a.upperKm2)} km²`)),
        changes: day.changes.map((c) => element('li', {},
          element('strong', {}, model.placeName(c.place)),
          `: ${holderText(model, c.previousActor, c.previousState)} → ${holderText(model, c.actor, c.state)}${c.tier && c.tier !== c.state ? ` (${c.tier})` : ''}`)),
        events: day.events.map((id) => model.eventById.get(id))
          .map((e) => element('li', { class: 'event', 'data-event-id': e.id }, ...eventNodes(model, e))),
      };
      lists = {};
      for (const name of listNames) {
        const list = this.lists[name].cloneNode(false);
        list.classList.add('other-day');
        list.setAttribute('aria-hidden', 'true');
        list.removeAttribute('data-testid');
        list.append(...items[name]);
        this.lists[name].parentNode.insertBefore(list, this.lists[name]);
        lists[name] = list;
      }
      this.built.set(day.day, lists);
    }
    return lists;
  }

  // Builds every day's lists, hidden, when the page is idle, so no step builds nodes. (Their first showing still lays
  // them out: a layout forced while hidden was not kept, as traces showed.)
  prepare(days) {
    for (const day of days) this.listsOf(day);
  }

  show(day) {
    const lists = this.listsOf(day);
    this.heading.textContent = formatLong(day.day);
    this.heading.dataset.day = day.day;
    if (lists !== this.shown) {
      // The test ids name the lists shown.
      for (const name of listNames) {
        const testId = this.shown[name].getAttribute('data-testid');
        this.shown[name].classList.add('other-day');
        this.shown[name].setAttribute('aria-hidden', 'true');
        this.shown[name].removeAttribute('data-testid');
        lists[name].classList.remove('other-day');
        lists[name].removeAttribute('aria-hidden');
        if (testId) lists[name].setAttribute('data-testid', testId);
      }
      this.shown = lists;
    }
    this.noChanges.hidden = day.changes.length > 0;
    this.noEvents.hidden = day.events.length > 0;
  }
}
