// The events table: one page of GET /events, sortable by clicking a column header.

import { actorLink } from "./event-view.js";
import { actorName, colourOf, esc, placeName } from "./util.js";

const SORT_KEYS = {
  date: (e) => e.date || "",
  event_type: (e) => e.event_type || "",
  sub_event_type: (e) => e.sub_event_type || "",
  location: (e) => placeName(e.location),
  actor1: (e) => actorName(e.actor1),
  attribution: (e) => e.attribution || "",
  actor2: (e) => actorName(e.actor2),
  fatalities: (e) => (e.fatalities ?? -1),
};

export class EventsTable {
  constructor(table, onOpen) {
    this.table = table;
    this.onOpen = onOpen;
    this.items = [];
    this.sort = { key: "date", dir: -1 };
    table.querySelector("thead").addEventListener("click", (ev) => {
      const th = ev.target.closest("th[data-sort]");
      if (!th) return;
      const key = th.dataset.sort;
      this.sort = { key, dir: this.sort.key === key ? -this.sort.dir : 1 };
      this.render();
    });
    table.querySelector("tbody").addEventListener("click", (ev) => {
      if (ev.target.closest(".actor-link")) return; // an actor name opens the actor instead
      const tr = ev.target.closest("tr[data-id]");
      if (tr) this.onOpen(tr.dataset.id);
    });
  }

  show(items) {
    this.items = items;
    this.render();
  }

  sorted() {
    const f = SORT_KEYS[this.sort.key];
    return [...this.items].sort((a, b) => {
      const [x, y] = [f(a), f(b)];
      return (x < y ? -1 : x > y ? 1 : 0) * this.sort.dir;
    });
  }

  render() {
    for (const th of this.table.querySelectorAll("th[data-sort]")) {
      th.classList.toggle("asc", th.dataset.sort === this.sort.key && this.sort.dir > 0);
      th.classList.toggle("desc", th.dataset.sort === this.sort.key && this.sort.dir < 0);
    }
    const rows = this.sorted().map((e) => `
      <tr data-id="${esc(e.event_id)}" tabindex="0">
        <td>${esc(e.date)}</td>
        <td><span class="dot" style="background:${colourOf(e.event_type)}"></span>${esc(e.event_type)}</td>
        <td>${esc(e.sub_event_type)}</td>
        <td>${esc(placeName(e.location))}</td>
        <td>${e.actor1 ? actorLink({ ...e.actor1, type: "" }) : ""}</td>
        <td class="attr attr-${esc(e.attribution)}">${esc(e.attribution)}${e.attribution_source ? ` <small>by ${esc(e.attribution_source)}</small>` : ""}</td>
        <td>${e.actor2 ? actorLink({ ...e.actor2, type: "" }) : ""}</td>
        <td class="num">${esc(e.fatalities ?? "")}</td>
      </tr>`);
    this.table.querySelector("tbody").innerHTML = rows.join("") || `<tr><td colspan="8" class="empty">No events match.</td></tr>`;
  }
}
