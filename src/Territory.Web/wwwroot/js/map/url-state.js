// The view in the query string: ?date=2024-11-29&lat=36.2&lng=37.1&z=9&layers=territories,front,...
// Discrete moves push a history entry; scrubbing, playing and panning replace the current one (at most every 250 ms,
// which also keeps under the browser's limit on history calls).
export const defaultLayers = ['territories', 'front', 'changes', 'events', 'labels', 'basemap'];

export function readState(search = window.location.search) {
  const query = new URLSearchParams(search);
  const number = (name) => (query.has(name) && Number.isFinite(Number(query.get(name))) ? Number(query.get(name)) : null);
  const layers = query.has('layers') ? query.get('layers').split(',').filter(Boolean) : defaultLayers;
  return { date: query.get('date'), lat: number('lat'), lng: number('lng'), zoom: number('z'), layers };
}

export function stateUrl(state) {
  const query = new URLSearchParams(window.location.search);
  query.set('date', state.date);
  query.set('lat', state.lat.toFixed(4));
  query.set('lng', state.lng.toFixed(4));
  query.set('z', String(state.zoom));
  const layers = [...state.layers].sort().join(',');
  if (layers === [...defaultLayers].sort().join(',')) query.delete('layers'); else query.set('layers', layers);
  return `${window.location.pathname}?${query}`;
}

export class UrlWriter {
  constructor(current) {
    this.current = current;
    this.timer = 0;
  }

  push() {
    clearTimeout(this.timer);
    this.timer = 0;
    const url = stateUrl(this.current());
    if (url !== window.location.pathname + window.location.search) history.pushState(null, '', url);
  }

  replace() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = 0;
      history.replaceState(null, '', stateUrl(this.current()));
    }, 250);
  }
}
