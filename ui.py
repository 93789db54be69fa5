"""Run the Gradio UI on its own port: `python ui.py [--port 7860] [--data-dir DIR]` -> /ui (talents), /desk (staff).

The same app as `server.py` (the UI needs the API's keys and rate limiter, so the API routes come along); this
entry point only changes the default port, for a machine that serves the UI next to a separate API server.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="Interface to listen on")
    parser.add_argument("--port", type=int, default=7860, help="Port to listen on")
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="Index and database folder (ASSISTANT_DATA_DIR)"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

    import uvicorn

    from assistant.api.app import create_app
    from assistant.ask.engine import Engine
    from assistant.core.config import Settings
    from assistant.ui.blocks import mount_ui

    settings = Settings(data_dir=args.data_dir) if args.data_dir else Settings()
    engine = Engine(settings)
    engine.start()
    try:
        print(f"UI: http://{args.host}:{args.port}/ui/  staff desk: http://{args.host}:{args.port}/desk/")
        uvicorn.run(mount_ui(create_app(settings, engine)), host=args.host, port=args.port)
    finally:
        engine.close()


if __name__ == "__main__":
    main()
