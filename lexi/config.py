"""Settings: one object, read from ``LEXI_*`` environment variables, zero-config by default.

Every field is documented in ``docs/configuration.md`` (a test checks).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from lexi import paths


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEXI_", extra="ignore")

    data_dir: Path = Field(
        default_factory=paths.data_dir,
        description="Directory of the default SQLite database and the demo's key file "
        "(default: the per-user data directory, e.g. ~/.local/share/lexi).",
    )
    database_url: str = Field(
        "",
        description="SQLAlchemy URL. Default: the SQLite file lexi.db in data_dir; "
        "postgresql+psycopg://... for PostgreSQL.",
    )
    redis_url: str | None = Field(
        None, description="Redis URL. When set, rate-limit counters are shared through Redis."
    )
    db_pool_size: int = Field(10, description="Connection pool size (PostgreSQL).")
    db_pool_timeout_seconds: float = Field(
        5.0,
        description="How long a request waits for a pooled connection before answering 503.",
    )
    sqlite_busy_timeout_ms: int = Field(
        5_000,
        description="How long a SQLite writer waits for the write lock before answering 503.",
    )
    max_body_bytes: int = Field(
        5 * 1024 * 1024, description="Largest accepted request body; larger bodies get 413."
    )
    max_header_bytes: int = Field(
        32 * 1024, description="Largest accepted total size of request headers; larger get 431."
    )
    idempotency_ttl_hours: int = Field(24, description="How long Idempotency-Key replays last.")
    idempotency_wait_seconds: float = Field(
        10.0,
        description="How long a request waits for a concurrent request with the same key.",
    )
    ratelimit_enabled: bool = Field(True, description="Turn rate limiting off entirely (tests).")
    anonymous_per_minute: int = Field(
        60, description="Per-IP limit per minute for requests without a valid key."
    )
    log_level: str = Field("INFO", description="Log level (DEBUG, INFO, WARNING, ...).")
    log_json: bool = Field(True, description="Write logs as JSON lines (false: plain text).")
    api_prefix: str = Field(
        "/functions/v1/api-gateway",
        description=(
            "A second path prefix the API answers under (LeadLex's hosted layout); /v1 stays "
            "available. Empty to disable."
        ),
    )
    run_worker_in_process: bool = Field(
        True, description="Run the background task worker inside `lexi serve`."
    )
    worker_lease_seconds: float = Field(
        60.0,
        description="How long a worker's claim on a task or a campaign send lasts without renewal "
        "before another worker may take it over.",
    )
    worker_poll_seconds: float = Field(
        1.0, description="How often an idle worker looks for approved tasks."
    )
    model: str | None = Field(
        None,
        description="Optional language model for understanding chat messages and writing campaign "
        "emails, as provider:name: "
        "openai:gpt-4o-mini, anthropic:claude-..., ollama:llama3.1 (needs the `model` extra). "
        "Unset: the built-in rules only, and no model library is loaded.",
    )
    model_base_url: str | None = Field(
        None,
        description="Base URL of an OpenAI-compatible server (vLLM, llama.cpp, LM Studio, Ollama) "
        "for LEXI_MODEL=openai:... or ollama:....",
    )
    model_api_key: SecretStr | None = Field(
        None,
        description="API key for the model's provider (default: the provider's own variable, "
        "e.g. OPENAI_API_KEY). Never logged.",
    )
    model_timeout_seconds: float = Field(
        15.0,
        gt=0,
        description="How long a chat turn waits for the model before the built-in rules answer.",
    )
    model_writer_timeout_seconds: float = Field(
        30.0,
        gt=0,
        description="How long drafting or rewriting campaign emails waits for the model before "
        "the built-in writer's emails are used.",
    )

    interpreter: str = Field(
        "rules",
        description="Which interpreter reads chat messages: 'rules' (built in) or "
        "'package.module:name' (a class, factory or instance with interpret(text, state)).",
    )
    interpreter_fallback: bool = Field(
        True,
        description="Back a custom interpreter with the rules when it fails or understands nothing.",
    )
    web_session_hours: float = Field(
        168.0, description="How long a web app sign-in lasts before the person signs in again."
    )
    web_login_per_minute: int = Field(
        10, description="Sign-in attempts allowed per minute from one address and for one email."
    )

    @model_validator(mode="after")
    def _default_database(self) -> Settings:
        if not self.database_url:
            self.database_url = paths.default_database_url(self.data_dir)
        return self

    smtp_url: str | None = Field(
        None,
        description="Where campaign emails go: smtp://user:pass@host:587?starttls=true or "
        "smtps://user:pass@host:465. Unset: .eml files in the outbox folder.",
    )
    outbox_dir: str | None = Field(
        None,
        description="Folder for campaign emails when no SMTP server is set. Default: `outbox` "
        "in data_dir.",
    )
    public_url: str = Field(
        "http://127.0.0.1:8000",
        description="The server's public base URL, used in unsubscribe and tracking links.",
    )
    mail_from: str = Field(
        "Lexi <lexi@localhost>",
        description="Default sender of campaign emails (a campaign's from_email overrides it).",
    )
    sender_postal_address: str | None = Field(
        None, description="Postal address printed in every campaign email's footer."
    )
    campaign_limits_enabled: bool = Field(
        True,
        description="Apply campaigns' daily limits, delays, windows and weekends (turn off only "
        "for local benchmarks).",
    )
    campaign_sending: bool = Field(
        True, description="Whether this process's worker sends due campaign emails."
    )
    send_batch_size: int = Field(
        50, description="Most sends one worker claims at a time when limits do not apply."
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()
