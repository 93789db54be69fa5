"""Serving the real app (API + the UI at /ui + the staff desk at /desk) under uvicorn on a loopback port, and
calling its Gradio events over plain HTTP, as a browser or a script would. Used by test_ui_http and
test_ui_browser."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import uvicorn

from tests.conftest import free_port, wait_until_up


@contextmanager
def serve(app: Any, seconds: float = 300) -> Iterator[str]:
    """Run `app` on a free loopback port for the block; yields its base URL once /readyz answers 200."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="uvicorn-ui-test", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{url}/readyz", "the UI server", seconds=seconds, alive=thread.is_alive)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=15)


def plant_question(url: str, question: str, headers: dict[str, str]) -> None:
    """Ask `question` through /api/v1/chat and give its answer a thumbs-down, so it is in the unanswered report
    whether or not the documents answer it."""
    reply = httpx.post(f"{url}/api/v1/chat", json={"question": question}, headers=headers, timeout=60)
    assert reply.status_code == 200, reply.text
    rated = httpx.post(
        f"{url}/api/v1/feedback",
        json={"answer_id": reply.json()["answer_id"], "rating": "down"},
        headers=headers,
        timeout=30,
    )
    assert rated.status_code == 201, rated.text


def events(url: str, root: str) -> list[dict[str, Any]]:
    """Every event of the Gradio app at `root` (from its /config), with its inputs' component types, labels and
    elem_ids, and the elem_ids of the components that trigger it."""
    config = httpx.get(f"{url}{root}/config", timeout=30).json()
    components = {c["id"]: c for c in config["components"]}

    def describe(cid: int) -> dict[str, Any]:
        c = components[cid]
        return {"type": c["type"], "label": c["props"].get("label"), "elem_id": c["props"].get("elem_id")}

    return [
        {
            "fn_index": dep["id"],
            "api_name": dep.get("api_name"),
            "inputs": [describe(cid) for cid in dep["inputs"]],
            "triggers": [
                components[t[0]]["props"].get("elem_id") for t in dep["targets"] if t[0] in components
            ],
        }
        for dep in config["dependencies"]
    ]


def call(url: str, root: str, api_name: str, data: list[Any], timeout: float = 120) -> tuple[str, str]:
    """POST {root}/gradio_api/call/{api_name} (what issue 9 did by hand), then read the event stream.
    Returns (final event name, the whole stream's text): 'complete' or 'error'."""
    started = httpx.post(f"{url}{root}/gradio_api/call/{api_name}", json={"data": data}, timeout=timeout)
    if started.status_code != 200:
        return "refused", started.text
    event_id = started.json()["event_id"]
    stream = httpx.get(f"{url}{root}/gradio_api/call/{api_name}/{event_id}", timeout=timeout).text
    finals = [line.split(":", 1)[1].strip() for line in stream.splitlines() if line.startswith("event:")]
    last = next((e for e in reversed(finals) if e in ("complete", "error")), finals[-1] if finals else "")
    return last, stream


def decoded(stream: str) -> str:
    """The stream's data lines with JSON's \\u escapes undone, so Chinese text can be searched."""
    out = []
    for line in stream.splitlines():
        if line.startswith("data:"):
            raw = line[5:].strip()
            try:
                out.append(json.dumps(json.loads(raw), ensure_ascii=False))
            except ValueError:
                out.append(raw)
    return "\n".join(out)
