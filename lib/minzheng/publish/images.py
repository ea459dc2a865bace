"""Images of e-mail pages kept small: a chart's PNG over IMAGE_BYTES is re-encoded with a palette of 256 colours
(charts have few colours, so nothing visible is lost, and the file is about a third of the size)."""

from __future__ import annotations

import base64
import io

# A PNG larger than this (bytes, decoded) is re-encoded with a palette in e-mail pages.
IMAGE_BYTES = 100_000


PALETTE_COLOURS = 256


def smaller_png(data: bytes, limit: int = IMAGE_BYTES) -> bytes:
    """The PNG itself when it is small, else the same picture with a 256-colour palette (deterministic bytes), or the
    original when that is not smaller."""
    if len(data) <= limit:
        return data
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        palette = image.convert("RGB").quantize(
            colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        buffer = io.BytesIO()
        palette.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue() if buffer.tell() < len(data) else data


def smaller_png_text(text: str, limit: int = IMAGE_BYTES) -> str:
    """A notebook output's base64 PNG, made smaller as by smaller_png (text that is not base64 passes unchanged)."""
    try:
        data = base64.b64decode("".join(text.split()), validate=True)
    except ValueError:
        return text
    smaller = smaller_png(data, limit)
    return text if smaller is data else base64.b64encode(smaller).decode("ascii")
