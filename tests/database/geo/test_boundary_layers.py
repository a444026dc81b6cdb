"""Boundary layers in a database of the test's own: the units each vintage expects, importing real and
broken boundary files (exact problem text, nothing stored), the map layers prepared from them (schematic
squares, the commune tile cartogram, imported polygons), the /geo route and the licence gate.

Real boundary files are read from ../shared/geo (GPL-3.0: never copied into the repository).
"""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import flask
import geopandas as gpd
import pytest
import shapely
from flask.testing import FlaskClient
from sqlalchemy import func, insert, select

from dashboard import db
from dashboard.__main__ import main as cli_main
from dashboard.config import Settings
from dashboard.geo import layers as geo
from dashboard.geo import maps, prepare, vintages
from dashboard.queries.maps import MapLayer, read_map_layer
from tests.support.boundaries import (
    DISTRICTS,
    DISTRICTS_2019,
    DISTRICTS_2020,
    PROVINCE_2019,
    PROVINCE_2025,
    SHARED_GEO,
    exterior_rings,
)

needs_shared = pytest.mark.skipif(
    not DISTRICTS_2020.exists(),
    reason=f"real boundary files not found in {SHARED_GEO} (not shipped: GPL-3.0)",
)
COMMUNES = ("21211", "21172", "21034")
SOURCE = {"source_title": "dvhcvn (test)", "licence": "GPL-3.0", "attribution": "dvhcvn"}
# Only layers imported as redistributable are drawn (and sent to browsers); tests of drawing use this.
DRAWABLE = {**SOURCE, "redistributable": True}


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings whose instance dir (database and geo_dir) lives in tmp_path."""
    return Settings.from_env({"DASHBOARD_INSTANCE_DIR": str(tmp_path / "instance")})


@pytest.fixture
def engine(settings: Settings):
    """A fresh SQLite database holding province 51, its 14 district-level units and a few communes."""
    settings.instance_dir.mkdir(parents=True)
    engine = db.get_engine(settings.database_url)
    db.create_schema(engine)
    now = datetime.now(UTC)
    with engine.begin() as connection:
        connection.execute(
            insert(db.datasets).values(
                id="units-test", title_vi="Đơn vị", title_en="Units", licence="test", file_name="t.csv",
                checksum="0" * 64, imported_at=now,
            )
        )  # fmt: skip
        connection.execute(
            insert(db.sources).values(
                id="gso", dataset_id="units-test", kind="official", issuer="GSO", title="Danh mục hành chính",
                licence="public", checksum="0" * 64, imported_at=now,
            )
        )  # fmt: skip
        rows = [{"code": "51", "kind": "province", "parent_code": None, "valid_to": None}]
        for code in DISTRICTS:
            end = date(2020, 1, 31) if code == "526" else date(2025, 6, 30)
            rows.append({"code": code, "kind": "district", "parent_code": "51", "valid_to": end})
        rows += [{"code": c, "kind": "commune", "parent_code": "51", "valid_to": None} for c in COMMUNES]
        for row in rows:
            start = date(2025, 7, 1) if row["kind"] == "commune" else None
            connection.execute(
                insert(db.units).values(
                    **row, name_vi=row["code"], name_en=row["code"], valid_from=start, source_id="gso"
                )
            )
    return engine


def stored_nothing(engine, settings: Settings) -> bool:
    """True when no boundary row exists and geo_dir holds no file."""
    with engine.connect() as connection:
        rows = connection.execute(select(func.count()).select_from(db.boundary_layers)).scalar()
    files = list(settings.geo_dir.iterdir()) if settings.geo_dir.exists() else []
    return rows == 0 and files == []


def write_variant(tmp_path: Path, source: Path, change) -> Path:
    """Write a modified copy of a real GeoJSON file (under tmp_path only) and return its path."""
    data = json.loads(source.read_text(encoding="utf-8"))
    change(data["features"])
    target = tmp_path / source.name
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


def feature(features: list[dict], code: str) -> dict:
    return next(f for f in features if f["properties"]["gso_code"] == code)


def layer_for_year(engine, settings: Settings, year: int) -> MapLayer:
    """Prepare the map layers as start-up does, then read the one a page would draw for the year."""
    maps.prepare_map_layers(engine, settings)
    return read_map_layer(engine, year)


def rejected(engine, settings, path: Path, *, vintage: str = "districts-2020") -> list[str]:
    """Import a file that must be rejected; return its problems as text after checking nothing was stored."""
    with pytest.raises(geo.BoundaryImportError) as caught:
        geo.import_boundaries(engine, settings, path, vintage=vintage, **SOURCE)
    assert stored_nothing(engine, settings)
    return [str(problem) for problem in caught.value.problems]


# --- vintages -------------------------------------------------------------------------------------


def test_expected_codes_follow_validity_dates(engine) -> None:
    assert vintages.expected_codes(engine, "districts-2019") == set(DISTRICTS)
    assert vintages.expected_codes(engine, "districts-2020") == set(DISTRICTS) - {"526"}
    assert vintages.expected_codes(engine, "communes-2025") == set(COMMUNES)
    assert vintages.expected_codes(engine, "province-2025") == {"51"}


# --- real imports ---------------------------------------------------------------------------------


@needs_shared
@pytest.mark.parametrize(
    ("path", "vintage", "count"),
    [(DISTRICTS_2019, "districts-2019", 14), (DISTRICTS_2020, "districts-2020", 13),
     (PROVINCE_2019, "province-2019", 1), (PROVINCE_2025, "province-2025", 1)],
)  # fmt: skip
def test_import_real_vintage(engine, settings, path: Path, vintage: str, count: int) -> None:
    info = geo.import_boundaries(engine, settings, path, vintage=vintage, **SOURCE)
    assert info.feature_count == count
    assert re.fullmatch(rf"{vintage}\.[0-9a-f]{{12}}\.geojson", info.file_name)
    written = settings.geo_dir / info.file_name
    layer = json.loads(written.read_bytes())
    assert len(layer["features"]) == count
    assert all(set(f["properties"]) == {"code", "name"} for f in layer["features"])
    assert info.size_bytes == written.stat().st_size <= 40_000
    with engine.connect() as connection:
        row = connection.execute(select(db.boundary_layers)).mappings().one()
    assert (row["vintage"], row["file_name"], row["feature_count"]) == (vintage, info.file_name, count)
    assert row["source_title"] == "dvhcvn (test)" and not row["redistributable"]


@needs_shared
def test_sidecar_gives_source_fields_and_options_override(engine, settings, tmp_path: Path) -> None:
    path = tmp_path / "districts.geojson"
    shutil.copyfile(DISTRICTS_2020, path)
    sidecar = {
        "source_title": "Sidecar title",
        "licence": "GPL-3.0",
        "redistributable": True,
        "attribution": "A",
    }
    (tmp_path / "districts.geojson.source.json").write_text(json.dumps(sidecar), encoding="utf-8")
    geo.import_boundaries(engine, settings, path, vintage="districts-2020", licence="CC BY 4.0")
    with engine.connect() as connection:
        row = connection.execute(select(db.boundary_layers)).mappings().one()
    assert (row["source_title"], row["licence"], row["redistributable"]) == (
        "Sidecar title",
        "CC BY 4.0",
        True,
    )


@needs_shared
def test_cli_imports_and_reports_rejections(engine, settings, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("DASHBOARD_INSTANCE_DIR", str(settings.instance_dir))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    argv = [
        "geo",
        "import",
        str(DISTRICTS_2019),
        "--vintage",
        "districts-2020",
        "--source-title",
        "t",
        "--licence",
        "l",
    ]
    assert cli_main(argv) == 1
    assert "unit 526" not in capsys.readouterr().err  # 526 is unknown in 2020, not missing
    assert stored_nothing(engine, settings)
    argv[4] = "districts-2019"
    assert cli_main(argv) == 0
    out = capsys.readouterr().out
    assert "districts-2019: 14 features" in out and "Not redistributable: stored, but never served" in out
    assert cli_main([*argv, "--redistributable"]) == 0
    assert "Not redistributable" not in capsys.readouterr().out


# --- rejections: exact problem text, nothing stored -----------------------------------------------


@needs_shared
def test_invalid_polygon_is_named_and_rejected_unless_repair_asked(engine, settings, tmp_path: Path) -> None:
    bowtie = [[[109.1, 15.3], [109.2, 15.4], [109.2, 15.3], [109.1, 15.4], [109.1, 15.3]]]

    def break_ly_son(features: list[dict]) -> None:
        feature(features, "536")["geometry"] = {"type": "Polygon", "coordinates": bowtie}

    path = write_variant(tmp_path, DISTRICTS_2020, break_ly_son)
    assert rejected(engine, settings, path) == [
        "quang_ngai_districts.geojson: feature 12 (code 536): "
        "invalid geometry: Self-intersection[109.15 15.35]"
    ]
    info = geo.import_boundaries(
        engine, settings, path, vintage="districts-2020", repair_invalid=True, **SOURCE
    )
    assert info.feature_count == 13


@needs_shared
def test_shapefile_without_prj_is_refused(engine, settings, tmp_path: Path) -> None:
    path = tmp_path / "districts.shp"
    gpd.read_file(DISTRICTS_2020)[["gso_code", "geometry"]].to_file(path)
    path.with_suffix(".prj").unlink()
    assert rejected(engine, settings, path) == [
        "districts.shp: no coordinate reference system (a Shapefile needs its .prj file)"
    ]


@needs_shared
def test_shapefile_in_another_crs_is_reprojected(engine, settings, tmp_path: Path) -> None:
    path = tmp_path / "districts_utm.shp"
    gpd.read_file(DISTRICTS_2020)[["gso_code", "geometry"]].to_crs(32649).to_file(path)
    gdf = prepare.read_boundaries(path)
    assert gdf.crs.to_epsg() == 4326
    assert (
        geo.import_boundaries(engine, settings, path, vintage="districts-2020", **SOURCE).feature_count == 13
    )


@needs_shared
def test_unknown_code_and_missing_unit_are_named(engine, settings, tmp_path: Path) -> None:
    def recode(features: list[dict]) -> None:
        feature(features, "536")["properties"]["gso_code"] = "999"

    path = write_variant(tmp_path, DISTRICTS_2020, recode)
    assert rejected(engine, settings, path) == [
        "quang_ngai_districts.geojson: feature 12 (code 999): unknown code, not a unit of this vintage",
        "quang_ngai_districts.geojson: unit 536: missing: no feature has this code",
    ]


@needs_shared
def test_missing_unit_is_named(engine, settings, tmp_path: Path) -> None:
    path = write_variant(tmp_path, DISTRICTS_2019, lambda fs: fs.remove(feature(fs, "536")))
    assert rejected(engine, settings, path, vintage="districts-2019") == [
        "quang_ngai_districts_2019.geojson: unit 536: missing: no feature has this code"
    ]


@needs_shared
def test_duplicate_code_is_named(engine, settings, tmp_path: Path) -> None:
    def duplicate(features: list[dict]) -> None:
        feature(features, "536")["properties"]["gso_code"] = "535"

    problems = rejected(engine, settings, write_variant(tmp_path, DISTRICTS_2020, duplicate))
    assert (
        problems[0] == "quang_ngai_districts.geojson: feature 12 (code 535): duplicate code, also feature 11"
    )
    assert problems[1] == "quang_ngai_districts.geojson: unit 536: missing: no feature has this code"


@needs_shared
def test_overlapping_units_are_named(engine, settings, tmp_path: Path) -> None:
    def overlap(features: list[dict]) -> None:
        # Lý Sơn (index 12) drawn over Ba Tơ (index 11): the whole of Ba Tơ overlaps.
        feature(features, "536")["geometry"] = feature(features, "535")["geometry"]

    problems = rejected(engine, settings, write_variant(tmp_path, DISTRICTS_2020, overlap))
    assert len(problems) == 1
    assert re.fullmatch(
        r"quang_ngai_districts\.geojson: feature 11 \(code 535\): overlaps feature 12 \(code 536\) "
        r"by 11\d\d\.\d\d km² \(tolerance 0\.1 km²\)",
        problems[0],
    )


@needs_shared
def test_gap_between_units_is_named(engine, settings, tmp_path: Path) -> None:
    def shrink(features: list[dict]) -> None:
        minh_long = shapely.geometry.shape(feature(features, "531")["geometry"])
        feature(features, "531")["geometry"] = shapely.geometry.mapping(minh_long.buffer(-0.005))

    problems = rejected(engine, settings, write_variant(tmp_path, DISTRICTS_2020, shrink))
    assert len(problems) == 1
    assert problems[0].startswith("quang_ngai_districts.geojson: gap of ")
    assert re.search(
        r"gap of \d+\.\d\d km² near 108\.\d{3}, 14\.\d{3} between features .*7 \(code 531\)", problems[0]
    )
    assert problems[0].endswith("(tolerance 0.1 km²)")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.geojson", b"", "empty.geojson: empty file: no features"),
        (
            "empty.geojson",
            b'{"type": "FeatureCollection", "features": []}',
            "empty.geojson: empty file: no features",
        ),
        (
            "table.csv",
            b"code,name\n522,x\n",
            "table.csv: wrong format: expected one of .geojson, .json, .shp, .gpkg",
        ),
    ],
)
def test_empty_and_wrong_format_files(engine, settings, tmp_path: Path, name, content, expected) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert rejected(engine, settings, path) == [expected]


def test_garbage_bytes_are_a_wrong_format(engine, settings, tmp_path: Path) -> None:
    path = tmp_path / "garbage.geojson"
    path.write_bytes(bytes(range(256)) * 4)
    [problem] = rejected(engine, settings, path)
    assert problem.startswith("garbage.geojson: wrong format: not a readable boundary file (")


@needs_shared
def test_rejected_reimport_keeps_the_previous_layer(engine, settings, tmp_path: Path) -> None:
    info = geo.import_boundaries(engine, settings, DISTRICTS_2020, vintage="districts-2020", **DRAWABLE)
    before = sorted(settings.geo_dir.iterdir())
    path = write_variant(tmp_path, DISTRICTS_2020, lambda fs: fs.remove(feature(fs, "522")))
    with pytest.raises(geo.BoundaryImportError):
        geo.import_boundaries(engine, settings, path, vintage="districts-2020", **SOURCE)
    assert sorted(settings.geo_dir.iterdir()) == before
    assert is_map_copy_of(settings, layer_for_year(engine, settings, 2022).url, info.file_name)


def test_missing_source_title_is_refused(engine, settings, tmp_path: Path) -> None:
    path = tmp_path / "x.geojson"
    path.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    with pytest.raises(geo.BoundaryImportError, match="no source_title: give --source-title"):
        geo.import_boundaries(engine, settings, path, vintage="districts-2020", licence="x")
    assert stored_nothing(engine, settings)


# --- map copies -----------------------------------------------------------------------------------


def is_map_copy_of(settings, url: str, file_name: str) -> bool:
    """True when `url` serves the map's copy (d3 winding) of the stored layer `file_name`."""
    stored = json.loads((settings.geo_dir / file_name).read_bytes())
    drawn = (settings.geo_dir / url.removeprefix("/geo/")).read_bytes()
    return url != f"/geo/{file_name}" and drawn == prepare.dumps_layer(prepare.wound_for_d3(stored))


