"""Helper process of the crash test: load the CLI and its extractor once, then fork one child per request
that runs ``geokg ingest ARGS`` through the console script's own entry point (:func:`api.cli.main`).

The test SIGKILLs the children; forking saves the ~4 s of imports and model loading each run of the real
console script spends before it ingests anything. Protocol: JSON lines on stdin and stdout,
``{"op": "run", "args": [...], "stderr": PATH}`` answers ``{"pid": N}``; ``{"op": "wait", "pid": N}``
answers ``{"status": exit code, negative for a signal}``.
"""

from __future__ import annotations

import json
import os
import sys


def _child(args: list[str], stderr_path: str) -> None:
    from api.cli import main as cli_main

    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    err = os.open(stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(err, 2)
    sys.argv = ["geokg", *args]
    code = 0
    try:
        cli_main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stderr.flush()
    os._exit(code)


def main() -> None:
    """Serve fork requests until stdin closes."""
    from api.cli import load_extractor
    from api.settings import Settings

    load_extractor(model=Settings().spacy_model, actor_files=Settings().actor_files)
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        if request["op"] == "run":
            pid = os.fork()
            if pid == 0:
                _child(request["args"], request["stderr"])
            print(json.dumps({"pid": pid}), flush=True)
        elif request["op"] == "wait":
            _, status = os.waitpid(request["pid"], 0)
            print(json.dumps({"status": os.waitstatus_to_exitcode(status)}), flush=True)


if __name__ == "__main__":
    main()
