"""Inline radio buttons drawn by assets/radio-group.js, a few lines of our own in place of a component
library's whole bundle (dash-bootstrap-components: about 54 KB compressed on every first visit, for this
one control). The markup is Bootstrap's: native inputs, each with its own label, no listbox around them."""

from __future__ import annotations

from typing import Any, ClassVar

from dash.development.base_component import Component

PROPS = ["id", "options", "value", "name"]


class RadioGroup(Component):
    """One choice of `options` ({"label", "value"}); `value` is the chosen value, updated by the browser."""

    _namespace = "dashboard_controls"  # window.dashboard_controls, defined by assets/radio-group.js
    _type = "RadioGroup"
    _children_props: ClassVar[list[str]] = []
    _base_nodes: ClassVar[list[str]] = ["children"]

    def __init__(self, *, id: str, options: list[dict[str, str]], value: Any = None, **props: Any) -> None:
        self._prop_names = PROPS
        self._valid_wildcard_attributes: list[str] = []
        self.available_properties = PROPS
        self.available_wildcard_properties: list[str] = []
        super().__init__(id=id, options=options, value=value, **props)
