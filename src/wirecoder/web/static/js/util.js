// Small shared helpers: HTML escaping, colours by event type, element building.

export const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
export const OTHER_COLOUR = "#7f7f7f";
export const colourOf = (type) => TYPE_COLOURS[type] || OTHER_COLOUR;

export function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

export const actorName = (a) => (a && a.name) || "";
export const placeName = (loc) => (loc ? [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ") : "");

export function setStatus(text, isError = false) {
  const el = document.getElementById("status");
  el.textContent = text;
  el.classList.toggle("error", isError);
}