def test_schematic_squares_are_wound_for_d3(engine, settings) -> None:
    ref = layer_for_year(engine, settings, 2019)
    drawn = json.loads((settings.geo_dir / ref.url.removeprefix("/geo/")).read_bytes())
    assert not any(ring.is_ccw for ring in exterior_rings(drawn))


# --- lookup, schematic fallback, serving ----------------------------------------------------------


def test_schematic_is_used_without_boundaries(engine, settings) -> None:
    ref = layer_for_year(engine, settings, 2019)
    assert ref.schematic and ref.available
    assert set(ref.feature_codes) == set(DISTRICTS)
    layer = json.loads((settings.geo_dir / ref.url.removeprefix("/geo/")).read_bytes())
    assert layer["schematic"] is True and len(layer["features"]) == 14
    assert set(layer_for_year(engine, settings, 2020).feature_codes) == set(DISTRICTS) - {"526"}


def test_communes_without_polygons_get_the_tile_cartogram_with_its_attribution(engine, settings) -> None:
    ref = layer_for_year(engine, settings, 2025)
    assert (ref.vintage, ref.available, ref.schematic) == ("communes-2025", True, True)
    assert set(ref.feature_codes) == set(COMMUNES)  # the units valid in 2025, not every point of the file
    assert ref.licence == "CC-BY-4.0" and "open-admin-data" in ref.attribution
    assert ref.outline_url is None  # tiles are not where units lie: no outline over them
    assert set(ref.labels) == set(COMMUNES) and ref.labels["21034"][2] == "An Phú"


