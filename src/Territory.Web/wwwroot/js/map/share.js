// The map's Share tools: a Snapshot link (PNG of the current day and view) and a copyable <iframe> snippet of the
// embed page, both kept in step with the map's day and extent.
const fixed = (value) => value.toFixed(4);

export class ShareTools {
  constructor(map, root, currentDay) {
    this.map = map;
    this.currentDay = currentDay;
    this.snapshot = root.querySelector('.snapshot-link');
    this.snippet = root.querySelector('.embed-snippet');
    this.timeline = root.querySelector('.embed-timeline');
    this.copyButton = root.querySelector('.embed-copy');
    map.on('moveend', () => this.update());
    this.timeline.addEventListener('change', () => this.update());
    this.copyButton.addEventListener('click', async () => {
      this.snippet.select();
      try {
        await navigator.clipboard.writeText(this.snippet.value);
        this.copyButton.textContent = 'Copied';
      } catch {
        this.copyButton.textContent = 'Press Ctrl+C';
      }
    });
  }

  // minLon,minLat,maxLon,maxLat of the map's view, clamped to what the snapshot endpoint accepts.
  bbox() {
    const b = this.map.getBounds();
    return [Math.max(b.getWest(), -180), Math.max(b.getSouth(), -85), Math.min(b.getEast(), 180), Math.min(b.getNorth(), 85)].map(fixed).join(',');
  }

  update() {
    const day = this.currentDay();
    const bbox = this.bbox();
    this.snapshot.href = `/snapshots/${day}.png?bbox=${bbox}`;
    const src = new URL(`/embed?date=${day}&bbox=${bbox}&timeline=${this.timeline.checked ? 1 : 0}`, window.location.href).href;
    this.snippet.value = `<iframe src="${src}" width="800" height="560" style="border:0" title="Territorial control on ${day}" loading="lazy"></iframe>`;
    this.copyButton.textContent = 'Copy';
  }
}
