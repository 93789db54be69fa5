"""Run the Gradio UI on its own, on the same engine the API serves: `python ui.py [--port 7860] [--data-dir DIR]`.

The API server mounts the same UI at /ui; this entry point is for a desk that needs only the UI.
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

    from assistant.ask.engine import Engine
    from assistant.core.config import Settings
    from assistant.service.chat import ChatService
    from assistant.ui.blocks import build_ui

    settings = Settings(data_dir=args.data_dir) if args.data_dir else Settings()
    engine = Engine(settings)
    engine.start()
    try:
        build_ui(ChatService.from_settings(engine, settings)).launch(
            server_name=args.host, server_port=args.port
        )
    finally:
        engine.close()


if __name__ == "__main__":
    main()
