"""Index documents: `python ingest.py [PATH ...] [--data-dir DIR] [--rebuild] [--no-prune]`.

Thin entry point: parses arguments, builds Settings, calls `assistant.ingest.pipeline.run`, prints the summary.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from assistant.core.config import Settings
from assistant.core.errors import AssistantError
from assistant.ingest.pipeline import run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Index .txt/.md/.pdf/.docx files for the talent-policy assistant."
    )
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the corpus folder)")
    parser.add_argument(
        "--data-dir", type=Path, help="where the index lives (default: ASSISTANT_DATA_DIR or data/)"
    )
    parser.add_argument("--rebuild", action="store_true", help="drop everything indexed and index again")
    parser.add_argument(
        "--no-prune", action="store_true", help="keep documents whose files are gone from the given folders"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    settings = Settings(data_dir=args.data_dir) if args.data_dir else Settings()
    paths = args.paths or [settings.corpus_dir]
    try:
        summary = run(settings, paths, rebuild=args.rebuild, prune=not args.no_prune)
    except (AssistantError, FileNotFoundError) as exc:
        print(f"ingest failed: {exc}", file=sys.stderr)
        return 1
    print(summary.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
