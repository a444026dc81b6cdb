'use strict';

// A chart saved from the toolbar (PNG or SVG) must still say what it shows and where it comes from when it
// travels alone: the figures already carry their title and source line; the saved copy adds a title-safe
// margin, the page's heading as subtitle, the page's address and, when the figure shows generated
// figures (its source line names the kind "minh họa" / "illustrative"), a visible stamp across the plot.
// The chart on screen is never changed: the copy is drawn off-screen.

var STAMP = {vi: 'MINH HỌA – không phải số liệu thật', en: 'ILLUSTRATIVE – not real figures'};
var ILLUSTRATIVE = /minh họa|illustrative/i;
var FOOTER = 34;  // pixels added at the bottom for the address line

function texts(layout) {
    var title = layout.title || {};
    var parts = [typeof title === 'string' ? title : title.text || ''];
    (layout.annotations || []).forEach(function(a) { parts.push(a.text || ''); });
    return parts.join(' ');
}

function exportFigure(gd) {
    var layout = JSON.parse(JSON.stringify(gd.layout || {}));
    var full = gd._fullLayout || {};
    var lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
    var width = full.width || layout.width || 800;
    var height = (full.height || layout.height || 450) + FOOTER;
    var margin = layout.margin || {};
    var bottom = (full.margin && full.margin.b) || margin.b || 80;
    layout.width = width;
    layout.height = height;
    layout.margin = Object.assign({}, margin, {
        l: Math.max(margin.l || 0, 24), r: Math.max(margin.r || 0, 24),
        t: Math.max(margin.t || 0, 72), b: bottom + FOOTER
    });
    if (typeof layout.title === 'string') layout.title = {text: layout.title};
    layout.title = layout.title || {};
    layout.title.pad = Object.assign({}, layout.title.pad, {l: 16});  // off the image's left edge
    var heading = document.querySelector('main h1, .embed-page h1, h1');
    var subtitle = heading ? heading.textContent.trim() : '';
    if (subtitle && !(layout.title.subtitle && layout.title.subtitle.text) && subtitle !== layout.title.text) {
        layout.title.subtitle = {text: subtitle, font: {size: 12, color: '#57606a'}};
    }
    // Tested before the address is added: an address may contain the word (…_ILLUSTRATIVE in a query).
    var generated = ILLUSTRATIVE.test(texts(layout));
    var annotations = layout.annotations || [];
    annotations.push({
        text: window.location.href, xref: 'paper', yref: 'paper', x: 0, y: 0, xanchor: 'left',
        yanchor: 'top', yshift: -(bottom + 6), showarrow: false, font: {size: 11, color: '#57606a'}
    });
    if (generated) {
        annotations.push({
            text: '<b>' + STAMP[lang] + '</b>', xref: 'paper', yref: 'paper', x: 0.5, y: 0.5,
            showarrow: false, textangle: -18, font: {size: 26, color: 'rgba(155, 42, 0, 0.45)'},
            bgcolor: 'rgba(255, 248, 197, 0.55)', bordercolor: 'rgba(155, 42, 0, 0.45)', borderwidth: 2,
            borderpad: 6
        });
    }
    layout.annotations = annotations;
    var context = gd._context || {};
    return {
        data: JSON.parse(JSON.stringify(gd.data || [])),
        layout: layout,
        config: {locale: context.locale, locales: context.locales}
    };
}

module.exports = function install(Plotly, Registry) {
    var download = Registry.apiMethodRegistry.downloadImage;
    Registry.apiMethodRegistry.downloadImage = function(gd, opts) {
        if (!gd || !gd._fullLayout || typeof document === 'undefined') return download(gd, opts);
        var figure = exportFigure(gd);
        var options = Object.assign({}, opts, {width: figure.layout.width, height: figure.layout.height});
        if (!options.filename) {
            var title = figure.layout.title.text || 'bieu-do';
            options.filename = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd')
                .replace(/Đ/g, 'D').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
        }
        return download(figure, options);
    };
    Plotly.exportFigure = exportFigure;  // the browser tests draw the saved copy as SVG and read it
};
