// Decodes the timeline's "quantized-delta-1e4" geometries: parts -> rings -> [lon0, lat0, dLon, dLat, ...] in 1/scale
// degrees. Returns Leaflet's nesting ([lat, lng] points), so a polygon or polyline can be built from it directly.
export function decodeGeometry(parts, scale) {
  return parts.map((rings) => rings.map((ring) => {
    const points = new Array(ring.length / 2);
    let x = 0;
    let y = 0;
    for (let i = 0; i < ring.length; i += 2) {
      x += ring[i];
      y += ring[i + 1];
      points[i / 2] = [y / scale, x / scale];
    }
    return points;
  }));
}

// A line geometry's parts each hold one line: Leaflet wants a flat list of lines.
export function decodeLines(parts, scale) {
  return decodeGeometry(parts, scale).map((rings) => rings[0]);
}
