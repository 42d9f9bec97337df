// Words and numbers shown to people, shared by the map, the day panel and the chart.
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const formatLong = (iso) => longDate.format(new Date(`${iso}T00:00:00Z`));
export const formatShort = (iso) => shortDate.format(new Date(`${iso}T00:00:00Z`));
export const formatKm2 = (value) => number.format(value);

// Builds an element with text content only (quotes and names never pass through innerHTML).
export function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child);
  }
  return node;
}
