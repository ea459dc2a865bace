"""Executing one notebook with papermill on the project's kernel, retried when the kernel dies at start."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from typing import Any

KERNEL_NAME = "minzheng"


KERNEL_DISPLAY_NAME = "Python (minzheng)"


CELL_TIMEOUT_SECONDS = 900


KERNEL_START_TIMEOUT_SECONDS = 120


KERNEL_START_ATTEMPTS = 3


KERNEL_START_FAILURES = ("Kernel died before replying to kernel_info", "Kernel didn't respond")


def ensure_kernel(name: str = KERNEL_NAME, prefix: str | None = None) -> Path:
    """Return the kernelspec folder of `name`, installing it for this Python (sys.prefix) when missing."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        return Path(KernelSpecManager().get_kernel_spec(name).resource_dir)
    except NoSuchKernel:
        from ipykernel.kernelspec import install

        return Path(install(kernel_name=name, display_name=KERNEL_DISPLAY_NAME, prefix=prefix or sys.prefix))


def error_summary(error: BaseException) -> str:
    """Return a one-line description of an error: its name and its whole message (file, line, what to do)."""
    ename = getattr(error, "ename", type(error).__name__)
    lines = [line.strip() for line in str(getattr(error, "evalue", error)).strip().splitlines() if line.strip()]
    message = " ".join(lines)
    if len(message) > SUMMARY_MAX:
        message = message[: SUMMARY_MAX - 1] + "…"
    return f"{ename}: {message}" if message else str(ename)


SUMMARY_MAX = 600


def failed_notebook(source: Path, executed: Path, error: BaseException, kernel_log: str = "") -> Any:
    """Return the copy to keep in failed/: the executed notebook (with its error output) or, when the error
    happened outside a cell (kernel, export), the best copy available with a first cell explaining the error."""
    import nbformat
    from papermill.exceptions import PapermillExecutionError

    if executed.is_file():
        nb = nbformat.read(executed, as_version=4)
        if isinstance(error, PapermillExecutionError):
            return nb
    else:
        nb = nbformat.read(source, as_version=4) if source.is_file() else nbformat.v4.new_notebook()
    text = "".join(traceback.format_exception(error))
    if kernel_log.strip():
        text += f"\nThe kernel process wrote:\n{kernel_log.strip()}\n"
    nb.cells.insert(0, nbformat.v4.new_markdown_cell(f"**minzheng run failed on this notebook:**\n\n```\n{text}\n```"))
    return nb


def kernel_manager_class(stderr_log: Path | None = None) -> type:
    """Return a kernel manager whose kernels talk encrypted (CurveZMQ) or over IPC, so ipykernel has nothing to
    warn about, and whose kernel process writes its own stderr (shutdown messages) to `stderr_log`, not the terminal."""
    import zmq
    from jupyter_client import AsyncKernelManager
    from traitlets import default

    class QuietKernelManager(AsyncKernelManager):
        """AsyncKernelManager with CurveZMQ transport encryption when available, else IPC sockets."""

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            if stderr_log is None or "stderr" in kw:
                return await super()._async_launch_kernel(kernel_cmd, **kw)
            with open(stderr_log, "ab") as handle:
                kw.update(stdout=handle, stderr=handle)
                return await super()._async_launch_kernel(kernel_cmd, **kw)

        @default("transport_encryption")
        def _default_transport_encryption(self) -> str:
            return "auto" if zmq.has("curve") else "disabled"

        @default("transport")
        def _default_transport(self) -> str:
            return "tcp" if zmq.has("curve") or os.name == "nt" else "ipc"

    return QuietKernelManager


def _run_papermill(source: Path, target: Path, parameters: dict[str, Any], kernel_log: Path) -> None:
    """Execute one notebook with papermill on the project's kernel, writing the executed copy to target."""
    import papermill

    papermill.execute_notebook(
        str(source),
        str(target),
        parameters=parameters,
        kernel_name=KERNEL_NAME,
        progress_bar=False,
        log_output=False,
        request_save_on_cell_execute=False,
        cwd=str(source.parent),
        start_timeout=KERNEL_START_TIMEOUT_SECONDS,
        execution_timeout=CELL_TIMEOUT_SECONDS,
        kernel_manager_class=kernel_manager_class(kernel_log),
        shutdown_kernel="immediate",  # every cell has run and its outputs are in hand: a graceful stop only waits
    )


def is_kernel_start_failure(error: BaseException) -> bool:
    """True when the kernel died or stayed silent before it started: no cell ran, so a retry is safe."""
    return isinstance(error, RuntimeError) and str(error).startswith(KERNEL_START_FAILURES)


def run_papermill_with_retries(source: Path, target: Path, parameters: dict[str, Any], kernel_log: Path) -> None:
    """Execute one notebook, starting a fresh kernel again when the first one dies before it could start."""
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        try:
            return _run_papermill(source, target, parameters, kernel_log)
        except RuntimeError as error:
            if attempt == KERNEL_START_ATTEMPTS or not is_kernel_start_failure(error):
                raise
