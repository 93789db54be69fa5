"""The OpenAI-compatible facade, driven by the official `openai` client against the app (TestClient is an
httpx.Client, so the client's own request and SSE parsing code runs unchanged)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest

from tests.conftest_api import CLIENT_KEY, api_settings, keyed, make_client

MODEL = "jinjiang-talent-assistant"


@pytest.fixture
def client(plan_engine: Any, tmp_path: Path) -> Iterator[openai.OpenAI]:
    with make_client(api_settings(plan_engine.settings, tmp_path / "log", **keyed()), plan_engine) as http:
        yield openai.OpenAI(base_url="http://testserver/v1", api_key=CLIENT_KEY, http_client=http, max_retries=0)


def test_models_lists_the_assistant(client: openai.OpenAI) -> None:
    assert [m.id for m in client.models.list()] == [MODEL]


def test_a_completion_answers_with_a_sources_list_and_citations(client: openai.OpenAI) -> None:
    done = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "system", "content": "你是助手"}, {"role": "user", "content": "硕博倍增工程谁牵头？"}],
    )
    content = done.choices[0].message.content or ""
    answer, _, sources = content.partition("\n\n来源：")
    assert "市直涉才部门" in answer
    assert sources.strip().startswith("[1] 《晋江市")
    citations = done.model_extra["citations"]  # type: ignore[index]
    assert citations and citations[0]["quote"] and done.choices[0].finish_reason == "stop"


def test_earlier_messages_are_the_history(client: openai.OpenAI) -> None:
    done = client.chat.completions.create(
        model=MODEL,
        messages=[
            {"role": "user", "content": "博士后工作站现在有几家？"},
            {"role": "assistant", "content": "2020年博士后工作站有2家。\n\n来源：\n[1] 《规划》"},
            {"role": "user", "content": [{"type": "text", "text": "那到2025年呢？"}]},
        ],
    )
    assert "4" in (done.choices[0].message.content or "").partition("来源")[0]


def test_streaming_gives_the_same_content_as_a_plain_completion(client: openai.OpenAI) -> None:
    messages = [{"role": "user", "content": "硕博倍增工程谁牵头？"}]
    plain = client.chat.completions.create(model=MODEL, messages=messages)  # type: ignore[arg-type]
    chunks = list(client.chat.completions.create(model=MODEL, messages=messages, stream=True))  # type: ignore[arg-type]
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert streamed == plain.choices[0].message.content
    assert chunks[-1].choices[0].finish_reason == "stop"
    assert chunks[-1].model_extra["citations"] == plain.model_extra["citations"]  # type: ignore[index]


def test_errors_reach_the_client_as_openai_errors(client: openai.OpenAI, plan_engine: Any, tmp_path: Path) -> None:
    with pytest.raises(openai.UnprocessableEntityError):
        client.chat.completions.create(model=MODEL, messages=[{"role": "assistant", "content": "你好"}])
    with make_client(api_settings(plan_engine.settings, tmp_path / "other", **keyed()), plan_engine) as http:
        stranger = openai.OpenAI(base_url="http://testserver/v1", api_key="wrong", http_client=http, max_retries=0)
        with pytest.raises(openai.AuthenticationError):
            stranger.models.list()
