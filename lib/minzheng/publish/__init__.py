"""Publishing: executed notebooks → HTML, self-contained e-mail pages and data exports in outputs/."""

import sys

# Before anything here imports nbformat: keep jsonschema from importing rfc3987_syntax, which builds a grammar for about
# 1.5 s in every process and is never needed to validate notebooks (a None entry makes that import fail fast).
if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
