"""Checking an uploaded file (annex, index set, units) before anything reads it: size, kind, and the XLSX
zip-bomb cap. Uploads are kept under a name the server chooses (their SHA-256), never the client's name.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

# An XLSX is a zip: its members may unpack to at most this much, and at most this ratio of the upload.
MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_XLSX_RATIO = 100
MAX_XLSX_MEMBERS = 1000
SUFFIXES = (".xlsx", ".csv")


class UploadRefused(ValueError):
    """An upload that is not a spreadsheet we can read (the reason is shown to the publisher)."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Upload:
    """A checked upload kept on disk under its hash."""

    path: Path
    sha256: str
    original_name: str
    suffix: str


def sha256_of(data: bytes) -> str:
    """The file hash the audit log records."""
    return hashlib.sha256(data).hexdigest()


def megabytes(size: int) -> str:
    """A size limit as publishers read it ('10', '2.5')."""
    return f"{size / 2**20:.1f}".removesuffix(".0")


def check(data: bytes, original_name: str, *, max_bytes: int) -> str:
    """The file's kind ('.xlsx' or '.csv') or UploadRefused with the reason."""
    if not data:
        raise UploadRefused("admin.upload.empty")
    if len(data) > max_bytes:
        raise UploadRefused("admin.upload.too_large", limit=megabytes(max_bytes))
    suffix = Path(original_name).suffix.lower()
    if suffix not in SUFFIXES:
        raise UploadRefused("admin.upload.kind")
    if suffix == ".xlsx":
        _check_xlsx(data)
    else:
        _check_csv(data)
    return suffix


def _check_xlsx(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UploadRefused("admin.upload.not_xlsx") from None
    with archive:
        members = archive.infolist()
        names = {member.filename for member in members}
        if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
            raise UploadRefused("admin.upload.not_xlsx")
        unpacked = sum(member.file_size for member in members)
        if (
            len(members) > MAX_XLSX_MEMBERS
            or unpacked > MAX_XLSX_UNPACKED_BYTES
            or unpacked > MAX_XLSX_RATIO * max(len(data), 1)
        ):
            raise UploadRefused("admin.upload.zip_bomb", limit=MAX_XLSX_UNPACKED_BYTES // (1024 * 1024))


def _check_csv(data: bytes) -> None:
    # A spreadsheet saved as CSV is text: UTF-8 (with or without BOM) or UTF-16 with its BOM. Binary
    # files (images, PDFs, executables) carry NUL bytes or fail to decode.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return
    if b"\x00" in data[:65536]:
        raise UploadRefused("admin.upload.not_csv")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise UploadRefused("admin.upload.not_csv") from None


def keep(data: bytes, original_name: str, directory: Path, *, max_bytes: int) -> Upload:
    """Check an upload and keep it as `<sha256><suffix>` in the directory."""
    suffix = check(data, original_name, max_bytes=max_bytes)
    digest = sha256_of(data)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{digest}{suffix}"
    if not path.exists():
        partial = path.with_suffix(path.suffix + ".part")
        partial.write_bytes(data)
        partial.replace(path)
    return Upload(path, digest, Path(original_name).name[:200], suffix)


class FileField(Protocol):
    """What a form's file field holds (werkzeug's FileStorage)."""

    filename: str | None
    stream: IO[bytes]

    def read(self) -> bytes: ...


def receive(
    file: FileField, directory: Path, *, max_bytes: int, log: Callable[..., None]
) -> Upload | UploadRefused:
    """Read, check and keep a file sent to one of the publishing doors (annex, index set, units), logged
    as the audit's 'upload' step either way; the refusal, with its reason, when it is refused."""
    data = file.read()
    digest = sha256_of(data)
    try:
        kept = keep(data, file.filename or "", directory, max_bytes=max_bytes)
    except UploadRefused as refused:
        log("upload", "refused", digest=digest, detail=refused.key)
        return refused
    log("upload", "ok", digest=digest, detail=kept.original_name)
    return kept


def find(directory: Path, digest: str) -> Path | None:
    """A kept upload by its hash (the only name a form may send back)."""
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        return None
    for suffix in SUFFIXES:
        path = directory / f"{digest}{suffix}"
        if path.is_file():
            return path
    return None