@needs_shared
def test_imported_layer_and_outline_are_used(engine, settings) -> None:
    info = geo.import_boundaries(engine, settings, DISTRICTS_2019, vintage="districts-2019", **DRAWABLE)
    outline = geo.import_boundaries(engine, settings, PROVINCE_2019, vintage="province-2019", **DRAWABLE)
    ref = layer_for_year(engine, settings, 2018)
    assert not ref.schematic
    assert is_map_copy_of(settings, ref.url, info.file_name)
    assert is_map_copy_of(settings, ref.outline_url, outline.file_name)
    assert len(ref.feature_codes) == 14 and "536" in ref.anchors and ref.licence == "GPL-3.0"


def test_geo_route_serves_hashed_files_only(engine, settings) -> None:
    ref = layer_for_year(engine, settings, 2021)
    (settings.instance_dir / "secret.txt").write_text("no", encoding="utf-8")
    server = flask.Flask(__name__)
    maps.register_geo_routes(server, settings)
    client = server.test_client()
    response = client.get(ref.url)
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert json.loads(response.data)["schematic"] is True
    response.close()  # send_from_directory's file stays open until the response is closed
    for bad in (
        "/geo/nope.000000000000.geojson",
        "/geo/..%2Fsecret.txt",
        "/geo/../secret.txt",
        "/geo/secret.txt",
    ):
        assert client.get(bad).status_code == 404, bad


