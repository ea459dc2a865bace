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
        other = other_encoding(data)
        if other:
            raise ReportError(
                path,
                f"the file is not UTF-8 and seems to be {other}, which GB18030 would only turn into garbled text",
                f"re-save it as UTF-8 (for example: iconv -f {other.upper()} -t UTF-8)",
            ) from None
        try:
            return require_text(Decoded(data.decode("gb18030"), "gb18030", len(data)), path)
        except UnicodeDecodeError:
            raise ReportError(
                path,
                f"cannot decode as UTF-8 (byte offset {utf8_error.start}) nor as GB18030",
                "save the report as UTF-8",
            ) from None


# Encodings a GB18030 decoding would accept but garble; charset-normalizer (a maintained detector) names them.
GB_FAMILY = ("gb18030", "gbk", "gb2312", "hz", "utf_8", "ascii")
DETECT_SAMPLE = 65536
DETECT_MIN = 200
CHAOS_MARGIN = 0.05


def other_encoding(data: bytes) -> str:
    """The encoding a non-UTF-8 file seems to be in when that is not the GB family (Big5, Shift-JIS, …), else ''."""
    from charset_normalizer import from_bytes

    if len(data) < DETECT_MIN:
        return ""
    results = from_bytes(data[:DETECT_SAMPLE])
    best = results.best()
    if best is None or best.encoding in GB_FAMILY:
        return ""
    if any(r.encoding in GB_FAMILY and r.chaos <= best.chaos + CHAOS_MARGIN for r in results):
        return ""
    return best.encoding


def read_report_bytes(path: Path) -> Decoded:
    """Read and decode a report file."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ReportError(path, f"cannot read the file: {error.strerror}") from None
    return decode_bytes(data, path)
