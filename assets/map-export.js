/* The map card's "PNG" button (dashboard/components/map_panel.py). A saved map must say what it shows and
 * where its figures come from when it travels alone: the copy gets the card's caption as title, the
 * figures' source line under the map, then the decorations every saved chart gets from the plotly bundle
 * (scripts/plotly-bundle/export-decorations.js: the page's heading, its address, the MINH HỌA stamp for
 * generated figures). The map on screen is never changed: the copy is drawn off-screen. */
(function () {
    'use strict';
    var SOURCE_ROOM = 24;  // pixels added under the map (and its colour bar) for the source line
    var TOP_ROOM = 28;  // pixels added above the map for the page's heading, drawn as a subtitle

    function text(root, selector) {
        var node = root && root.querySelector(selector);
        return node ? node.textContent.trim() : '';
    }

    function fileName(title) {
        return (title || 'ban-do').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd')
            .replace(/Đ/g, 'D').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
    }

    // The copy to save of the map in the card whose graph and note have these ids (null before it is drawn).
    function exportedMap(graphId, noteId) {
        var gd = document.querySelector('#' + graphId + ' .js-plotly-plot') || document.getElementById(graphId);
        if (!gd || !gd._fullLayout || !window.Plotly || !window.Plotly.exportFigure) return null;
        var note = document.getElementById(noteId);
        var caption = text(note, '.map-caption');
        var source = text(note, '.map-source');
        var layout = JSON.parse(JSON.stringify(gd.layout || {}));
        var own = layout.title ? (typeof layout.title === 'string' ? layout.title : layout.title.text) : '';
        var title = [own, caption].filter(Boolean).join(' – ');
        layout.title = {text: title, x: 0.01, xanchor: 'left'};
        var full = gd._fullLayout;
        var below = (full.margin && full.margin.b) || 0;  // the colour bar sits there
        var margin = Object.assign({}, full.margin, {
            b: below + SOURCE_ROOM, t: ((full.margin && full.margin.t) || 0) + TOP_ROOM
        });
        layout.margin = Object.assign({}, layout.margin, {b: margin.b, t: margin.t});
        layout.annotations = (layout.annotations || []).concat(source ? [{
            text: source, xref: 'paper', yref: 'paper', x: 0, y: 0, xanchor: 'left', yanchor: 'top',
            yshift: -(below + 2), showarrow: false, font: {size: 11, color: '#57606a'}
        }] : []);
        return window.Plotly.exportFigure({
            data: gd.data, layout: layout, _context: gd._context,
            _fullLayout: {width: full.width, height: full.height + SOURCE_ROOM + TOP_ROOM, margin: margin}
        });
    }

    function download(graphId, noteId) {
        var figure = exportedMap(graphId, noteId);
        if (!figure) return window.dash_clientside.no_update;
        window.Plotly.downloadImage(figure, {
            format: 'png', scale: 2, width: figure.layout.width, height: figure.layout.height,
            filename: fileName(figure.layout.title.text)
        });
        return window.dash_clientside.no_update;
    }

    window.qnMapExport = {download: download, figure: exportedMap};
})();