def test_district_squares_carry_their_names_inside_them(engine, settings) -> None:
    ref = layer_for_year(engine, settings, 2022)
    layer = json.loads((settings.geo_dir / ref.url.removeprefix("/geo/")).read_bytes())
    shapes = {f["properties"]["code"]: shapely.geometry.shape(f["geometry"]) for f in layer["features"]}
    assert set(ref.labels) == set(shapes) == set(DISTRICTS) - {"526"}
    for code, (lon, lat, name) in ref.labels.items():
        assert shapes[code].contains(shapely.Point(lon, lat)) and name == DISTRICTS[code]


def test_layers_are_prepared_once_and_the_data_version_moves_only_on_change(engine, settings) -> None:
    assert maps.prepare_map_layers(engine, settings) is True
    version = db.data_version(engine)
    assert maps.prepare_map_layers(engine, settings) is False  # a restart with nothing new writes nothing
    assert db.data_version(engine) == version
    with engine.connect() as connection:
        rows = connection.execute(select(db.map_layers.c.vintage, db.map_layers.c.schematic)).all()
    assert sorted(rows) == [("communes-2025", True), ("districts-2019", True), ("districts-2020", True)]


def squares_file(path: Path, codes: tuple[str, ...], *, name: str = "Xã {code}") -> Path:
    """A boundary file of adjacent squares in a row, one per code (drawn for tests, no licence at stake)."""
    squares = [
        {"type": "Feature", "properties": {"gso_code": code, "name": name.format(code=code)},
         "geometry": shapely.geometry.mapping(shapely.box(108 + 0.1 * i, 15, 108.1 + 0.1 * i, 15.1))}
        for i, code in enumerate(codes)
    ]  # fmt: skip
    path.write_text(json.dumps({"type": "FeatureCollection", "features": squares}), encoding="utf-8")
    return path


