// The actor view: aliases, and a small graph of who alleges what against whom
// (dashed) and who attacked whom (solid), around this actor.

import { colourOf, esc } from "./util.js";

function edgesOf(data) {
  const me = data.name;
  const edges = [];
  for (const a of data.allegations_made || []) for (const acc of a.accused || []) edges.push({ from: me, to: acc.name, kind: "alleges", label: a.act });
  for (const a of data.allegations_received || []) if (a.claimant) edges.push({ from: a.claimant.name, to: me, kind: "alleges", label: a.act });
  for (const e of data.events || []) {
    if (e.actor1 && e.actor2) edges.push({ from: e.actor1.name, to: e.actor2.name, kind: "attacked", label: e.sub_event_type || e.event_type, type: e.event_type });
  }
  const seen = new Set();
  return edges.filter((e) => { const k = `${e.from}|${e.to}|${e.kind}|${e.label}`; if (seen.has(k)) return false; seen.add(k); return true; });
}

export function graphSvg(data, size = 340) {
  const me = data.name;
  const edges = edgesOf(data);
  const others = [...new Set(edges.flatMap((e) => [e.from, e.to]).filter((n) => n !== me))];
  const c = size / 2;
  const r = size / 2 - 60;
  const pos = new Map([[me, [c, c]]]);
  others.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, others.length) - Math.PI / 2;
    pos.set(n, [c + r * Math.cos(a), c + r * Math.sin(a)]);
  });
  const lines = edges.map((e) => {
    const [[x1, y1], [x2, y2]] = [pos.get(e.from), pos.get(e.to)];
    const colour = e.kind === "alleges" ? "#555" : colourOf(e.type);
    return `<line class="edge ${e.kind}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${colour}" marker-end="url(#arrow)"><title>${esc(e.from)} ${e.kind === "alleges" ? "alleges" : "→"} ${esc(e.label || "")} ${e.kind === "alleges" ? "against" : "on"} ${esc(e.to)}</title></line>
      <text class="edge-label" x="${(x1 + x2) / 2}" y="${(y1 + y2) / 2 - 3}">${esc(e.label || "")}</text>`;
  }).join("");
  const nodes = [...pos.entries()].map(([n, [x, y]]) => `
    <g class="node${n === me ? " me" : ""}" data-name="${esc(n)}"><circle cx="${x}" cy="${y}" r="${n === me ? 9 : 6}"/>
    <text x="${x}" y="${y + 20}" text-anchor="middle">${esc(n.length > 32 ? `${n.slice(0, 30)}…` : n)}</text></g>`).join("");
  return `<svg class="actor-graph" viewBox="0 0 ${size} ${size}" width="${size}" height="${size}">
    <defs><marker id="arrow" viewBox="0 0 10 10" refX="16" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>
    ${lines}${nodes}</svg>
    <p class="hint">solid: attacked (events) · dashed: alleges (allegations)</p>`;
}

const allegationLine = (a) => `<li><b>${esc(a.claimant ? a.claimant.name : "unknown")}</b> alleges <i>${esc(a.act)}</i>
  against ${esc((a.accused || []).map((x) => x.name).join(", ") || "unknown")}${a.victims ? ` (victims: ${esc(a.victims)})` : ""}</li>`;

export function renderActor(data) {
  const a = data;
  const aliases = (a.aliases || []).filter((x) => x !== a.name);
  return `<div class="actor-view" data-id="${esc(a.actor_id)}">
    <h3>${esc(a.name)} <small>${esc(a.type)}${a.country ? ` · ${esc(a.country)}` : ""}</small></h3>
    <p><b>Also called:</b> ${aliases.length ? aliases.map(esc).join("; ") : "—"}</p>
    ${graphSvg(data)}
    <h4>Events (${(data.events || []).length})</h4>
    <ul class="actor-events">${(data.events || []).map((e) => `<li><a href="#" class="event-link" data-id="${esc(e.event_id)}">${esc(e.date || "")} ${esc(e.sub_event_type || e.event_type)}</a> ${esc(e.actor1 ? e.actor1.name : "?")} → ${esc(e.actor2 ? e.actor2.name : "?")}</li>`).join("")}</ul>
    <h4>Allegations made (${(data.allegations_made || []).length})</h4><ul>${(data.allegations_made || []).map(allegationLine).join("")}</ul>
    <h4>Allegations received (${(data.allegations_received || []).length})</h4><ul>${(data.allegations_received || []).map(allegationLine).join("")}</ul>
  </div>`;
}
