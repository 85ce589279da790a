// The timeline: stacked bars of events per day (per week over long spans) by type, in
// plain SVG. Dragging across it selects a date range; onBrush(from, to) receives it.

import { TYPE_COLOURS, OTHER_COLOUR, colourOf, esc } from "./util.js";

const DAY = 86400000;
const PAD = { left: 34, right: 8, top: 6, bottom: 18 };

const toDay = (s) => Date.parse(`${s}T00:00:00Z`);
const iso = (t) => new Date(t).toISOString().slice(0, 10);

export class Timeline {
  constructor(svg, legend, onBrush) {
    this.svg = svg;
    this.onBrush = onBrush;
    this.range = null;
    this.selection = null;
    legend.innerHTML = [...Object.entries(TYPE_COLOURS), ["other", OTHER_COLOUR]]
      .map(([t, c]) => `<span><span class="dot" style="background:${c}"></span>${esc(t)}</span>`).join("");
    svg.addEventListener("pointerdown", (ev) => this.startDrag(ev));
  }

  show(features) {
    const dates = features.map((f) => f.properties && f.properties.date).filter(Boolean);
    this.width = this.svg.clientWidth || 600;
    this.height = this.svg.clientHeight || 120;
    if (!dates.length) { this.range = null; this.svg.innerHTML = `<text x="10" y="20" class="empty">no dated events</text>`; return; }
    const ts = dates.map(toDay);
    let [lo, hi] = [Math.min(...ts), Math.max(...ts)];
    const pad = Math.max(0, 14 * DAY - (hi - lo)) / 2; // a short span still shows as days, not one wide bar
    [lo, hi] = [lo - Math.floor(pad / DAY) * DAY, hi + Math.floor(pad / DAY) * DAY];
    this.bin = (hi - lo) / DAY > 120 ? 7 * DAY : DAY;
    lo = lo - (this.bin === DAY ? 0 : ((new Date(lo).getUTCDay() + 6) % 7) * DAY); // weeks start Monday
    this.range = [lo, hi + this.bin];
    const counts = new Map(); // bin start -> {type: n}
    for (const f of features) {
      const d = f.properties && f.properties.date;
      if (!d) continue;
      const b = lo + Math.floor((toDay(d) - lo) / this.bin) * this.bin;
      const c = counts.get(b) || {};
      const type = TYPE_COLOURS[f.properties.event_type] ? f.properties.event_type : "other";
      c[type] = (c[type] || 0) + 1;
      counts.set(b, c);
    }
    const max = Math.max(...[...counts.values()].map((c) => Object.values(c).reduce((a, b) => a + b, 0)));
    const x = (t) => this.x(t);
    const barW = Math.max(1, x(lo + this.bin) - x(lo) - 1);
    const innerH = this.height - PAD.top - PAD.bottom;
    let bars = "";
    for (const [b, c] of counts) {
      let y = this.height - PAD.bottom;
      for (const [type, n] of Object.entries(c)) {
        const h = (n / max) * innerH;
        y -= h;
        bars += `<rect class="bar" x="${x(b).toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${type === "other" ? OTHER_COLOUR : colourOf(type)}"><title>${iso(b)} ${esc(type)}: ${n}</title></rect>`;
      }
    }
    const months = [];
    for (let d = new Date(lo); d.getTime() <= hi; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
      const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
      if (first > lo) months.push(first);
    }
    const every = Math.max(1, Math.ceil(months.length / 8));
    const clear = (t) => x(t) > PAD.left + 95 && x(t) < this.width - PAD.right - 95; // not over the end labels
    const ticks = months.filter((t, i) => i % every === 0 && clear(t)).map((t) =>
      `<line class="axis" x1="${x(t)}" x2="${x(t)}" y1="${this.height - PAD.bottom}" y2="${this.height - PAD.bottom + 3}"/>
       <text x="${x(t)}" y="${this.height - 4}" class="tick" text-anchor="middle">${iso(t).slice(0, 7)}</text>`).join("");
    const axis = `${ticks}<line x1="${PAD.left}" x2="${this.width - PAD.right}" y1="${this.height - PAD.bottom}" y2="${this.height - PAD.bottom}" class="axis"/>
      <text x="${PAD.left}" y="${this.height - 4}" class="tick">${iso(lo)}</text>
      <text x="${this.width - PAD.right}" y="${this.height - 4}" class="tick" text-anchor="end">${iso(hi)}</text>
      <text x="${PAD.left - 4}" y="${PAD.top + 8}" class="tick" text-anchor="end">${max}</text>
      <text x="${PAD.left - 4}" y="${this.height - PAD.bottom}" class="tick" text-anchor="end">0</text>`;
    this.svg.innerHTML = `${axis}${bars}<rect id="brush" class="brush" x="0" y="${PAD.top}" width="0" height="${innerH}" visibility="hidden"/>`;
    this.drawSelection();
  }

  x(t) {
    const [lo, hi] = this.range;
    return PAD.left + ((t - lo) / (hi - lo)) * (this.width - PAD.left - PAD.right);
  }

  timeAt(px) {
    const [lo, hi] = this.range;
    const f = (px - PAD.left) / (this.width - PAD.left - PAD.right);
    return lo + Math.max(0, Math.min(1, f)) * (hi - lo);
  }

  startDrag(ev) {
    if (!this.range) return;
    const left = this.svg.getBoundingClientRect().left;
    const x0 = ev.clientX - left;
    this.svg.setPointerCapture(ev.pointerId);
    const move = (e) => this.drawBand(x0, e.clientX - left);
    const up = (e) => {
      this.svg.removeEventListener("pointermove", move);
      this.svg.removeEventListener("pointerup", up);
      const x1 = e.clientX - left;
      if (Math.abs(x1 - x0) < 3) { this.setSelection(null); return; }
      const [a, b] = [this.timeAt(Math.min(x0, x1)), this.timeAt(Math.max(x0, x1))];
      this.setSelection([iso(a), iso(b - 1)]);
    };
    this.svg.addEventListener("pointermove", move);
    this.svg.addEventListener("pointerup", up);
  }

  drawBand(x0, x1) {
    const band = this.svg.querySelector("#brush");
    if (!band) return;
    band.setAttribute("x", Math.min(x0, x1));
    band.setAttribute("width", Math.abs(x1 - x0));
    band.setAttribute("visibility", "visible");
  }

  drawSelection() {
    const band = this.svg.querySelector("#brush");
    if (!band) return;
    if (!this.selection || !this.range) { band.setAttribute("visibility", "hidden"); return; }
    const [a, b] = this.selection;
    this.drawBand(this.x(toDay(a)), this.x(toDay(b) + DAY));
  }

  setSelection(sel) {
    this.selection = sel;
    this.drawSelection();
    this.onBrush(sel);
  }
}