def commune_squares(tmp_path: Path) -> Path:
    return squares_file(tmp_path / "communes.geojson", COMMUNES)


def test_imported_commune_polygons_replace_the_cartogram(engine, settings, tmp_path: Path) -> None:
    assert layer_for_year(engine, settings, 2025).schematic
    geo.import_boundaries(engine, settings, commune_squares(tmp_path), vintage="communes-2025", **DRAWABLE)
    ref = read_map_layer(engine, 2025)  # the import prepared the layers itself: no restart needed
    assert not ref.schematic and ref.url.startswith("/geo/communes-2025-d3.")
    assert set(ref.feature_codes) == set(COMMUNES) and ref.licence == "GPL-3.0"
    assert ref.labels["21034"][2] == "Xã 21034"


# --- the licence gate: only redistributable boundaries reach a browser ---------------------------------


def geo_client(settings: Settings) -> FlaskClient:
    server = flask.Flask(__name__)
    maps.register_geo_routes(server, settings)
    return server.test_client()


def test_layer_without_the_redistributable_flag_is_not_drawn_and_says_why(engine, settings, tmp_path) -> None:
    path = commune_squares(tmp_path)
    info = geo.import_boundaries(engine, settings, path, vintage="communes-2025", **SOURCE)
    ref = read_map_layer(engine, 2025)
    assert (ref.schematic, ref.withheld) == (True, "GPL-3.0")  # the tile cartogram, and the licence why
    assert ref.url.startswith("/geo/communes-2025-schematic.") and "open-admin-data" in ref.attribution
    assert ref.labels["21034"][2] == "An Phú"  # the points file's names, not the withheld layer's
    drawn = read_map_layer(engine, 2022)
    assert drawn.withheld == ""  # other vintages are untouched
    client = geo_client(settings)
    assert client.get(f"/geo/{info.file_name}").status_code == 404  # the stored file itself
    response = client.get(ref.url)
    assert response.status_code == 200 and json.loads(response.data)["schematic"] is True
    response.close()


