"""The Gradio UI: two doors onto the same engine, through the same `ChatService` the HTTP API uses.

    build_ui(service, settings=None, limiter=None) -> gr.Blocks    talent-facing: 咨询, 政策匹配
    build_desk(service, settings=None, limiter=None) -> gr.Blocks  staff: 热线检索, 文档管理, 未解答问题
    mount_ui(app, service=None) -> app      the server's way in: build_ui at /ui and build_desk at /desk, once,
                                            sharing the API's rate limiter (`app.state.rate_limiter`)

Nothing is launched and nothing happens on import.

`/ui` (talents)
- 咨询: streamed answers; under each answer its sources (section path, page, quoted words); a plain notice when
  the documents do not say; thumbs up/down stored as feedback; one session per browser tab, so follow-ups
  (那它谁牵头？) are resolved; the reply's suggested follow-ups are clickable.
- 政策匹配: a profile form over `assistant.ask.matching`, one Markdown block per item.

`/desk` (staff) shows nothing but a key box until a key is accepted: the admin key opens all three tabs, a client
key (`ASSISTANT_API__KEYS`) only 热线检索. Staff get their own path so that the talent-facing app holds no staff
function at all (its Gradio API cannot reach one, whatever is sent to it), a reverse proxy can restrict `/desk` to
the office network, and a phone shows the talent tabs alone.
- 热线检索: keywords -> passages with the specific keywords highlighted, and a ready answer to read out or paste.
- 文档管理: list, upload (PDF/DOCX/TXT/MD), delete, re-index.
- 未解答问题: date range -> the unanswered report as a table and a CSV file.

Every event is `api_visibility="private"`: the pages need no public Gradio API (the HTTP API is `/api/v1`). Gradio
still runs a private event for any caller that names it, so each staff function checks the key itself
(`UIActions`), and chat, matching and the desk take a token from the API's rate limiter for the caller's address.
Behaviour lives in `assistant.ui.actions.UIActions` (plain values in and out, tested without a browser); this
module only lays out components and wires them to it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal

import gradio as gr
from gradio.route_utils import FnIndexInferError
from starlette.responses import JSONResponse

from assistant.ask.profiles import profile_options
from assistant.core.config import Settings
from assistant.core.errors import AssistantError
from assistant.ui.actions import (
    HOTLINE_SLOTS,
    UPLOAD_TYPES,
    Limiter,
    RateLimited,
    StaffOnly,
    UIActions,
)
from assistant.ui.views import AdminResult, hit_html

UI_PATH, DESK_PATH = "/ui", "/desk"
PRIVATE: Literal["private"] = "private"
DOC_HEADERS = ["标题", "文件名", "文号", "页数", "片段数", "导入时间", "doc_id"]


def _client(request: gr.Request | None) -> str | None:
    """The caller's address, as `/api/v1` sees it (the direct peer; put the proxy's address rules in front)."""
    client = getattr(request, "client", None)
    return getattr(client, "host", None) if client is not None else None


def _limited(e: RateLimited) -> gr.Error:
    return gr.Error(e.message, title="请求过于频繁")


def build_ui(service: Any, settings: Settings | None = None, limiter: Limiter | None = None) -> gr.Blocks:
    """The talent-facing Blocks over `service` (a ChatService); mount it with `mount_ui` or launch it."""
    actions = UIActions(service, settings, limiter)
    title = actions.settings.deployment.title
    with gr.Blocks(title=title, analytics_enabled=False) as ui:
        gr.Markdown(f"## {title}\n回答均来自已收录的政策文件，并注明出处（章节、页码、原文）。")
        with gr.Tabs():
            with gr.Tab("咨询", id="chat"):
                _chat_tab(actions)
            with gr.Tab("政策匹配", id="match"):
                _match_tab(actions, ui)
    return ui


def build_desk(service: Any, settings: Settings | None = None, limiter: Limiter | None = None) -> gr.Blocks:
    """The staff Blocks: a key box, then the tabs that key opens."""
    actions = UIActions(service, settings, limiter)
    title = actions.settings.deployment.title
    with gr.Blocks(title=f"工作人员 · {title}", analytics_enabled=False) as desk:
        gr.Markdown(f"## {title} · 工作人员\n热线检索、文档管理和未解答问题仅限工作人员使用，请先输入密钥。")
        with gr.Row():
            key = gr.Textbox(
                label="工作人员密钥", type="password", scale=6, elem_id="staff-key",
                placeholder="管理员密钥（ASSISTANT_API__ADMIN_KEY）或 API 密钥",
            )  # fmt: skip
            enter = gr.Button("进入", variant="primary", scale=1, elem_id="staff-enter")
        gate = gr.Markdown(elem_id="staff-status")
        with gr.Tabs(visible=False, elem_id="staff-tabs") as tabs:
            with gr.Tab("热线检索", id="hotline"):
                _hotline_tab(actions, key)
            # Hidden until the admin key opens them (a client key opens 热线检索 alone).
            with gr.Tab("文档管理", id="admin", visible=False) as admin_tab:
                docs, doc_id = _admin_tab(actions, key)
            with gr.Tab("未解答问题", id="unanswered", visible=False) as report_tab:
                _unanswered_tab(actions, key)

        def open_desk(k: str):  # type: ignore[no-untyped-def]
            role = actions.staff_role(k)
            if actions.staff_closed():
                message = "未配置管理员密钥（ASSISTANT_API__ADMIN_KEY），工作人员功能已关闭。"
            elif role is None:
                message = "密钥不正确。" if k else "请输入密钥。"
            else:
                message = "已进入：管理员" if role == "admin" else "已进入：热线检索（API 密钥）"
            rows = actions.document_rows(k) if role == "admin" else []
            return (
                message,
                gr.Tabs(visible=role is not None),
                gr.Tab(visible=role == "admin"),
                gr.Tab(visible=role == "admin"),
                rows,
                gr.Dropdown(choices=_doc_choices(rows), value=None),
            )

        outputs = [gate, tabs, admin_tab, report_tab, docs, doc_id]
        enter.click(open_desk, [key], outputs, api_visibility=PRIVATE)
        key.submit(open_desk, [key], outputs, api_visibility=PRIVATE)
    return desk


def mount_ui(app: Any, service: Any | None = None, path: str = UI_PATH, desk_path: str = DESK_PATH) -> Any:
    """Mount the talent UI at `path` and the staff desk at `desk_path` on an app built by
    `assistant.api.app.create_app` (its `state.service` unless one is given), with the API's settings and rate
    limiter. Mounting twice is a no-op, so the server and a test harness can both call it."""
    if any(getattr(route, "path", None) == path for route in app.routes):
        return app
    service = service or app.state.service
    settings = getattr(app.state, "settings", None)
    limiter = getattr(app.state, "rate_limiter", None)
    # No run history (Gradio would keep every reply, report rows included, in the browser's storage), no footer
    # links to an API page that lists nothing, and only gr.Error messages shown (never an exception's text).
    options: dict[str, Any] = {"footer_links": [], "run_history": False, "show_error": False}
    app = gr.mount_gradio_app(app, build_ui(service, settings, limiter), path=path, **options)
    app = gr.mount_gradio_app(app, build_desk(service, settings, limiter), path=desk_path, **options)
    for route in app.routes:
        if getattr(route, "path", None) in (path, desk_path):
            route.app.add_exception_handler(FnIndexInferError, _unknown_event)
    return app


def _unknown_event(request: Any, exc: Exception) -> JSONResponse:
    """Gradio answers 500 to /gradio_api/call/<a name it does not know>; it is the caller's mistake: 404."""
    name = request.path_params.get("api_name", "")
    return JSONResponse(
        {"error": {"code": "not_found", "message": f"界面没有名为 {name} 的事件。"}}, status_code=404
    )


