// The map: an offline Natural Earth basemap (no tiles), events as circles sized by
// fatalities and coloured by type. Clicking a circle opens the event.

import { colourOf, esc } from "./util.js";

export class EventMap {
  constructor(el, onOpen) {
    this.onOpen = onOpen;
    this.map = L.map(el, { preferCanvas: true, worldCopyJump: true, minZoom: 1, maxZoom: 12 }).setView([25, 40], 2);
    this.map.attributionControl.addAttribution("Basemap: Natural Earth");
    this.layer = L.layerGroup().addTo(this.map);
    fetch("/static/vendor/basemap/countries-110m.geojson")
      .then((r) => r.json())
      .then((geo) => {
        L.geoJSON(geo, { style: { color: "#9aa7b4", weight: 0.6, fillColor: "#eef1f4", fillOpacity: 1 }, interactive: false })
          .addTo(this.map).bringToBack();
      });
  }

  static radius(fatalities) {
    return 4 + Math.min(20, 3 * Math.sqrt(Math.max(0, fatalities || 0)));
  }

  // Draw `features`; `fit` zooms to them (on a new filter, not while brushing).
  show(features, fit = true) {
    this.layer.clearLayers();
    const pts = [];
    for (const f of features) {
      if (!f.geometry || f.geometry.type !== "Point") continue;
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties || {};
      const marker = L.circleMarker([lat, lon], {
        radius: EventMap.radius(p.fatalities),
        color: "#333", weight: 0.5, fillColor: colourOf(p.event_type), fillOpacity: 0.75,
        className: "event-point",
      });
      marker.bindTooltip(`${esc(p.date)} ${esc(p.sub_event_type || p.event_type)}<br>${esc(p.location_name || "")} · ${esc(p.fatalities ?? 0)} killed`);
      marker.on("click", () => this.onOpen(p.event_id));
      marker.eventId = p.event_id;
      marker.addTo(this.layer);
      pts.push([lat, lon]);
    }
    this.markers = this.layer.getLayers();
    if (fit && pts.length) this.map.fitBounds(pts, { maxZoom: 5, padding: [20, 20], animate: false });
  }

  // Screen position of an event's circle (for tests and keyboard users).
  pointOf(id) {
    const m = (this.markers || []).find((x) => String(x.eventId) === String(id));
    return m ? this.map.latLngToContainerPoint(m.getLatLng()) : null;
  }
}
