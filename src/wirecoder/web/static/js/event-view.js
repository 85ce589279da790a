// The event view: its fields, the attribution, and each linked report with the
// evidence (and per-field provenance spans) highlighted. Hovering a field lights up
// the words that support it.

import { eventSpans, highlightText } from "./highlight.js";
import { actorName, esc, placeName } from "./util.js";

export function attributionText(ev) {
  const src = ev.attribution_source ? ` by ${ev.attribution_source}` : "";
  switch (ev.attribution) {
    case "claimed": return `responsibility claimed${src}`;
    case "alleged": return `alleged${src}`;
    case "reported": return "reported by the reporter";
    default: return "perpetrator unknown";
  }
}

export const actorLink = (a) => (a && a.name
  ? `<a href="#" class="actor-link" data-name="${esc(a.name)}"${a.actor_id ? ` data-actor-id="${esc(a.actor_id)}"` : ""}>${esc(a.name)}</a> <small>${esc(a.type || "")}</small>`
  : "—");

export function eventFields(ev) {
  const fatal = ev.fatalities ?? "unknown";
  const inj = ev.injuries ?? (ev.injuries_text ? `(${ev.injuries_text})` : "unknown");
  return [
    ["event_type", "Type", esc(ev.event_type)],
    ["sub_event_type", "Sub-type", esc(ev.sub_event_type || "")],
    ["plover", "PLOVER", esc(ev.plover || "")],
    ["date", "Date", `${esc(ev.date || "unknown")} <small>precision ${esc(ev.time_precision ?? "?")}</small>`],
    ["location", "Place", `${esc(placeName(ev.location))} <small>precision ${esc(ev.geo_precision ?? "?")}</small>`],
    ["actor1", "Actor 1", actorLink(ev.actor1)],
    ["attribution", "Attribution", `<span class="attr attr-${esc(ev.attribution)}">${esc(attributionText(ev))}</span>`],
    ["actor2", "Actor 2", actorLink(ev.actor2)],
    ["fatalities", "Fatalities", `${esc(fatal)}${ev.fatalities_text ? ` <small>“${esc(ev.fatalities_text)}”</small>` : ""}`],
    ["injuries", "Injuries", esc(inj)],
    ["confidence", "Confidence", esc(ev.confidence ?? "")],
  ];
}

export function fieldsTable(ev) {
  return `<table class="fields">${eventFields(ev).map(([k, label, html]) =>
    `<tr data-field="${k}"><th>${label}</th><td>${html}</td></tr>`).join("")}</table>`;
}

// Link field rows to their highlighted spans inside `root`.
export function wireFieldHover(root) {
  root.querySelectorAll("tr[data-field]").forEach((tr) => {
    const on = (flag) => root.querySelectorAll("mark").forEach((m) => {
      if ((m.dataset.keys || "").split(" ").includes(tr.dataset.field)) m.classList.toggle("lit", flag);
    });
    tr.addEventListener("mouseenter", () => on(true));
    tr.addEventListener("mouseleave", () => on(false));
  });
}

// `ev` is GET /events/{id}: the event, its evidence and provenance, and its reports
// (every report of the same real-world event), each with its text and evidence.
export function renderEvent(ev) {
  const reports = ev.reports || [];
  const title = `${ev.sub_event_type || ev.event_type} — ${placeName(ev.location) || "place unknown"}, ${ev.date || "date unknown"}`;
  const reportHtml = reports.map((r) => {
    const own = r.event_id === ev.event_id;
    const spans = own ? eventSpans(ev) : (r.evidence || []).map((s) => ({ start: s.start, end: s.end, label: "evidence", cls: "ev", key: "evidence" }));
    return `<article class="report${own ? " own" : ""}" data-doc="${esc(r.doc_id)}">
      <h4>${esc(r.title || r.doc_id)} <small>${esc([r.source, r.published].filter(Boolean).join(" · "))}${own ? " · this coding" : ""}</small>
      ${r.url ? `<a href="${esc(r.url)}" rel="noopener noreferrer">source</a>` : ""}</h4>
      ${r.text == null ? "<p class='empty'>Text not shown.</p>" : `<p class="report-text">${highlightText(r.text, spans)}</p>`}</article>`;
  }).join("");
  return `<div class="event-view" data-id="${esc(ev.event_id)}">
    <h3>${esc(title)}</h3>
    ${fieldsTable(ev)}
    <h4>Reports (${reports.length})</h4>
    ${reportHtml || "<p class='empty'>No report stored.</p>"}
  </div>`;
}
