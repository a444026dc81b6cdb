/* dashboard.components.radio_group.RadioGroup: inline radio buttons with Bootstrap's markup (native
 * inputs, each with its own label, arrow keys move the choice as the browser does). Defined here so that
 * no component library's bundle is loaded for them. */
(function () {
    'use strict';
    if (!window.React) return;
    var h = window.React.createElement;

    function RadioGroup(props) {
        var name = props.name || props.id;
        var options = props.options || [];
        return h('div', {id: props.id}, options.map(function (option, index) {
            var inputId = props.id + '-' + index;
            return h('div', {className: 'form-check form-check-inline', key: String(option.value)},
                h('input', {
                    type: 'radio', className: 'form-check-input', id: inputId, name: name,
                    value: String(option.value), checked: option.value === props.value,
                    disabled: Boolean(option.disabled),
                    onChange: function () { props.setProps({value: option.value}); }
                }),
                h('label', {className: 'form-check-label', htmlFor: inputId}, option.label));
        }));
    }

    window.dashboard_controls = {RadioGroup: RadioGroup};
})();
