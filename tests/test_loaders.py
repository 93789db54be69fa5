"""Loaders on the real plan in three formats, and on files a user might wrongly upload."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from assistant.core.errors import DocumentTooLarge, UnreadableDocument, UnsupportedFileType
from assistant.core.types import Footnote, Paragraph, RawDocument, Table
from assistant.ingest.loaders import LoadLimits, load_document
from assistant.ingest.normalize import is_page_footer, is_toc_line, join_broken_lines, normalize_zh
from tests.conftest import PLAN_DOCX, PLAN_PDF, PLAN_TXT


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def plans() -> dict[str, RawDocument]:
    return {p.suffix: load_document(p) for p in (PLAN_TXT, PLAN_DOCX, PLAN_PDF)}


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_metadata_is_the_plans_own(plans: dict[str, RawDocument], suffix: str) -> None:
    meta = plans[suffix].meta
    assert meta.title == "晋江市“十四五”人才发展规划（2021-2025年）"
    assert meta.doc_number == "晋政文〔2021〕346号"
    assert meta.issuer == "晋江市人民政府"
    assert meta.date == "2021年12月10日"


def test_doc_id_is_a_stable_content_hash(plans: dict[str, RawDocument], tmp_path: Path) -> None:
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(PLAN_TXT.read_bytes())
    again = load_document(copy)
    assert again.doc_id == plans[".txt"].doc_id and re.fullmatch(r"[0-9a-f]{16}", again.doc_id)
    copy.write_text(PLAN_TXT.read_text(encoding="utf-8") + "\n新增一段说明。\n", encoding="utf-8")
    assert load_document(copy).doc_id != plans[".txt"].doc_id


def test_pdf_keeps_pages_and_drops_footers_and_toc(plans: dict[str, RawDocument]) -> None:
    pdf = plans[".pdf"]
    assert pdf.pages == 60
    paras = [b for b in pdf.blocks if isinstance(b, Paragraph)]
    assert all(b.page is not None for b in paras)
    texts = [b.text for b in paras]
    assert not any(re.fullmatch(r"—\s*\d+\s*—", t) for t in texts)
    assert not any("....." in t or t.replace(" ", "") == "目录" for t in texts)
    # a paragraph running on to the next page comes out whole
    joined = next(t for t in texts if "柔性引才相关政策研究" in t)
    assert "多元化柔性引才方式，并推动柔性人才项目转化和落地" in joined


def test_paragraph_cut_by_a_page_break_is_joined_in_every_format(plans: dict[str, RawDocument]) -> None:
    for doc in plans.values():
        texts = [squash(b.text) for b in doc.blocks if isinstance(b, Paragraph)]
        assert any("不足导致结构性缺工日益显现" in t for t in texts), doc.filename


def test_footnotes_are_read_alike_in_every_format(plans: dict[str, RawDocument]) -> None:
    notes = {
        suffix: sorted((b.marker, squash(b.text)) for b in doc.blocks if isinstance(b, Footnote))
        for suffix, doc in plans.items()
    }
    assert len(notes[".txt"]) == 14
    assert notes[".txt"] == notes[".docx"] == notes[".pdf"]
    assert (
        "⁹",
        squash(
            "“两站三中心”指院士<专家>工作站、博士后工作站、工程技术研究中心、工程研究中心、企业技术中心。"
        ),
    ) in notes[".pdf"]


def test_docx_tables_come_in_document_order(plans: dict[str, RawDocument]) -> None:
    blocks = plans[".docx"].blocks
    first_table = next(i for i, b in enumerate(blocks) if isinstance(b, Table))
    assert (
        isinstance(blocks[first_table], Table)
        and blocks[first_table].caption == "表1：“十四五”时期全市人才发展主要指标"
    )
    before = [b.text for b in blocks[:first_table] if isinstance(b, Paragraph)]
    after = [b.text for b in blocks[first_table:] if isinstance(b, Paragraph)]
    assert "人才创新效能进一步提升" in before[-1]
    assert after[0] == "三、发展重点"


def test_markdown_file_with_a_table(tmp_path: Path) -> None:
    md = tmp_path / "notes.md"
    md.write_text("一、补贴标准\n\n| 类别 | 金额 |\n|---|---|\n| 博士 | 10万元 |\n", encoding="utf-8")
    doc = load_document(md)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table.rows == [["类别", "金额"], ["博士", "10万元"]]


def test_markdown_rows_as_long_as_a_sentence_stay_rows(tmp_path: Path) -> None:
    # a long row reads like a line of running text broken without its full stop; it is a row all the same
    md = tmp_path / "qingdan.md"
    md.write_text(
        "| 事项名称 | 支持标准 | 受理部门 |\n|---|---|---|\n"
        "| 人才安家补贴 | A类人才60万元，B类人才40万元，分三年发放 | 市人社局 |\n"
        "| 人才健康体检 | 每年1次免费体检，每人每次1500元以内 | 市卫生健康委 |\n",
        encoding="utf-8",
    )
    table = next(b for b in load_document(md).blocks if isinstance(b, Table))
    assert [row[2] for row in table.rows] == ["受理部门", "市人社局", "市卫生健康委"]


def test_a_signing_line_dated_by_month_gives_issuers_and_date(tmp_path: Path) -> None:
    md = tmp_path / "wenda.md"
    md.write_text(
        "# 某区人才安居政策问答（2025年）\n\n中共某区委人才工作领导小组办公室　某区住房和城乡建设局　2025年6月\n\n"
        "### 1. 人才公寓怎么申请？\n\n答：向区人才服务中心申请。\n",
        encoding="utf-8",
    )
    meta = load_document(md).meta
    assert meta.date == "2025年6月"
    assert meta.issuer is not None and "中共某区委人才工作领导小组办公室" in meta.issuer
    assert "某区住房和城乡建设局" in meta.issuer


def test_unsupported_suffix_is_refused(tmp_path: Path) -> None:
    exe = tmp_path / "setup.exe"
    exe.write_bytes(b"MZ\x90\x00")
    with pytest.raises(UnsupportedFileType):
        load_document(exe)


def test_upload_name_decides_the_type(tmp_path: Path) -> None:
    saved = tmp_path / "upload-123"
    saved.write_text("晋江市人才政策。", encoding="utf-8")
    doc = load_document(saved, filename="政策.txt")
    assert doc.filename == "政策.txt" and doc.blocks


def test_empty_text_file_is_unreadable(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(" \n\n\t\n", encoding="utf-8")
    with pytest.raises(UnreadableDocument):
        load_document(empty)


def test_encrypted_pdf_is_unreadable(tmp_path: Path) -> None:
    writer = PdfWriter(clone_from=PdfReader(PLAN_PDF))
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(UnreadableDocument, match="加密"):
        load_document(locked)


def test_pdf_without_text_layer_is_unreadable(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buf = io.BytesIO()
    writer.write(buf)
    scanned = tmp_path / "scan.pdf"
    scanned.write_bytes(buf.getvalue())
    with pytest.raises(UnreadableDocument):
        load_document(scanned)


@pytest.mark.parametrize("name", ["broken.pdf", "broken.docx"])
def test_corrupt_files_are_unreadable(tmp_path: Path, name: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(
        b"%PDF-1.7\n garbage \x00\x01" if name.endswith(".pdf") else b"PK\x03\x04 not really a zip"
    )
    with pytest.raises(UnreadableDocument):
        load_document(bad)


def test_truncated_docx_is_unreadable(tmp_path: Path) -> None:
    bad = tmp_path / "cut.docx"
    bad.write_bytes(PLAN_DOCX.read_bytes()[:5000])
    with pytest.raises(UnreadableDocument):
        load_document(bad)


def test_normalize_zh_cleans_footers_toc_and_broken_lines() -> None:
    raw = "— 3 —\n一、发展背景.....\t4\n人才发展投入大幅增加，市本级人才发展专项资金从 2011 年\n的 5155 万元增加至１.１１亿元。\n"
    out = normalize_zh(raw)
    assert "— 3 —" not in out and "....." not in out
    assert "从 2011 年的 5155 万元增加至１.１１亿元。" in out  # original number characters kept


def test_line_helpers() -> None:
    assert is_page_footer("— 12 —") and is_page_footer("第 3 页") and not is_page_footer("2021年")
    assert is_toc_line("(一) 发展基础\t4") and is_toc_line("1. 主要目标.....")
    assert not is_toc_line("规上企业研发活动覆盖率\t%\t21.8\t28")
    assert join_broken_lines(
        ["（1）高层次创新创业团队“领跑工程”。推行“领军人才+创业", "团队”集成引才模式。", "2. 重点工程"]
    ) == [
        "（1）高层次创新创业团队“领跑工程”。推行“领军人才+创业团队”集成引才模式。",
        "2. 重点工程",
    ]


# ---------------------------------------------------------------- hostile files and legitimate variants


def pdf_file(path: Path, objects: list[bytes]) -> Path:
    """A minimal PDF from raw object bodies (object 1 is the catalog), with a correct xref table."""
    buf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(buf))
        buf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(buf)
    buf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    buf += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    buf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(buf))
    return path


def pdf_stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT = pdf_stream(b"BT /F1 12 Tf 72 700 Td (Jinjiang) Tj ET")
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>"


def pages_pdf(path: Path, kids: int, declared: int) -> Path:
    tree = b"<< /Type /Pages /Kids [" + b" 5 0 R" * kids + b"] /Count %d >>" % declared
    return pdf_file(path, [b"<< /Type /Catalog /Pages 2 0 R >>", tree, FONT, TEXT, PAGE])


def test_a_small_hand_made_pdf_is_read(tmp_path: Path) -> None:
    doc = load_document(pages_pdf(tmp_path / "one.pdf", kids=1, declared=1))
    assert doc.pages == 1 and "Jinjiang" in doc.blocks[0].text  # type: ignore[union-attr]


@pytest.mark.parametrize(("kids", "declared"), [(1, 5_000_000), (1500, 1500), (1500, 1)])
def test_pdf_with_too_many_pages_is_refused(tmp_path: Path, kids: int, declared: int) -> None:
    # the page tree's own count, or the pages it really holds when the count lies
    with pytest.raises(DocumentTooLarge, match="页数"):
        load_document(pages_pdf(tmp_path / "pages.pdf", kids, declared))


def test_pdf_decompression_bomb_is_refused(tmp_path: Path) -> None:
    deflate = zlib.compressobj(9)
    body = deflate.compress(b"BT /F1 12 Tf 72 700 Td (Jinjiang) Tj ET\n")
    body += b"".join(deflate.compress(b" " * 2**20) for _ in range(200)) + deflate.flush()  # 200 MB inflated
    bomb = pdf_stream(body, b"/Filter /FlateDecode")
    path = pdf_file(
        tmp_path / "bomb.pdf",
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            FONT,
            bomb,
            PAGE,
        ],
    )
    assert path.stat().st_size < 1_000_000
    with pytest.raises(DocumentTooLarge):
        load_document(path)


def test_pdf_with_a_page_tree_nested_too_deep_is_unreadable(tmp_path: Path) -> None:
    depth = 3000
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>", FONT, TEXT]
    for level in range(depth):
        parent = 2 if level == 0 else 4 + level
        objects.append(b"<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R] /Count 1 >>" % (parent, 6 + level))
    objects.append(PAGE.replace(b"/Parent 2 0 R", b"/Parent %d 0 R" % (4 + depth)))
    with pytest.raises(UnreadableDocument):
        load_document(pdf_file(tmp_path / "deep.pdf", objects))


def test_pdf_with_a_deeply_nested_unused_object_is_read(tmp_path: Path) -> None:
    nested = b"<< /A " * 50_000 + b"1" + b" >>" * 50_000
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Extra 6 0 R >>",
        b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
        FONT,
        TEXT,
        PAGE,
        nested,
    ]
    doc = load_document(pdf_file(tmp_path / "nested.pdf", objects))
    assert "Jinjiang" in doc.blocks[0].text  # type: ignore[union-attr]


def test_docx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(PLAN_DOCX) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                out.writestr(info, src.read(info))
        with out.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(200):  # 200 MB of one byte, a few hundred KB packed
                member.write(b"A" * 2**20)
    assert bomb.stat().st_size < 2_000_000
    with pytest.raises(DocumentTooLarge):
        load_document(bomb)


def test_docx_with_too_much_text_is_refused() -> None:
    with pytest.raises(DocumentTooLarge):
        load_document(PLAN_DOCX, limits=LoadLimits(max_chars=10_000))


NOTICE = "晋江市人才公寓租金补贴公告\n\n一、补贴对象\n在晋江市工作的硕士研究生，每月补贴租金800元。\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("gbk.txt", NOTICE.encode("gbk")),
        ("bom.txt", NOTICE.encode("utf-8-sig")),
        ("utf16.txt", NOTICE.encode("utf-16")),
        ("crlf.md", NOTICE.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_text_encodings_a_government_office_uses_are_read(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    doc = load_document(path)
    assert doc.meta.title == "晋江市人才公寓租金补贴公告"
    assert [b.text for b in doc.blocks][1:] == [
        "一、补贴对象",
        "在晋江市工作的硕士研究生，每月补贴租金800元。",
    ]  # type: ignore[union-attr]
    assert doc.doc_id == load_document(_utf8(tmp_path)).doc_id  # same content, same id, whatever the encoding


def _utf8(tmp_path: Path) -> Path:
    path = tmp_path / "plain.txt"
    path.write_text(NOTICE, encoding="utf-8")
    return path


def test_binary_file_named_txt_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(UnreadableDocument):
        load_document(path)


def test_text_over_the_character_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("晋江市人才政策。\n" * 2000, encoding="utf-8")
    with pytest.raises(DocumentTooLarge):
        load_document(path, limits=LoadLimits(max_chars=10_000))
