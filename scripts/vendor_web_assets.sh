#!/usr/bin/env bash
# Vendor the web page's third-party assets from npm (development time only; the built
# files are committed, nothing is fetched at run time). Versions are pinned here and in
# src/wirecoder/web/static/vendor/README.md.
set -euo pipefail

LEAFLET=1.9.4
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0

here="$(cd "$(dirname "$0")/.." && pwd)"
dest="$here/src/wirecoder/web/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent \
  "leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT"

mkdir -p "$dest/leaflet/images"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$dest/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$dest/leaflet/images/"
cp node_modules/leaflet/LICENSE "$dest/leaflet/LICENSE"

# Basemap: Natural Earth 1:110m countries (via world-atlas), TopoJSON -> GeoJSON once here
# so the page needs no TopoJSON library.
mkdir -p "$dest/basemap"
node_modules/.bin/topo2geo countries=- < node_modules/world-atlas/countries-110m.json \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const g=JSON.parse(s);
      for (const f of g.features) { delete f.id; f.properties = {name: f.properties.name}; }
      process.stdout.write(JSON.stringify(g));})' > "$dest/basemap/countries-110m.geojson"
cp node_modules/world-atlas/LICENSE "$dest/basemap/LICENSE"
du -sh "$dest"
