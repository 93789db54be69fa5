"""Serve the HTTP API (API.md) and the Gradio UI (at /ui) in one process:
`python server.py [--host 127.0.0.1] [--port 8000] [--data-dir DIR]` (ASSISTANT_DATA_DIR works too).

On a fresh data dir the engine indexes corpus/ first, with a progress bar, then the server starts and logs
the UI and API-docs addresses; `/` redirects to the UI.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1", help="Interface to listen on")
    parser.add_argument("--port", type=int, default=8000, help="Port to listen on")
    parser.add_argument("--data-dir", type=Path, default=None, help="Index and database folder (ASSISTANT_DATA_DIR)")
    args = parser.parse_args(argv)
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

    import uvicorn

    from assistant.api.app import UI_PATH, create_app
    from assistant.api.middleware import JsonLogFormatter
    from assistant.ask.engine import Engine
    from assistant.core.config import Settings

    handler = logging.StreamHandler()
    handler.setFormatter(JsonLogFormatter())
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)

    settings = Settings(data_dir=args.data_dir) if args.data_dir else Settings()
    engine = Engine(settings)
    engine.start(progress=True)
    app = create_app(settings, engine)
    if importlib.util.find_spec("assistant.ui.blocks") is not None:
        from assistant.ui.blocks import mount_ui

        # The talent UI at /ui and the staff desk at /desk, on the API's rate limiter and keys.
        app = mount_ui(app, path=UI_PATH)
    # The lifespan logs the UI and API-docs addresses from this; a wildcard host is reached on loopback.
    host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(args.host, args.host)
    app.state.base_url = f"http://[{host}]:{args.port}" if ":" in host else f"http://{host}:{args.port}"
    try:
        # uvicorn's own access log is off: the app writes one JSON line per request, with its request id.
        uvicorn.run(app, host=args.host, port=args.port, log_config=None, access_log=False)
    finally:
        engine.close()


if __name__ == "__main__":
    main()
