// The paste-a-report box: POST the text to /documents and show the record, with its
// events, statements and allegations highlighted in the stored text.

import { postJSON } from "./api.js";
import { eventSpans, highlightText } from "./highlight.js";
import { actorLink, fieldsTable, wireFieldHover } from "./event-view.js";
import { esc } from "./util.js";

function recordSpans(rec) {
  const spans = [];
  rec.events.forEach((ev, i) => spans.push(...eventSpans(ev, `e${i}-`)));
  rec.statements.forEach((s, i) => spans.push({ start: s.start, end: s.end, label: `statement: ${s.speaker ? s.speaker.name : "?"} (${s.kind})`, cls: "st", key: `s${i}` }));
  rec.allegations.forEach((a, i) => (a.evidence || []).forEach((e) => spans.push({ start: e.start, end: e.end, label: `allegation: ${a.act}`, cls: "al", key: `a${i}` })));
  return spans;
}

export function renderRecord(rec) {
  const events = rec.events.map((ev, i) => `<div class="rec-event" data-index="${i}">
      <h4>Event ${i + 1}: ${esc(ev.sub_event_type || ev.event_type)}${ev.event_id ? ` <a href="#" class="event-link" data-id="${esc(ev.event_id)}">open</a>` : ""}</h4>
      ${fieldsTable(ev).replace(/data-field="/g, `data-field="e${i}-`)}</div>`).join("");
  const statements = rec.statements.map((s, i) => `<li data-key="s${i}"><b>${esc(s.speaker ? s.speaker.name : s.speaker_mention || "?")}</b>
      <small>${esc(s.kind)}${s.cue ? `, “${esc(s.cue)}”` : ""}${s.channel ? `, ${esc(s.channel)}` : ""}${s.act ? `, ${esc(s.act)}` : ""}</small>: ${esc(s.text)}</li>`).join("");
  const allegations = rec.allegations.map((a, i) => `<li data-key="a${i}"><b>${esc(a.claimant ? a.claimant.name : "?")}</b> alleges <i>${esc(a.act)}</i>
      against ${esc((a.accused || []).map((x) => x.name).join(", "))}</li>`).join("");
  const failure = rec.error ? `<p class="error">${esc(rec.error.code)}: ${esc(rec.error.message)}</p>` : "";
  return `<section class="record" data-doc="${esc(rec.doc_id)}">
    <h3>${esc(rec.doc_id)} <small>${esc(rec.published || "")} ${esc(rec.dateline && rec.dateline.agency || "")}</small></h3>
    ${failure}
    <div class="record-grid">
      <div><p class="report-text">${highlightText(rec.text || "", recordSpans(rec))}</p>
        <p class="hint"><mark class="ev">event evidence</mark> <mark class="field">field</mark> <mark class="st">statement</mark> <mark class="al">allegation</mark></p></div>
      <div>
        <h4>Events (${rec.events.length})</h4>${events || "<p class='empty'>No event.</p>"}
        <h4>Statements (${rec.statements.length})</h4><ul class="statements">${statements}</ul>
        <h4>Allegations (${rec.allegations.length})</h4><ul class="allegations">${allegations}</ul>
        <h4>Actors (${rec.actors.length})</h4><p>${rec.actors.map(actorLink).join(" · ")}</p>
      </div>
    </div></section>`;
}

export function wirePaste(form, out, onStored) {
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const doc = { text: data.get("text") };
    if (data.get("published")) doc.published = data.get("published");
    if (data.get("source")) doc.source = data.get("source");
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    out.innerHTML = "<p class='hint'>coding…</p>";
    const t0 = performance.now();
    try {
      const res = await postJSON("/documents", doc, data.get("api_key"));
      document.getElementById("paste-time").textContent = `${Math.round(performance.now() - t0)} ms`;
      out.innerHTML = res.records.map(renderRecord).join("");
      wireFieldHover(out);
      onStored();
    } catch (err) {
      out.innerHTML = `<p class="error problem">${esc(err.problem ? `${err.problem.title}: ${err.problem.detail}` : err.message)}</p>`;
    } finally {
      button.disabled = false;
    }
  });
}
