// Gazetteer suggestions for a place field: fills its datalist from the places API as the analyst types.
// The form works without it (the server resolves a name or #id); this only saves looking ids up.
const DELAY_MS = 250;

for (const input of document.querySelectorAll('input[data-place-search]')) {
  const list = document.getElementById(input.getAttribute('list'));
  if (!list) continue;
  let timer;
  let controller;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2 || q.startsWith('#')) return;
    timer = setTimeout(async () => {
      controller?.abort();
      controller = new AbortController();
      try {
        const url = `${input.dataset.placeSearch}?q=${encodeURIComponent(q)}&limit=10`;
        const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
        if (!response.ok) return;
        const places = await response.json();
        list.replaceChildren(...places.map((p) => {
          const option = document.createElement('option');
          option.value = `#${p.id} ${p.name}`;
          option.label = `${p.kind}, ${p.lon.toFixed(3)} ${p.lat.toFixed(3)}`;
          return option;
        }));
      } catch (error) {
        if (error.name !== 'AbortError') throw error;
      }
    }, DELAY_MS);
  });
}
