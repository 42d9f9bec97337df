// The embed page's timeline: the range input picks a day, and the map is swapped for that day's server-rendered SVG.
const input = document.querySelector('.embed-timeline input[type=range]');
const output = document.querySelector('.embed-timeline output');
const map = document.querySelector('.embed-map');

if (input && map) {
  const days = input.dataset.days.split(',');
  let pending;
  input.addEventListener('input', () => {
    const day = days[Number(input.value)];
    output.textContent = day;
    clearTimeout(pending);
    pending = setTimeout(() => show(day), 120);
  });

  async function show(day) {
    const response = await fetch(`snapshots/${day}.svg?${input.dataset.query}`);
    // A later move of the slider wins over a slow answer.
    if (!response.ok || days[Number(input.value)] !== day) {
      return;
    }

    const svg = new DOMParser().parseFromString(await response.text(), 'image/svg+xml').documentElement;
    map.replaceChildren(document.importNode(svg, true));
  }
}
