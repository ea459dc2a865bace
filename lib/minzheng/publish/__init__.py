"""Publishing: executed notebooks → HTML, self-contained e-mail pages and data exports in outputs/."""
