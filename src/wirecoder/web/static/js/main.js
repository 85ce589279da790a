// The analyst's page: filters drive the table (GET /events, cursor-paginated), the
// map and the timeline (GET /export.geojson); the timeline's brush narrows both the
// table and the map to a date range. Clicking a row or a circle opens the event.

import { getJSON, query } from "./api.js";
import { EventsTable } from "./table.js";
import { EventMap } from "./map.js";
import { Timeline } from "./timeline.js";
import { renderEvent, wireFieldHover } from "./event-view.js";
import { renderActor } from "./actor-view.js";
import { wirePaste } from "./paste.js";
import { setStatus } from "./util.js";

const PAGE = 50;
const state = { filters: {}, brush: null, cursors: [null], page: 0, features: [] };

const $ = (id) => document.getElementById(id);
const table = new EventsTable($("events"), openEvent);
const map = new EventMap($("map"), openEvent);
const timeline = new Timeline($("timeline"), $("legend"), onBrush);

function readFilters() {
  const f = {};
  for (const [k, v] of new FormData($("filters"))) if (v.trim()) f[k] = v.trim();
  return f;
}

// Table filters: the form's, narrowed by the brushed date range.
function tableFilters() {
  const f = { ...state.filters };
  if (state.brush) {
    f.date_from = f.date_from && f.date_from > state.brush[0] ? f.date_from : state.brush[0];
    f.date_to = f.date_to && f.date_to < state.brush[1] ? f.date_to : state.brush[1];
  }
  return f;
}

// Export links carry the same filters as the table.
function updateExportLinks() {
  const qs = query(tableFilters());
  for (const fmt of ["csv", "geojson", "jsonl"]) $(`export-${fmt}`).href = `/export.${fmt}${qs}`;
}

async function loadPage() {
  updateExportLinks();
  try {
    const res = await getJSON("/events", { ...tableFilters(), cursor: state.cursors[state.page], limit: PAGE });
    table.show(res.items);
    state.cursors[state.page + 1] = res.next_cursor;
    $("total").textContent = `${res.total} event${res.total === 1 ? "" : "s"}`;
    $("page-label").textContent = `page ${state.page + 1}`;
    $("prev").disabled = state.page === 0;
    $("next").disabled = !res.next_cursor;
    setStatus("");
  } catch (err) {
    setStatus(err.message, true);
  }
}

function inBrush(f) {
  const d = f.properties && f.properties.date;
  return !state.brush || (d && d >= state.brush[0] && d <= state.brush[1]);
}

async function loadAll() {
  state.cursors = [null];
  state.page = 0;
  const pageDone = loadPage();
  try {
    const geo = await getJSON("/export.geojson", state.filters);
    state.features = geo.features;
    timeline.show(state.features);
    map.show(state.features.filter(inBrush));
  } catch (err) {
    setStatus(err.message, true);
  }
  await pageDone;
  document.body.dataset.loaded = String(Date.now());
}

function onBrush(sel) {
  state.brush = sel;
  $("brush-label").textContent = sel ? `${sel[0]} – ${sel[1]}` : "";
  $("brush-clear").hidden = !sel;
  map.show(state.features.filter(inBrush), false);
  state.cursors = [null];
  state.page = 0;
  loadPage().then(() => { document.body.dataset.loaded = String(Date.now()); });
}

function showDrawer(html) {
  $("drawer-body").innerHTML = html;
  $("drawer").hidden = false;
  wireFieldHover($("drawer-body"));
}

async function openEvent(id) {
  try {
    showDrawer(renderEvent(await getJSON(`/events/${encodeURIComponent(id)}`)));
  } catch (err) {
    setStatus(err.message, true);
  }
}

async function openActor(id) {
  try {
    showDrawer(renderActor(await getJSON(`/actors/${encodeURIComponent(id)}`)));
  } catch (err) {
    setStatus(err.message, true);
  }
}

async function openActorByName(name) {
  try {
    const res = await getJSON("/actors", { q: name, limit: 20 });
    const hit = res.items.find((a) => a.name === name) || res.items[0];
    if (!hit) { setStatus(`No stored actor named ${name}`, true); return; }
    await openActor(hit.actor_id);
  } catch (err) {
    setStatus(err.message, true);
  }
}

document.addEventListener("click", (ev) => {
  const actor = ev.target.closest(".actor-link, .node[data-name]");
  const event = ev.target.closest(".event-link");
  if (actor) { ev.preventDefault(); actor.dataset.actorId ? openActor(actor.dataset.actorId) : openActorByName(actor.dataset.name); }
  else if (event) { ev.preventDefault(); openEvent(event.dataset.id); }
});

$("filters").addEventListener("submit", (ev) => { ev.preventDefault(); state.filters = readFilters(); loadAll(); });
$("filters").addEventListener("reset", () => setTimeout(() => { state.filters = {}; timeline.selection = null; onBrushReset(); }, 0));
function onBrushReset() { state.brush = null; $("brush-label").textContent = ""; $("brush-clear").hidden = true; loadAll(); }
$("brush-clear").addEventListener("click", () => timeline.setSelection(null));
$("prev").addEventListener("click", () => { state.page -= 1; loadPage(); });
$("next").addEventListener("click", () => { state.page += 1; loadPage(); });
$("drawer-close").addEventListener("click", () => { $("drawer").hidden = true; });
document.querySelectorAll(".tab").forEach((tab) => tab.addEventListener("click", () => {
  document.querySelectorAll(".tab").forEach((t) => t.classList.toggle("active", t === tab));
  $("view-browse").hidden = tab.dataset.view !== "browse";
  $("view-paste").hidden = tab.dataset.view !== "paste";
  if (tab.dataset.view === "browse") map.map.invalidateSize();
}));
wirePaste($("paste-form"), $("paste-result"), () => loadAll());

window.wirecoder = { map, timeline, table, state, openEvent, openActor, openActorByName };
loadAll();
