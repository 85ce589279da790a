// Render a document text with evidence spans highlighted as <mark> elements.
// Spans are {start, end, label, cls}; offsets index the stored text (Python str indices,
// i.e. code points: we slice an array of code points so astral characters stay aligned).

import { esc } from "./util.js";

export function highlightText(text, spans) {
  const chars = Array.from(text || "");
  const bounds = new Set([0, chars.length]);
  const good = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start && s.start >= 0 && s.end <= chars.length);
  for (const s of good) { bounds.add(s.start); bounds.add(s.end); }
  const cuts = [...bounds].sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const raw = chars.slice(a, b).join("");
    const covering = good.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) { html += esc(raw); continue; }
    const labels = [...new Set(covering.map((s) => s.label).filter(Boolean))].join(", ");
    const cls = [...new Set(covering.map((s) => s.cls || "ev"))].join(" ");
    const keys = [...new Set(covering.map((s) => s.key).filter(Boolean))].join(" ");
    // Line breaks at a span's edges stay outside the mark (no highlighted empty lines).
    const [, lead, body, trail] = raw.match(/^(\n*)([\s\S]*?)(\n*)$/);
    html += esc(lead) + (body ? `<mark class="${esc(cls)}" title="${esc(labels)}" data-keys="${esc(keys)}">${esc(body)}</mark>` : "") + esc(trail);
  }
  return html.replace(/\n/g, "<br>");
}

// Spans of one event: its evidence plus the per-field provenance spans.
export function eventSpans(ev, prefix = "") {
  const spans = (ev.evidence || []).map((e) => ({ start: e.start, end: e.end, label: "evidence", cls: "ev", key: `${prefix}evidence` }));
  for (const p of ev.provenance || []) {
    if (Number.isInteger(p.start) && Number.isInteger(p.end)) {
      spans.push({ start: p.start, end: p.end, label: `${p.field} (${p.method})`, cls: "field", key: `${prefix}${p.field}` });
    }
  }
  return spans;
}
