"""The Gradio UI: a door onto the same engine, through the same `ChatService` the HTTP API uses.

    build_ui(service, settings=None) -> gr.Blocks      nothing is launched, nothing happens on import
    mount_ui(app, service=None, path="/ui") -> app      the server's way in: mounts build_ui at /ui once

Tabs
- 政策咨询: streamed answers; under each answer its sources (section path, page, quoted words); a plain notice
  when the documents do not say; thumbs up/down stored as feedback; one session per browser tab, so
  follow-ups (那它谁牵头？) are resolved; the reply's suggested follow-ups are clickable.
- 热线检索: keywords -> passages with the keywords highlighted, section and page, and a ready answer with its
  source line (文件名、文号、章节、页码) in a box with a copy button.
- 文档管理: upload (PDF/DOCX/TXT/MD), list, delete, re-index; refused unless the admin key is configured and
  given (the same secure default as the API).
- 未解答问题: date range -> the unanswered report as a table and a CSV file.
- 政策匹配: a structured profile form over `assistant.ask.matching`.

Behaviour lives in `assistant.ui.actions.UIActions` (plain values in and out, tested without a browser);
this module only lays out components and wires them to it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import gradio as gr

from assistant.core.config import Settings
from assistant.core.errors import AssistantError
from assistant.ui.actions import (
    EXAMPLE_QUESTIONS,
    HOTLINE_SLOTS,
    UPLOAD_TYPES,
    AdminResult,
    UIActions,
    hit_html,
)


def build_ui(service: Any, settings: Settings | None = None) -> gr.Blocks:
    """The Blocks app over `service` (a ChatService); mount it with gr.mount_gradio_app or launch it."""
    actions = UIActions(service, settings)
    with gr.Blocks(title="晋江人才政策助手", analytics_enabled=False) as ui:
        gr.Markdown("## 晋江市人才政策助手\n回答均来自已收录的政策文件，并注明出处（章节、页码、原文）。")
        with gr.Tab("政策咨询", id="chat"):
            _chat_tab(actions)
        with gr.Tab("热线检索", id="hotline"):
            _hotline_tab(actions)
        with gr.Tab("文档管理", id="admin"):
            _admin_tab(actions, ui)
        with gr.Tab("未解答问题", id="unanswered"):
            _unanswered_tab(actions)
        with gr.Tab("政策匹配", id="match"):
            _match_tab(actions)
    return ui


def mount_ui(app: Any, service: Any | None = None, path: str = "/ui") -> Any:
    """Mount the UI on a FastAPI app built by `assistant.api.app.create_app` (its `state.service` unless one is
    given). Mounting twice is a no-op, so the server and a test harness can both call it."""
    if any(getattr(route, "path", None) == path for route in app.routes):
        return app
    return gr.mount_gradio_app(app, build_ui(service or app.state.service), path=path)


def _chat_tab(actions: UIActions) -> None:
    session = gr.State(None)
    answer_ids = gr.State({})
    chatbot = gr.Chatbot(label="对话", height=480, elem_id="chatbot", feedback_options=("Like", "Dislike"))
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
    gr.Examples(EXAMPLE_QUESTIONS, inputs=[question], label="常见问题示例")
    with gr.Row():
        clear = gr.Button("新对话", size="sm")
        status = gr.Markdown("", elem_id="feedback-status")

    def run(q: str, msgs: list[dict[str, Any]], sid: str | None, ids: dict[int, str]):  # type: ignore[no-untyped-def]
        for step in actions.ask(q, msgs, sid, ids):
            yield (
                "",
                step.messages,
                step.session_id,
                step.answer_ids,
                gr.Dataset(samples=[[s] for s in step.suggestions], visible=bool(step.suggestions)),
            )

    outputs = [question, chatbot, session, answer_ids, suggestions]
    send.click(run, [question, chatbot, session, answer_ids], outputs)
    question.submit(run, [question, chatbot, session, answer_ids], outputs)
    suggestions.click(lambda s: s[0], [suggestions], [question]).then(
        run, [question, chatbot, session, answer_ids], outputs
    )

    def rate(ids: dict[int, str], data: gr.LikeData) -> str:
        return actions.rate(ids, data.index, data.liked)

    chatbot.like(rate, [answer_ids], [status])
    clear.click(
        lambda: ([], None, {}, gr.Dataset(samples=[], visible=False), ""),
        None,
        [chatbot, session, answer_ids, suggestions, status],
    )


def _hotline_tab(actions: UIActions) -> None:
    gr.Markdown("输入关键词，查看原文段落；每条结果下方是可直接复制的答复（含出处）。")
    with gr.Row():
        query = gr.Textbox(
            placeholder="关键词，如：博士后 工作站", show_label=False, scale=8, elem_id="hotline-query"
        )
        go = gr.Button("检索", variant="primary", scale=1, elem_id="hotline-go")
    empty = gr.Markdown(visible=False)
    slots: list[tuple[gr.HTML, gr.Textbox]] = []
    for n in range(HOTLINE_SLOTS):
        with gr.Group(visible=True):
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

    def run(q: str):  # type: ignore[no-untyped-def]
        try:
            hits, note = actions.hotline(q, HOTLINE_SLOTS), "没有找到相关段落，请换个关键词。"
        except AssistantError as e:
            hits, note = [], e.message
        out: list[Any] = [gr.Markdown(note, visible=bool(q.strip()) and not hits)]
        for n in range(HOTLINE_SLOTS):
            if n < len(hits):
                out += [
                    gr.HTML(hit_html(n + 1, hits[n]), visible=True),
                    gr.Textbox(hits[n].ready_answer, visible=True),
                ]
            else:
                out += [gr.HTML("", visible=False), gr.Textbox("", visible=False)]
        return out

    outputs: list[Any] = [empty] + [c for pair in slots for c in pair]
    go.click(run, [query], outputs)
    query.submit(run, [query], outputs)


DOC_HEADERS = ["标题", "文件名", "文号", "页数", "片段数", "导入时间", "doc_id"]


def _admin_tab(actions: UIActions, ui: gr.Blocks) -> None:
    key = gr.Textbox(label="管理员密钥", type="password", elem_id="admin-key")
    docs = gr.Dataframe(headers=DOC_HEADERS, interactive=False, label="已收录文档")
    with gr.Row():
        upload = gr.File(label="上传文档（PDF / DOCX / TXT / MD）", file_types=UPLOAD_TYPES, type="filepath")
        with gr.Column():
            doc_id = gr.Dropdown(label="选择要删除的文档", choices=[], allow_custom_value=True)
            delete = gr.Button("删除所选文档", variant="stop")
            reindex = gr.Button("重新索引 corpus/ 目录")
            refresh = gr.Button("刷新列表")
    status = gr.Markdown(elem_id="admin-status")

    def after(result: AdminResult | None):  # type: ignore[no-untyped-def]
        return (
            "" if result is None else ("✅ " if result.ok else "⛔ ") + result.message,
            actions.document_rows(),
            gr.Dropdown(choices=_doc_choices(actions), value=None),
        )

    outputs = [status, docs, doc_id]
    upload.upload(lambda path, k: after(actions.upload(path, k)), [upload, key], outputs)
    delete.click(lambda d, k: after(actions.delete(d, k)), [doc_id, key], outputs)
    reindex.click(lambda k: after(actions.reindex(k)), [key], outputs)
    refresh.click(lambda: after(AdminResult(ok=True, message="列表已刷新。")), None, outputs)
    # Listed when a page opens, not when the UI is built: the server builds it before the index is loaded.
    ui.load(lambda: after(None), None, outputs)


def _doc_choices(actions: UIActions) -> list[tuple[str, str]]:
    return [(f"{row[0]}（{row[1]}）", row[-1]) for row in actions.document_rows()]


def _unanswered_tab(actions: UIActions) -> None:
    gr.Markdown("未能回答、低置信度和被点踩的问题，按相近表述归并并计数。")
    today = date.today()
    with gr.Row():
        start = gr.Textbox(label="开始日期", value=str(today - timedelta(days=30)), placeholder="YYYY-MM-DD")
        end = gr.Textbox(label="结束日期", value=str(today), placeholder="YYYY-MM-DD")
        go = gr.Button("生成报告", variant="primary")
    table = gr.Dataframe(label="未解答问题", interactive=False)
    download = gr.File(label="下载 CSV")
    error = gr.Markdown()

    def run(s: str, e: str):  # type: ignore[no-untyped-def]
        try:
            headers, rows, path = actions.unanswered(s, e)
        except ValueError:
            return gr.Dataframe(), None, "日期格式应为 YYYY-MM-DD。"
        return gr.Dataframe(value=rows, headers=headers), path, f"共 {len(rows)} 组问题。"

    go.click(run, [start, end], [table, download, error])


def _match_tab(actions: UIActions) -> None:
    from assistant.ask import matching

    gr.Markdown("选择您的情况，查看规划中面向您的工程、平台和政策，以及牵头单位（可咨询）和实施年限。")
    with gr.Row():
        education = gr.Dropdown(["博士", "硕士", "本科", "大专", "技能等级"], label="学历 / 技能", value=None)
        employer = gr.Dropdown(
            ["企业", "高校", "科研院所", "医疗机构", "机关事业单位"], label="单位类型", value=None
        )
        industry = gr.Dropdown(
            list(matching.INDUSTRY_SYNONYMS), label="产业（可输入）", value=None, allow_custom_value=True
        )
    kinds = gr.CheckboxGroup(list(matching.TALENT_KIND_CUES), label="人才类别（可多选）")
    born = gr.Checkbox(label="晋江籍 / 在晋江出生")
    go = gr.Button("查看匹配政策", variant="primary", elem_id="match-go")
    result = gr.Markdown(elem_id="match-result")
    go.click(actions.match_profile, [education, kinds, industry, employer, born], [result])
