"""Decode report files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from minzheng.errors import ReportError

BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


CONTROL_BYTES = set(range(0, 9)) | {11, 12} | set(range(14, 32))


@dataclass(frozen=True)
class Decoded:
    """A report's text and the encoding it was read with."""

    text: str
    encoding: str
    size_bytes: int


EMPTY_PROBLEM = "the file is empty or holds only whitespace"


EMPTY_HINT = "add the report's text, or remove the file and its manifest row"


def require_text(decoded: Decoded, path: object) -> Decoded:
    """Return the decoded report, or raise when it holds nothing but whitespace."""
    if not decoded.text.strip():
        raise ReportError(path, EMPTY_PROBLEM, EMPTY_HINT)
    return decoded


def looks_binary(data: bytes) -> bool:
    """Say whether bytes look like a binary file rather than text."""
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(byte in CONTROL_BYTES for byte in sample)
    return controls > max(8, len(sample) // 100)


def decode_bytes(data: bytes, path: object = "<bytes>") -> Decoded:
    """Decode a report's bytes, or raise ReportError naming the file and the offset."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return require_text(Decoded(data.decode(encoding), encoding, len(data)), path)
    if not data.strip():
        raise ReportError(path, EMPTY_PROBLEM, EMPTY_HINT)
    if looks_binary(data):
        raise ReportError(path, "the file is binary, not text", "save the report as a UTF-8 or GB18030 text file")
    try:
        return require_text(Decoded(data.decode("utf-8"), "utf-8", len(data)), path)
    except UnicodeDecodeError as utf8_error:
        try:
            return require_text(Decoded(data.decode("gb18030"), "gb18030", len(data)), path)
        except UnicodeDecodeError:
            raise ReportError(
                path,
                f"cannot decode as UTF-8 (byte offset {utf8_error.start}) nor as GB18030",
                "save the report as UTF-8",
            ) from None


def read_report_bytes(path: Path) -> Decoded:
    """Read and decode a report file."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ReportError(path, f"cannot read the file: {error.strerror}") from None
    return decode_bytes(data, path)
