"""What each evaluation method defines: its class thresholds (or none). Pure; imports only scoring.

A class is shown only where the method in force defines one; a method without thresholds (the 2025
points-based sets) gets no class, never one guessed from another method.
"""

from __future__ import annotations

from dashboard.domain.scoring import CLASS_THRESHOLDS, Thresholds, classify

# Methodology code -> class thresholds on the percentage of the total's maximum. Codes missing here
# define no classes (an imported method gets classes only when its thresholds are added here).
CLASS_RULES: dict[str, Thresholds] = {
    "qn-itr-2012": CLASS_THRESHOLDS,
    "qn-dti-2020": CLASS_THRESHOLDS,
}


def class_thresholds(methodology: str) -> Thresholds | None:
    """The class thresholds a methodology defines, or None when it defines none."""
    return CLASS_RULES.get(methodology)


def class_for(methodology: str, percent_of_max: float | None) -> str | None:
    """The class of a score under its own method; None when the method defines no classes."""
    thresholds = class_thresholds(methodology)
    return None if thresholds is None else classify(percent_of_max, thresholds=thresholds)