# ---------------------------------------------------------------- talent tabs


def _chat_tab(actions: UIActions) -> None:
    session = gr.State(None)
    answer_ids = gr.State({})
    # No "share" button: it posts the conversation to Hugging Face, which an offline deployment must not do.
    chatbot = gr.Chatbot(
        label="对话",
        height=480,
        elem_id="chatbot",
        feedback_options=("Like", "Dislike"),
        buttons=["copy", "copy_all"],
    )
    with gr.Row():
        question = gr.Textbox(
            placeholder="请输入您的问题，例如：硕博人才倍增工程由哪些单位牵头？",
            show_label=False,
            scale=8,
            max_length=500,
            elem_id="question",
        )
        send = gr.Button("提问", variant="primary", scale=1, elem_id="send")
    suggestions = gr.Dataset(
        label="您还可以问", components=[question], samples=[], visible=False, elem_id="suggestions"
    )
    gr.Examples(actions.settings.deployment.example_questions, inputs=[question], label="常见问题示例", api_visibility=PRIVATE)
    with gr.Row():
        clear = gr.Button("新对话", size="sm")
        status = gr.Markdown("", elem_id="feedback-status")

    def run(q: str, msgs: list[dict[str, Any]], sid: str | None, ids: dict[int, str], request: gr.Request):  # type: ignore[no-untyped-def]
        try:
            for step in actions.ask(q, msgs, sid, ids, client=_client(request)):
                yield (
                    "",
                    step.messages,
                    step.session_id,
                    step.answer_ids,
                    gr.Dataset(samples=[[s] for s in step.suggestions], visible=bool(step.suggestions)),
                )
        except RateLimited as e:
            raise _limited(e) from None

    inputs = [question, chatbot, session, answer_ids]
    outputs = [question, chatbot, session, answer_ids, suggestions]
    send.click(run, inputs, outputs, api_visibility=PRIVATE)
    question.submit(run, inputs, outputs, api_visibility=PRIVATE)
    suggestions.click(lambda s: s[0], [suggestions], [question], api_visibility=PRIVATE).then(
        run, inputs, outputs, api_visibility=PRIVATE
    )

    def rate(ids: dict[int, str], data: gr.LikeData) -> str:
        return actions.rate(ids, data.index, data.liked)

    chatbot.like(rate, [answer_ids], [status], api_visibility=PRIVATE)
    clear.click(
        lambda: ([], None, {}, gr.Dataset(samples=[], visible=False), ""),
        None,
        [chatbot, session, answer_ids, suggestions, status],
        api_visibility=PRIVATE,
    )


