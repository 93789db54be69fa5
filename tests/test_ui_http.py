"""The UI's Gradio API from outside, with no browser (issue 9): the real app, API + /ui + /desk under uvicorn,
on a server with the admin key set. Every event of both Gradio apps is called over HTTP without the key — the
documented ones and the private ones, which Gradio still runs for anyone who names them — and no reply holds a
question users asked or the document list. The UI's chat takes its tokens from the API's rate limiter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import httpx
import pytest

from tests.conftest import PLAN_TXT
from tests.conftest_api import ADMIN, ADMIN_KEY, api_settings, keyed
from tests.ui_harness import call, decoded, events, plant_question, serve

# A question a user might type, with personal details; given a thumbs-down, it is in the unanswered report.
PLANTED = "我叫陈晓峰，手机13950001234，人才公寓的装修补贴怎么领？"
MARKERS = ("陈晓峰", "13950001234")
ROOTS = ("/ui", "/desk")


@pytest.fixture(scope="module")
def server(plan_engine: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    from assistant.api.app import create_app
    from assistant.ui.blocks import mount_ui

    settings = api_settings(
        plan_engine.settings, tmp_path_factory.mktemp("ui-http"), **keyed(rate_limit_per_minute=0)
    )
    with serve(mount_ui(create_app(settings, plan_engine))) as url:
        plant_question(url, PLANTED, ADMIN)
        today = str(date.today())
        report = httpx.get(
            f"{url}/api/v1/reports/unanswered",
            params={"start": today, "end": today},
            headers=ADMIN,
            timeout=30,
        )
        assert MARKERS[1] in report.text, "the planted question is in the report, so a leak would show it"
        docs = httpx.get(f"{url}/api/v1/documents", headers=ADMIN, timeout=30).json()
        doc_ids = [d["doc_id"] for d in docs["documents"]]
        assert doc_ids
        yield {"url": url, "doc_ids": doc_ids}


def secrets(server: dict[str, Any]) -> list[str]:
    """What must never come out without the key: the planted question, the file names and ids of the documents."""
    return [*MARKERS, PLAN_TXT.name, *server["doc_ids"]]


def inputs_for(event: dict[str, Any], text: str, doc_id: str) -> list[Any]:
    """Plausible values for every input of an event: `text` in each text box (the key box, a question, keywords),
    dates left empty (the report then covers the last 30 days, today included), a real doc id to delete."""
    values: list[Any] = []
    for c in event["inputs"]:
        kind, label = c["type"], c["label"] or ""
        if kind == "textbox":
            values.append("" if "日期" in label else text)
        elif kind == "dropdown":
            values.append(doc_id if "删除" in label else None)
        elif kind in ("checkboxgroup", "chatbot"):
            values.append([])
        elif kind == "checkbox":
            values.append(False)
        elif kind == "state":
            values.append(None)
        else:
            values.append(None)
    return values


def test_gradio_api_lists_no_endpoint(server: dict[str, Any]) -> None:
    for root in ROOTS:
        info = httpx.get(f"{server['url']}{root}/gradio_api/info", timeout=30).json()
        assert info["named_endpoints"] == {} and info["unnamed_endpoints"] == {}, root


def test_the_call_from_issue_9_finds_no_report(server: dict[str, Any]) -> None:
    """The exact call of the report: the talent UI has no such event at all (a 404 in the API's error shape)."""
    for name in ("run_5", "unanswered"):
        reply = httpx.post(
            f"{server['url']}/ui/gradio_api/call/{name}",
            json={"data": ["2020-01-01", "2099-12-31"]},
            timeout=30,
        )
        assert reply.status_code == 404 and reply.json()["error"]["code"] == "not_found"
        assert not [s for s in secrets(server) if s in reply.text]


def test_no_event_returns_staff_data_without_the_admin_key(server: dict[str, Any]) -> None:
    url, doc_id = server["url"], server["doc_ids"][0]
    called: list[str] = []
    for root in ROOTS:
        page = httpx.get(f"{url}{root}/config", timeout=30).text
        assert not [s for s in secrets(server) if s in page], f"{root}/config holds staff data"
        for event in events(url, root):
            assert event["api_name"], "every event can be named in /call/<api_name>, private or not"
            for text in ("", "wrong-key", "博士后"):
                outcome, stream = call(url, root, event["api_name"], inputs_for(event, text, doc_id))
                shown = decoded(stream)
                leaked = [s for s in secrets(server) if s in shown]
                assert not leaked, (
                    f"{root} {event['api_name']} (key {text!r}) returned {leaked}: {shown[:300]}"
                )
            called.append(f"{root}/{event['api_name']}")
    assert any(c.startswith("/desk/") for c in called) and any(c.startswith("/ui/") for c in called)
    # The delete event was called with a real doc id: the document is still there.
    docs = httpx.get(f"{url}/api/v1/documents", headers=ADMIN, timeout=30).json()["documents"]
    assert doc_id in [d["doc_id"] for d in docs]


def test_the_desk_events_answer_with_the_key(server: dict[str, Any]) -> None:
    """The same calls with the admin key do return the report: the refusals above are the key check."""
    url = server["url"]
    report = next(e for e in events(url, "/desk") if "report-go" in e["triggers"])
    outcome, stream = call(url, "/desk", report["api_name"], inputs_for(report, ADMIN_KEY, ""))
    assert outcome == "complete" and MARKERS[1] in decoded(stream)
    refused = decoded(call(url, "/desk", report["api_name"], inputs_for(report, "wrong-key", ""))[1])
    assert "密钥不正确" in refused


@pytest.fixture(scope="module")
def limited_url(plan_engine: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from assistant.api.app import create_app
    from assistant.ui.blocks import mount_ui

    settings = api_settings(plan_engine.settings, tmp_path_factory.mktemp("ui-rate"), rate_limit_per_minute=3)
    with serve(mount_ui(create_app(settings, plan_engine))) as url:
        yield url


def test_ui_chat_is_refused_past_the_api_rate_limit(limited_url: str) -> None:
    chat = next(e for e in events(limited_url, "/ui") if "send" in e["triggers"])
    data = ["博士后工作站现在有几家？", [], None, {}]
    for _ in range(3):
        outcome, stream = call(limited_url, "/ui", chat["api_name"], data)
        assert outcome == "complete" and "博士后" in decoded(stream)
    outcome, stream = call(limited_url, "/ui", chat["api_name"], data)
    assert outcome == "error" and "请求过于频繁" in decoded(stream)
    # One bucket per address for the UI and /api/v1: the API now refuses this client too.
    api = httpx.post(f"{limited_url}/api/v1/chat", json={"question": "人才集团由谁牵头？"}, timeout=30)
    assert api.status_code == 429 and api.headers.get("Retry-After")
