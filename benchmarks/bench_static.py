"""Static bundles precompressed once (web/static.py) vs compressed per request (what flask-compress, or
Dash's compress=True, does) vs nginx's gzip_static (gzip only: nginx-light has no brotli module).

Run:  .venv/bin/python benchmarks/bench_static.py [--repeat 5]

For the largest files a first visit fetches (the partial plotly.js bundle, Dash's renderer and core
components, Bootstrap's CSS): bytes sent with each scheme, and the CPU a request costs when the bytes are
compressed on the fly (gzip level 6, brotli quality 4) against our precompressed bytes (brotli 11, gzip 9,
made once per content hash and then read from memory). Medians of --repeat, one process.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from pathlib import Path

import brotli
import dash

REPO = Path(__file__).resolve().parent.parent
DASH = Path(dash.__file__).parent
FILES = {
    "plotly-partial.min.js": REPO / "dashboard" / "vendor" / "plotly-partial.min.js",
    "dash_renderer.min.js": DASH / "dash-renderer" / "build" / "dash_renderer.min.js",
    "dash_core_components.js": DASH / "dcc" / "dash_core_components.js",
    "bootstrap.min.css": REPO / "assets" / "vendor" / "bootstrap.min.css",
}


def _median_ms(function, data: bytes, repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        size = len(function(data))
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), size


def main(argv: list[str]) -> int:
    """Print bytes and per-request milliseconds for each file and scheme."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    header = (
        f"{'file':<26}{'raw KB':>8}{'br11 KB':>9}{'gz9 KB':>8}{'br4 KB':>8}{'gz6 KB':>8}"
        f"{'br4 ms/req':>11}{'gz6 ms/req':>11}{'br11 once ms':>13}"
    )
    print(header)
    print("-" * len(header))
    for name, path in FILES.items():
        data = path.read_bytes()
        br11_ms, br11 = _median_ms(lambda d: brotli.compress(d, quality=11), data, 1)
        _, gz9 = _median_ms(lambda d: gzip.compress(d, compresslevel=9, mtime=0), data, 1)
        br4_ms, br4 = _median_ms(lambda d: brotli.compress(d, quality=4), data, args.repeat)
        gz6_ms, gz6 = _median_ms(lambda d: gzip.compress(d, compresslevel=6, mtime=0), data, args.repeat)
        print(
            f"{name:<26}{len(data) / 1024:>8.0f}{br11 / 1024:>9.0f}{gz9 / 1024:>8.0f}{br4 / 1024:>8.0f}"
            f"{gz6 / 1024:>8.0f}{br4_ms:>11.1f}{gz6_ms:>11.1f}{br11_ms:>13.0f}"
        )
    print("\nprecompressed: 0 ms of compression per request (bytes read from memory by content hash)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
