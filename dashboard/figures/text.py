"""Text from imported data as plotly shows it: literally, whatever markup it holds.

plotly.js renders a subset of HTML in titles, legends, hover labels, annotations and tick labels
(`<b>`, `<i>`, `<br>`, `<sup>`, `<span style=...>`, `<a href=...>`) and fills `%{...}` fields of hover
templates. A name (of a unit, an indicator, a method) goes through `plotly_text` where it enters a
figure, so `<b>x</b>` or `<a href=javascript:...>` shows as typed, while the markup and fields our own
builders put around it keep working.

May import: nothing of ours.
"""

from __future__ import annotations

import html


def plotly_text(value: object) -> str:
    """A data string escaped so that plotly shows it as typed."""
    # plotly decodes &amp; &lt; &gt; and numeric entities (svg_text_utils.convertEntities) but not
    # &quot;, so quotes stay: with "<" escaped they cannot open an attribute. "%{" becomes "&#37;{" so a
    # name placed inside a hovertemplate is never read as a field (the template is filled before the
    # entities are decoded).
    return html.escape(str(value), quote=False).replace("%{", "&#37;{")