def _match_tab(actions: UIActions, ui: gr.Blocks) -> None:
    options = profile_options()
    gr.Markdown("选择您的情况，查看文件中面向您的工程、平台和政策，以及牵头单位（可咨询）和实施年限。")
    with gr.Row():
        education = gr.Dropdown(
            options["education"], label="学历 / 技能", value=None, elem_id="match-education"
        )
        employer = gr.Dropdown(
            options["employer_kind"], label="单位类型", value=None, elem_id="match-employer"
        )
        industry = gr.Dropdown(
            options["industry"],
            label="产业（可输入）",
            value=None,
            allow_custom_value=True,
            elem_id="match-industry",
        )
    kinds = gr.CheckboxGroup(options["talent_kinds"], label="人才类别（可多选）", elem_id="match-kinds")
    born = gr.Checkbox(label="本地籍 / 在本地出生", elem_id="match-born")
    go = gr.Button("查看匹配政策", variant="primary", elem_id="match-go")
    result = gr.Markdown(elem_id="match-result")

    def run(edu, kind_list, ind, emp, b, request: gr.Request):  # type: ignore[no-untyped-def]
        try:
            return actions.match_profile(edu, kind_list, ind, emp, b, client=_client(request))
        except RateLimited as e:
            raise _limited(e) from None

    go.click(run, [education, kinds, industry, employer, born], [result], api_visibility=PRIVATE)
    # The documents' own industry names, once a page opens (the UI is built before the index is loaded).
    ui.load(
        lambda: gr.Dropdown(choices=actions.match_options()["industry"]),
        None,
        [industry],
        api_visibility=PRIVATE,
    )


# ---------------------------------------------------------------- staff tabs (each function checks the key)


def _hotline_tab(actions: UIActions, key: gr.Textbox) -> None:
    gr.Markdown(
        "输入关键词，查看原文段落；每条结果下方是可直接朗读或粘贴的答复（含文件名称、文号、章节和页码）。"
    )
    with gr.Row():
        query = gr.Textbox(
            placeholder="关键词，如：博士后 工作站", show_label=False, scale=8, elem_id="hotline-query"
        )
        go = gr.Button("检索", variant="primary", scale=1, elem_id="hotline-go")
    note = gr.Markdown(visible=False, elem_id="hotline-note")
    slots: list[tuple[gr.HTML, gr.Textbox]] = []
    for n in range(HOTLINE_SLOTS):
        with gr.Group():
            passage = gr.HTML(visible=False, elem_id=f"hotline-hit-{n}")
            ready = gr.Textbox(
                label="答复（可复制）",
                lines=3,
                buttons=["copy"],
                visible=False,
                interactive=False,
                elem_id=f"hotline-ready-{n}",
            )
        slots.append((passage, ready))

    def run(q: str, k: str, request: gr.Request):  # type: ignore[no-untyped-def]
        try:
            found = actions.hotline(q, k, HOTLINE_SLOTS, client=_client(request))
            hits, message = found.hits, found.note
        except RateLimited as e:
            raise _limited(e) from None
        except AssistantError as e:  # StaffOnly, NotReady
            hits, message = [], e.message
        out: list[Any] = [gr.Markdown(message, visible=bool(message))]
        for n in range(HOTLINE_SLOTS):
            if n < len(hits):
                out += [
                    gr.HTML(hit_html(n + 1, hits[n]), visible=True),
                    gr.Textbox(hits[n].ready_answer, visible=True),
                ]
            else:
                out += [gr.HTML("", visible=False), gr.Textbox("", visible=False)]
        return out

    outputs: list[Any] = [note] + [c for pair in slots for c in pair]
    go.click(run, [query, key], outputs, api_visibility=PRIVATE)
    query.submit(run, [query, key], outputs, api_visibility=PRIVATE)


