// The report page's map: draws the places a report names from /api/reports/{id}/mentions (no tile server needed),
// links them to the highlighted mentions, and lets a click on the map fill the lon/lat of a new-place form.
import * as L from '../lib/leaflet/leaflet-src.esm.js';

const statusColors = { auto: '#0b5cad', unresolved: '#a4000f', confirmed: '#1a7f37', corrected: '#8250df' };

for (const element of document.querySelectorAll('.report-map')) {
  // Until the places arrive, the theater (Aleppo and Idlib); Leaflet's order is lat,lng.
  const map = L.map(element, { zoomControl: true, attributionControl: true }).setView([36.0, 36.9], 8);
  element.territoryMap = map;
  drawMentions(map, element).catch((error) => {
    element.dataset.state = 'error';
    const message = document.createElement('p');
    message.className = 'error';
    message.textContent = `The map could not load the places: ${error.message}`;
    element.after(message);
  });
  fillNewPlaceForms(map);
}

async function drawMentions(map, element) {
  const response = await fetch(element.dataset.mentions, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}`);
  }

  const report = await response.json();
  const places = new Map();
  for (const mention of report.mentions) {
    if (mention.place) {
      const entry = places.get(mention.place.id) ?? { place: mention.place, mentions: [] };
      entry.mentions.push(mention);
      places.set(mention.place.id, entry);
    }
  }

  const markers = new Map();
  for (const { place, mentions } of places.values()) {
    // The API gives lon/lat (GeoJSON order); Leaflet wants lat,lng.
    const marker = L.circleMarker([place.lat, place.lon], {
      radius: 8,
      color: statusColors[mentions[0].status] ?? '#333',
      weight: 2,
      fillOpacity: 0.6,
      className: 'mention-marker',
    }).addTo(map);
    marker.bindPopup(popup(place, mentions));
    marker.bindTooltip(place.name);
    markers.set(String(place.id), marker);
  }

  if (markers.size > 0) {
    const bounds = L.latLngBounds([...places.values()].map(({ place }) => [place.lat, place.lon]));
    map.fitBounds(bounds.pad(0.2), { maxZoom: 11 });
  }

  // A highlighted mention opens its place on the map.
  for (const mark of document.querySelectorAll('.report-text mark[data-place-id]')) {
    const marker = markers.get(mark.dataset.placeId);
    if (marker) {
      mark.classList.add('on-map');
      mark.addEventListener('click', () => {
        map.panTo(marker.getLatLng());
        marker.openPopup();
      });
    }
  }

  element.dataset.markers = String(markers.size);
  element.dataset.state = 'ready';
}

// Built from DOM nodes, never from HTML strings: names come from reports and analysts.
function popup(place, mentions) {
  const box = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = place.name;
  const detail = document.createElement('div');
  detail.textContent = `${place.kind}, ${place.lon.toFixed(5)}, ${place.lat.toFixed(5)}`;
  const list = document.createElement('ul');
  for (const mention of mentions) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#mention-${mention.id}`;
    link.textContent = `“${mention.surface}” (${mention.status})`;
    item.append(link);
    list.append(item);
  }

  box.append(title, detail, list);
  return box;
}

// The new-place form last opened or touched receives the clicked point; the others are left alone.
function fillNewPlaceForms(map) {
  const forms = [...document.querySelectorAll('form.new-place')];
  if (forms.length === 0) {
    return;
  }

  let target = null;
  for (const form of forms) {
    form.addEventListener('focusin', () => { target = form; });
    form.closest('details')?.addEventListener('toggle', (event) => {
      if (event.target.open) {
        target = form;
      }
    });
  }

  let pin = null;
  map.on('click', (event) => {
    const form = target?.closest('details')?.open ? target : forms.find((f) => f.closest('details')?.open);
    if (!form) {
      return;
    }

    const point = event.latlng.wrap();
    form.elements['Input.Lon'].value = point.lng.toFixed(5);
    form.elements['Input.Lat'].value = point.lat.toFixed(5);
    pin ??= L.circleMarker(point, { radius: 6, color: '#d9480f', dashArray: '3', fillOpacity: 0.3, className: 'new-place-pin' });
    pin.setLatLng(point).addTo(map);
  });
}
