/* AG Grid on demand (dashboard/components/grid.py, load_on_demand). The grid library's bundle (1.3 MB,
 * about 280 KB compressed) is not among the page's scripts: pages without a grid (the overview, the
 * profiles, the charts) never fetch it. Until it is loaded, `window.dash_ag_grid.AgGrid` is this small
 * component: the first time a grid is drawn it adds the bundle's <script>, shows a "loading" line, and then
 * draws the real grid with the same props (and Dash's context, which flows through it). */
(function () {
    'use strict';
    if (window.dash_ag_grid || !window.React) return;  // already loaded (eager loading), or no Dash here
    var React = window.React;
    var BUNDLE = '_dash-component-suites/dash_ag_grid/dash_ag_grid.min.js';
    var pending = null;

    function prefix() {
        var config = document.getElementById('_dash-config');
        try {
            return (config && JSON.parse(config.textContent).requests_pathname_prefix) || '/';
        } catch (e) {
            return '/';
        }
    }

    function load() {
        if (!pending) {
            pending = new Promise(function (resolve, reject) {
                var script = document.createElement('script');
                script.src = prefix() + BUNDLE;
                script.onload = function () { resolve(window.dash_ag_grid.AgGrid); };
                script.onerror = reject;
                document.head.appendChild(script);
            });
        }
        return pending;
    }

    function LazyAgGrid(props) {
        var state = React.useState(null);
        var Grid = state[0];
        var setGrid = state[1];
        React.useEffect(function () {
            var live = true;
            load().then(function (real) { if (live) setGrid(function () { return real; }); });
            return function () { live = false; };
        }, []);
        if (Grid) return React.createElement(Grid, props);
        var lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
        return React.createElement('p', {className: 'grid-loading text-muted', role: 'status', id: props.id},
            lang === 'en' ? 'Loading the table…' : 'Đang tải bảng…');
    }

    window.dash_ag_grid = {AgGrid: LazyAgGrid};
})();