def _admin_tab(actions: UIActions, key: gr.Textbox) -> tuple[gr.Dataframe, gr.Dropdown]:
    # Empty when built: the list is filled only by a call that carries the admin key.
    docs = gr.Dataframe(
        headers=DOC_HEADERS, value=None, interactive=False, label="已收录文档", elem_id="doc-list"
    )
    with gr.Row():
        upload = gr.File(label="上传文档（PDF / DOCX / TXT / MD）", file_types=UPLOAD_TYPES, type="filepath")
        with gr.Column():
            doc_id = gr.Dropdown(label="选择要删除的文档", choices=[], allow_custom_value=True)
            delete = gr.Button("删除所选文档", variant="stop")
            reindex = gr.Button("重新索引 corpus/ 目录")
            refresh = gr.Button("刷新列表")
    status = gr.Markdown(elem_id="admin-status")

    def after(result: AdminResult, k: str):  # type: ignore[no-untyped-def]
        try:
            rows = actions.document_rows(k)
        except StaffOnly:
            rows = []
        return (
            ("已完成：" if result.ok else "未完成：") + result.message,
            rows,
            gr.Dropdown(choices=_doc_choices(rows), value=None),
        )

    def listed(k: str):  # type: ignore[no-untyped-def]
        refusal = actions.admin_refusal(k)
        return after(refusal or AdminResult(ok=True, message="列表已刷新。"), k)

    outputs = [status, docs, doc_id]
    upload.upload(
        lambda path, k: after(actions.upload(path, k), k), [upload, key], outputs, api_visibility=PRIVATE
    )
    delete.click(lambda d, k: after(actions.delete(d, k), k), [doc_id, key], outputs, api_visibility=PRIVATE)
    reindex.click(lambda k: after(actions.reindex(k), k), [key], outputs, api_visibility=PRIVATE)
    refresh.click(listed, [key], outputs, api_visibility=PRIVATE)
    return docs, doc_id


def _doc_choices(rows: list[list[Any]]) -> list[tuple[str, str]]:
    return [(f"{row[0]}（{row[1]}）", row[-1]) for row in rows]


def _unanswered_tab(actions: UIActions, key: gr.Textbox) -> None:
    gr.Markdown("未能回答、低置信度和被点踩的问题，按相近表述归并并计数。问题中可能含有个人信息，请勿外传。")
    today = date.today()
    with gr.Row():
        start = gr.Textbox(label="开始日期", value=str(today - timedelta(days=30)), placeholder="YYYY-MM-DD")
        end = gr.Textbox(label="结束日期", value=str(today), placeholder="YYYY-MM-DD")
        go = gr.Button("生成报告", variant="primary", elem_id="report-go")
    table = gr.Dataframe(label="未解答问题", interactive=False, elem_id="report-table")
    download = gr.File(label="下载 CSV")
    message = gr.Markdown(elem_id="report-status")

    def run(s: str, e: str, k: str):  # type: ignore[no-untyped-def]
        try:
            headers, rows, path = actions.unanswered(s, e, k)
        except StaffOnly as err:
            return gr.Dataframe(value=None), None, err.message
        except ValueError:
            return gr.Dataframe(value=None), None, "日期格式应为 YYYY-MM-DD。"
        return gr.Dataframe(value=rows, headers=headers), path, f"共 {len(rows)} 组问题。"

    go.click(run, [start, end, key], [table, download, message], api_visibility=PRIVATE)
