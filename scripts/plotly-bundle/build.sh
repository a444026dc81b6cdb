#!/usr/bin/env bash
# Builds dashboard/vendor/plotly-partial.min.js: plotly.js with only the trace types the dashboard
# draws and its Vietnamese locale, from the npm registry's plotly.js sources (package-lock.json pins
# every file).
#
# Run it after upgrading plotly (Python) to the plotly.js version that plotly.py names
# (`python -c "import plotly.offline as o; print(o.get_plotlyjs_version())"`): set that version in
# package.json, then `bash scripts/plotly-bundle/build.sh`. The app serves the bundle only while the
# two versions agree (dashboard/plotly_bundle.py), and tests/database/web/test_plotly_bundle.py checks every figure
# the dashboard builds against the trace list written into the bundle's first line.
set -euo pipefail
cd "$(dirname "$0")"

# scatter is part of plotly.js's core and cannot be left out.
TRACES=(bar choropleth scattergeo)
# Layout components plotly.js's core registers that no figure of the dashboard uses (menus, sliders,
# range sliders and selectors, layout images, subplot grids, 3D annotations): left out of the bundle,
# about 20 KB compressed off every first visit. A figure that sets them is drawn without them.
OMITTED_COMPONENTS=(annotations3d images updatemenus sliders rangeslider rangeselector grid)
OUT=../../dashboard/vendor/plotly-partial.min.js

npm ci --no-audit --no-fund --loglevel=error
version=$(node -p "require('plotly.js/package.json').version")

entry=$(mktemp --suffix=.js -p .)
core=node_modules/plotly.js/src/core-dashboard.js
stubs=$(mktemp -d -p .)
trap 'rm -rf "$entry" "$core" "$stubs"' EXIT
# plotly.js's own core, less the omitted components' registrations (the build fails if one is not found).
cp node_modules/plotly.js/src/core.js "$core"
for component in "${OMITTED_COMPONENTS[@]}"; do
    grep -q "require('./components/$component')," "$core" || { echo "core.js no longer registers $component" >&2; exit 1; }
    sed -i "\#require('./components/$component'),#d" "$core"
done
# Two lookups the map never uses, about 40 KB compressed: country names (the map's locations are
# GeoJSON ids, locationmode 'geojson-id') and d3-geo-projection's extra projections (the map is
# Mercator, which d3-geo itself draws).
echo "module.exports = {COUNTRIES: [], createLookup: function () { return {lookupAlpha3: function () { return null; }}; }};" > "$stubs/country-iso-search.js"
echo "module.exports = {};" > "$stubs/d3-geo-projection.js"
{
    echo "var Plotly = require('plotly.js/src/core-dashboard');"
    echo "Plotly.register(["
    for trace in "${TRACES[@]}"; do echo "    require('plotly.js/lib/$trace'),"; done
    echo "]);"
    # Vietnamese dates and numbers (plotly.js's own locale) and toolbar texts (ours); graphs set config.locale.
    echo "Plotly.register([require('plotly.js/lib/locales/vi'), require('./locale-vi-dictionary.js')]);"
    # Saved charts carry the page's address and, for generated figures, a stamp (export-decorations.js).
    echo "require('./export-decorations.js')(Plotly, require('plotly.js/src/registry'));"
    # The map draws only the province's own boundaries (geo.visible is false), yet plotly.js loads
    # the geo subplot's world topojson from cdn.plot.ly unless it is already here. An empty topology
    # keeps every request on our server (the page's CSP would refuse the CDN anyway).
    echo "window.PlotlyGeoAssets.topojson.world_110m = {type: 'Topology', objects: {}, arcs: []};"
    echo "module.exports = Plotly;"
} > "$entry"

traces_csv=$(IFS=,; echo "scatter,${TRACES[*]}")
# Options as plotly.js's own esbuild-config.js; its MapLibre stylesheet is not needed without map traces.
npx --no-install esbuild "$entry" --bundle --minify --format=iife --global-name=Plotly --target=es2016 \
    --define:global=window --define:define.amd=false --loader:.css=empty --legal-comments=eof \
    --alias:country-iso-search="./$stubs/country-iso-search.js" --alias:d3-geo-projection="./$stubs/d3-geo-projection.js" \
    --banner:js="/*! plotly.js v$version partial bundle; traces: $traces_csv; without: ${OMITTED_COMPONENTS[*]}, country names, extra projections; MIT licence, (c) Plotly, Inc. */" \
    --log-level=warning --outfile="$OUT"
cp node_modules/plotly.js/LICENSE ../../dashboard/vendor/plotly.js-LICENSE.txt
echo "built $OUT: plotly.js v$version, traces $traces_csv, $(stat -c %s "$OUT") bytes"
