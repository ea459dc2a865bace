"""minzheng: read Chinese civil-affairs reports and compare regions on the codebook's figures."""

from __future__ import annotations

__version__ = "0.1.0"
