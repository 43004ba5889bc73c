"""Which model, and what a workspace lets Lexi send to it. Imports no model library.

``LEXI_MODEL`` names the model as ``provider:name``:

- ``openai:gpt-4o-mini``: OpenAI, or any OpenAI-compatible server (vLLM, llama.cpp, LM Studio)
  when ``LEXI_MODEL_BASE_URL`` is set; the key is ``LEXI_MODEL_API_KEY`` (or ``OPENAI_API_KEY``).
- ``anthropic:claude-...``: Anthropic (needs the ``anthropic`` extra).
- ``ollama:llama3.1``: a local Ollama server (``LEXI_MODEL_BASE_URL``, default
  ``http://127.0.0.1:11434/v1``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lexi.errors import ValidationFailed

if TYPE_CHECKING:
    from lexi.config import Settings

# What a workspace allows to be sent to the model (Workspace.settings["model"]["data"]).
DATA_NONE = "none"  # nothing: the rules answer every message
DATA_MESSAGE = "message"  # the message and the conversation's own state (filters, list names)
DATA_WITH_CONTACTS = "message_and_contacts"  # also the people shown by the last search
DATA_POLICIES = (DATA_NONE, DATA_MESSAGE, DATA_WITH_CONTACTS)
DEFAULT_DATA = DATA_MESSAGE
SETTINGS_KEY = "model"
PROVIDERS = ("openai", "anthropic", "ollama")
OLLAMA_URL = "http://127.0.0.1:11434/v1"
PERSON_FIELDS = ("full_name", "job_title", "company", "city", "state", "country")


@dataclass(frozen=True)
class ModelGrant:
    """What one turn may send: the workspace's policy and, if it allows, the people shown."""

    data: str = DEFAULT_DATA
    people: list[dict[str, Any]] = field(default_factory=list)


def data_policy(settings: dict[str, Any] | None) -> str:
    raw = ((settings or {}).get(SETTINGS_KEY) or {}).get("data", DEFAULT_DATA)
    return raw if raw in DATA_POLICIES else DEFAULT_DATA


def check_policy(value: Any) -> str:
    if value not in DATA_POLICIES:
        raise ValidationFailed.field("model_data", f"One of {', '.join(DATA_POLICIES)}")
    return str(value)


def person_fields(prospect: dict[str, Any]) -> dict[str, Any]:
    """The contact fields a model may see for one person shown to the user."""
    company = prospect.get("company") or {}
    out = {
        "full_name": prospect.get("full_name"),
        "job_title": prospect.get("job_title"),
        "company": company.get("name") if isinstance(company, dict) else company,
        "city": prospect.get("city"),
        "state": prospect.get("state"),
        "country": prospect.get("country"),
    }
    return {k: v for k, v in out.items() if v}


def parse_spec(spec: str) -> tuple[str, str]:
    provider, sep, name = spec.strip().partition(":")
    provider = provider.strip().lower()
    if not sep or provider not in PROVIDERS or not name.strip():
        raise ValueError(
            f"LEXI_MODEL must look like provider:model with provider one of {', '.join(PROVIDERS)} "
            f"(e.g. openai:gpt-4o-mini), got {spec!r}"
        )
    return provider, name.strip()


def build_model(settings: Settings) -> Any:
    """The pydantic-ai model for ``settings.model`` (imports the provider's library)."""
    assert settings.model
    provider, name = parse_spec(settings.model)
    key = settings.model_api_key.get_secret_value() if settings.model_api_key else None
    if provider == "anthropic":
        from pydantic_ai.models.anthropic import AnthropicModel
        from pydantic_ai.providers.anthropic import AnthropicProvider

        return AnthropicModel(name, provider=AnthropicProvider(api_key=key))
    from pydantic_ai.models.openai import OpenAIChatModel
    from pydantic_ai.providers.openai import OpenAIProvider

    base_url = settings.model_base_url or (OLLAMA_URL if provider == "ollama" else None)
    if provider == "ollama":
        key = key or "ollama"  # Ollama ignores the key; the client insists on one
    return OpenAIChatModel(name, provider=OpenAIProvider(base_url=base_url, api_key=key))
