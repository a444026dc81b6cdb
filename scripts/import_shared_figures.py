"""Turn the real figures gathered in ../shared/data into the project's own tidy files in data/.

Run when ../shared/data changes:  python scripts/import_shared_figures.py [--shared ../shared/data]
[--only observations|units|events|sources]. Every output row keeps the page it was read on (a source
declared in the file's .meta.json, with the document number and date where the source is a document).
Nothing is estimated: rows without a value in the shared files stay without a value;
rows left out are listed in the sidecar's `skipped_rows` with the reason.
The steps live in scripts/shared_figures/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from shared_figures.common import REPO
from shared_figures.edocs import build_edocs
from shared_figures.events import build_events
from shared_figures.national import build_national
from shared_figures.sources import build_sources
from shared_figures.units import build_units

STEPS = {
    "observations": (build_national, build_edocs),
    "units": (build_units,),
    "events": (build_events,),
    "sources": (build_sources,),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--only", choices=sorted(STEPS), action="append")
    args = parser.parse_args()
    for step in args.only or list(STEPS):
        for build in STEPS[step]:
            build(args.shared)


if __name__ == "__main__":
    main()