def test_outline_without_the_flag_is_not_drawn(engine, settings, tmp_path: Path) -> None:
    outline = squares_file(tmp_path / "province.geojson", ("51",), name="Quảng Ngãi")
    geo.import_boundaries(engine, settings, outline, vintage="province-2025", **SOURCE)
    geo.import_boundaries(engine, settings, commune_squares(tmp_path), vintage="communes-2025", **DRAWABLE)
    ref = read_map_layer(engine, 2025)
    assert not ref.schematic and ref.outline_url is None and ref.withheld == ""
    with engine.connect() as connection:
        roles = connection.execute(select(db.map_layers.c.role)).scalars().all()
    assert "outline" not in roles


def test_dropping_the_flag_withdraws_the_copy_already_served(engine, settings, tmp_path: Path) -> None:
    path = commune_squares(tmp_path)
    geo.import_boundaries(engine, settings, path, vintage="communes-2025", **DRAWABLE)
    served = read_map_layer(engine, 2025).url
    client = geo_client(settings)
    response = client.get(served)
    assert response.status_code == 200
    response.close()
    geo.import_boundaries(engine, settings, path, vintage="communes-2025", **SOURCE)  # same bytes, no flag
    assert (settings.geo_dir / served.removeprefix("/geo/")).is_file()  # still on disk, but no longer sent
    assert client.get(served).status_code == 404
    assert read_map_layer(engine, 2025).schematic
