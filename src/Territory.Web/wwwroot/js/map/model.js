// The timeline payload with look-ups built once, so switching days is only array indexing.
import { formatLong } from './format.js';

export function buildModel(data) {
  const actors = new Map(data.actors.map((a) => [a.id, a]));
  const places = new Map(data.places.map((p) => [p.id, p]));
  const events = new Map(data.events.map((e) => [e.id, e]));
  const dayIndex = new Map(data.days.map((d, i) => [d.day, i]));
  const holders = new Set();
  for (const day of data.days) {
    for (const t of day.territories) if (t.actor !== null) holders.add(t.actor);
  }
  return {
    ...data,
    actorById: actors,
    placeById: places,
    eventById: events,
    dayIndex,
    holders: data.actors.filter((a) => holders.has(a.id)),
    actorName: (id) => actors.get(id)?.name ?? 'unknown',
    placeName: (id) => places.get(id)?.name ?? `place ${id}`,
  };
}

export function holderText(model, actor, state) {
  if (state === null || state === undefined) return 'no record';
  return state === 'contested' ? 'contested' : `held by ${model.actorName(actor)}`;
}

export function eventText(model, e) {
  const what = e.kind.replace('_', ' ') + (e.tier ? ` (${e.tier})` : '');
  const who = e.gainer === null ? '' : `: ${model.actorName(e.gainer)}${e.loser === null ? '' : ` from ${model.actorName(e.loser)}`}`;
  const when = e.dayFrom === e.dayTo ? formatLong(e.dayFrom) : `${formatLong(e.dayFrom)} to ${formatLong(e.dayTo)}`;
  return `${what}${who}, ${when}`;
}
