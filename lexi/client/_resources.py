"""Resource namespaces. Each is one small class of thin methods over ``_call``.

Methods return whatever ``_call`` returns: a value on ``Lexi``, an awaitable on ``AsyncLexi``. So the
same class serves both clients; only polling (``wait``) and streaming differ and live on the clients.

A new resource is one class decorated with ``@resource("name")``: both clients mount every
registered class as ``client.<name>``. ``tests/unit/client/test_routes.py`` checks that every
method calls a route the server's OpenAPI document declares, with parameters it declares.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import Any, TypeVar

ID = str  # UUIDs as strings (uuid.UUID objects are accepted too and converted)

RESOURCES: dict[str, type[Resource]] = {}
R = TypeVar("R", bound="type[Resource]")


def resource(name: str) -> Callable[[R], R]:
    """Register a namespace class; both clients expose it as ``client.<name>``."""

    def register(cls: R) -> R:
        RESOURCES[name] = cls
        return cls

    return register


def _id(value: Any) -> str:
    return str(value)


class Resource:
    def __init__(self, client: Any) -> None:
        self._c = client

    def _get(self, path: str, *, paged: bool | str = False, **params: Any) -> Any:
        return self._c._call("GET", path, params=params, paged=paged)

    def _post(self, path: str, body: Any = None, *, idempotency_key: str | None = None) -> Any:
        return self._c._call("POST", path, json_body=body, idempotency_key=idempotency_key)

    def _patch(self, path: str, body: Any) -> Any:
        return self._c._call("PATCH", path, json_body=body)

    def _delete(self, path: str) -> Any:
        return self._c._call("DELETE", path)


def _body(**fields: Any) -> dict[str, Any]:
    return {k: v for k, v in fields.items() if v is not None}


@resource("tasks")
class Tasks(Resource):
    """Approval tasks: ``/v1/lexi/tasks``."""

    def list(self, status: str = "pending") -> Any:
        """``{"tasks": [...]}`` in one status: pending (default), approved, running, dismissed,
        completed or failed; newest first."""
        return self._get("/v1/lexi/tasks", status=status)

    def get(self, task_id: ID) -> Any:
        return self._get(f"/v1/lexi/tasks/{_id(task_id)}")

    def approve(self, task_id: ID) -> Any:
        return self._post(f"/v1/lexi/tasks/{_id(task_id)}/approve", {})

    def dismiss(self, task_id: ID, reason: str | None = None) -> Any:
        return self._post(f"/v1/lexi/tasks/{_id(task_id)}/dismiss", _body(reason=reason))

    def wait(self, task_id: ID, *, timeout: float = 120.0, interval: float = 0.5) -> Any:
        """Poll until the task is completed, failed or dismissed; returns the final task."""
        return self._c._wait_task(_id(task_id), timeout=timeout, interval=interval)


@resource("conversations")
class Conversations(Resource):
    """Chat history: ``/v1/lexi/conversations``."""

    def list(
        self,
        page: int | None = None,
        per_page: int | None = None,
        search: str | None = None,
        archived: bool | None = None,
    ) -> Any:
        return self._get(
            "/v1/lexi/conversations",
            paged=True,
            page=page,
            per_page=per_page,
            search=search,
            archived=archived,
        )

    def get(
        self, conversation_id: ID, include_tool_steps: bool | None = None, limit: int | None = None
    ) -> Any:
        return self._get(
            f"/v1/lexi/conversations/{_id(conversation_id)}",
            include_tool_steps=include_tool_steps,
            limit=limit,
        )

    def update(
        self, conversation_id: ID, *, title: str | None = None, archived: bool | None = None
    ) -> Any:
        return self._patch(
            f"/v1/lexi/conversations/{_id(conversation_id)}", _body(title=title, archived=archived)
        )

    def delete(self, conversation_id: ID) -> Any:
        return self._delete(f"/v1/lexi/conversations/{_id(conversation_id)}")


@resource("lists")
class Lists(Resource):
    """Contact lists: ``/v1/lists``."""

    def create(self, name: str, description: str | None = None) -> Any:
        return self._post("/v1/lists", _body(name=name, description=description))

    def list(self, page: int | None = None, per_page: int | None = None) -> Any:
        return self._get("/v1/lists", paged=True, page=page, per_page=per_page)

    def get(self, list_id: ID) -> Any:
        return self._get(f"/v1/lists/{_id(list_id)}")

    def update(
        self, list_id: ID, *, name: str | None = None, description: str | None = None
    ) -> Any:
        return self._patch(f"/v1/lists/{_id(list_id)}", _body(name=name, description=description))

    def delete(self, list_id: ID) -> Any:
        return self._delete(f"/v1/lists/{_id(list_id)}")

    def add_contacts(self, list_id: ID, contact_ids: builtins.list[ID]) -> Any:
        return self._post(
            f"/v1/lists/{_id(list_id)}/contacts", {"contact_ids": [_id(c) for c in contact_ids]}
        )

    def remove_contact(self, list_id: ID, contact_id: ID) -> Any:
        return self._delete(f"/v1/lists/{_id(list_id)}/contacts/{_id(contact_id)}")


@resource("contacts")
class Contacts(Resource):
    """The workspace's contacts: ``/v1/contacts``."""

    def create(self, **fields: Any) -> Any:
        return self._post("/v1/contacts", fields)

    def list(
        self,
        page: int | None = None,
        per_page: int | None = None,
        search: str | None = None,
        list_id: ID | None = None,
        created_after: str | None = None,
        sort: str | None = None,
    ) -> Any:
        return self._get(
            "/v1/contacts",
            paged=True,
            page=page,
            per_page=per_page,
            search=search,
            list_id=_id(list_id) if list_id else None,
            created_after=created_after,
            sort=sort,
        )

    def get(self, contact_id: ID) -> Any:
        return self._get(f"/v1/contacts/{_id(contact_id)}")

    def update(self, contact_id: ID, **fields: Any) -> Any:
        return self._patch(f"/v1/contacts/{_id(contact_id)}", fields)

    def delete(self, contact_id: ID) -> Any:
        return self._delete(f"/v1/contacts/{_id(contact_id)}")

    def bulk_create(self, contacts: builtins.list[dict[str, Any]]) -> Any:
        return self._post("/v1/contacts/bulk", {"contacts": contacts})

    def add_tags(self, contact_id: ID, tags: builtins.list[str], mode: str | None = None) -> Any:
        return self._post(f"/v1/contacts/{_id(contact_id)}/tags", _body(tags=tags, mode=mode))

    def bulk_delete(self, contact_ids: builtins.list[ID], dry_run: bool = False) -> Any:
        return self._post(
            "/v1/contacts/bulk-delete",
            {"contact_ids": [_id(c) for c in contact_ids], "dry_run": dry_run},
        )

    def merge(self, primary_id: ID, duplicate_ids: builtins.list[ID]) -> Any:
        return self._post(
            "/v1/contacts/merge",
            {"primary_id": _id(primary_id), "duplicate_ids": [_id(d) for d in duplicate_ids]},
        )

    def export(
        self,
        search: str | None = None,
        list_id: ID | None = None,
        created_after: str | None = None,
        sort: str | None = None,
    ) -> Any:
        """The matching contacts as CSV text."""
        return self._get(
            "/v1/contacts/export",
            search=search,
            list_id=_id(list_id) if list_id else None,
            created_after=created_after,
            sort=sort,
        )

    def import_(self, **body: Any) -> Any:
        """``rows=[...]`` or ``csv=..., mapping={...}``; ``update_existing``, ``tags``."""
        return self._post("/v1/import/contacts", body)


@resource("prospects")
class Prospects(Resource):
    """The searchable people database."""

    def search(self, page: int | None = None, **filters: Any) -> Any:
        body = _body(**filters)
        if page is not None:
            body["page"] = page
        return self._c._call("POST", "/v1/prospector/search", json_body=body, paged="prospects")

    def save(self, prospects: list[dict[str, Any] | ID], list_id: ID | None = None) -> Any:
        items = [p if isinstance(p, dict) else {"id": _id(p)} for p in prospects]
        return self._post(
            "/v1/prospects/save", _body(prospects=items, list_id=_id(list_id) if list_id else None)
        )

    def taxonomy(self) -> Any:
        return self._get("/v1/prospector/taxonomy")


@resource("credits")
class Credits(Resource):
    """The workspace's credit balance and ledger."""

    def get(self, limit: int | None = None) -> Any:
        return self._get("/v1/credits", limit=limit)


@resource("api_keys")
class ApiKeys(Resource):
    """API keys of the workspace (needs the admin:api_keys scope)."""

    def create(
        self,
        name: str,
        permissions: list[str],
        *,
        description: str | None = None,
        rate_limit_tier: str | None = None,
        expires_at: str | None = None,
    ) -> Any:
        return self._post(
            "/v1/api-keys",
            _body(
                name=name,
                permissions=permissions,
                description=description,
                rate_limit_tier=rate_limit_tier,
                expires_at=expires_at,
            ),
        )

    def list(
        self,
        include_revoked: bool | None = None,
        search: str | None = None,
        page: int | None = None,
        per_page: int | None = None,
    ) -> Any:
        return self._get(
            "/v1/api-keys",
            paged=True,
            include_revoked=include_revoked,
            search=search,
            page=page,
            per_page=per_page,
        )

    def revoke(self, key_id: ID) -> Any:
        return self._delete(f"/v1/api-keys/{_id(key_id)}")


@resource("audit_events")
class AuditEvents(Resource):
    """Who changed what in the workspace (needs the admin:api_keys scope)."""

    def list(
        self,
        type: str | None = None,
        actor: str | None = None,
        page: int | None = None,
        per_page: int | None = None,
    ) -> Any:
        """``type``: an event type or a family ending in a dot (``credits.``); ``actor``: a kind
        (api_key, user, cli) or a key's or user's id."""
        return self._get(
            "/v1/audit-events", paged=True, type=type, actor=actor, page=page, per_page=per_page
        )


@resource("settings")
class LexiSettings(Resource):
    """The workspace's approval policy for Lexi: ``/v1/lexi/settings``."""

    def get(self) -> Any:
        return self._get("/v1/lexi/settings")

    def update(
        self,
        *,
        approval_mode: str | None = None,
        auto_approve_max_prospects: int | None = None,
    ) -> Any:
        """``approval_mode``: threshold, always or never; ``auto_approve_max_prospects``: 0-100."""
        return self._patch(
            "/v1/lexi/settings",
            _body(
                approval_mode=approval_mode,
                auto_approve_max_prospects=auto_approve_max_prospects,
            ),
        )


@resource("model")
class LexiModelSettings(Resource):
    """Which language model Lexi uses and what this workspace lets it send: ``/v1/lexi/model``."""

    def get(self) -> Any:
        return self._get("/v1/lexi/model")

    def update(self, *, data: str) -> Any:
        """``data``: none, message or message_and_contacts."""
        return self._patch("/v1/lexi/model", _body(data=data))


@resource("campaigns")
class Campaigns(Resource):
    """Email sequences: ``/v1/campaigns`` (steps, revisions, enrolment, start, pause, stats)."""

    def create(self, name: str, **fields: Any) -> Any:
        """A draft. ``topic=`` (and ``tone=``) drafts a 3-step sequence; ``steps=[...]`` sets them."""
        return self._post("/v1/campaigns", _body(name=name, **fields))

    def list(
        self, page: int | None = None, per_page: int | None = None, status: str | None = None
    ) -> Any:
        return self._get("/v1/campaigns", paged=True, page=page, per_page=per_page, status=status)

    def get(self, campaign_id: ID) -> Any:
        return self._get(f"/v1/campaigns/{_id(campaign_id)}")

    def update(self, campaign_id: ID, **fields: Any) -> Any:
        return self._patch(f"/v1/campaigns/{_id(campaign_id)}", fields)

    def delete(self, campaign_id: ID) -> Any:
        return self._delete(f"/v1/campaigns/{_id(campaign_id)}")

    def steps(self, campaign_id: ID) -> Any:
        return self._get(f"/v1/campaigns/{_id(campaign_id)}/steps")

    def add_step(self, campaign_id: ID, subject: str, body: str, **fields: Any) -> Any:
        return self._post(
            f"/v1/campaigns/{_id(campaign_id)}/steps", _body(subject=subject, body=body, **fields)
        )

    def update_step(self, campaign_id: ID, step_id: ID, **fields: Any) -> Any:
        return self._patch(f"/v1/campaigns/{_id(campaign_id)}/steps/{_id(step_id)}", fields)

    def delete_step(self, campaign_id: ID, step_id: ID) -> Any:
        return self._delete(f"/v1/campaigns/{_id(campaign_id)}/steps/{_id(step_id)}")

    def revisions(self, campaign_id: ID) -> Any:
        return self._get(f"/v1/campaigns/{_id(campaign_id)}/revisions")

    def revision(self, campaign_id: ID, number: int) -> Any:
        return self._get(f"/v1/campaigns/{_id(campaign_id)}/revisions/{int(number)}")

    def restore(self, campaign_id: ID, number: int) -> Any:
        return self._post(f"/v1/campaigns/{_id(campaign_id)}/revisions/{int(number)}/restore", {})

    def undo(self, campaign_id: ID) -> Any:
        return self._post(f"/v1/campaigns/{_id(campaign_id)}/undo", {})

    def rewrite(self, campaign_id: ID, instruction: str, step: int | None = None) -> Any:
        return self._post(
            f"/v1/campaigns/{_id(campaign_id)}/rewrite", _body(instruction=instruction, step=step)
        )

    def enrol(
        self, campaign_id: ID, contact_ids: builtins.list[ID], source: str | None = None
    ) -> Any:
        return self._post(
            f"/v1/campaigns/{_id(campaign_id)}/contacts",
            _body(contact_ids=[_id(c) for c in contact_ids], source=source),
        )

    def contacts(
        self, campaign_id: ID, page: int | None = None, per_page: int | None = None
    ) -> Any:
        return self._get(
            f"/v1/campaigns/{_id(campaign_id)}/contacts", paged=True, page=page, per_page=per_page
        )

    def remove_contact(self, campaign_id: ID, contact_id: ID) -> Any:
        return self._delete(f"/v1/campaigns/{_id(campaign_id)}/contacts/{_id(contact_id)}")

    def start(self, campaign_id: ID) -> Any:
        """Proposes the launch: ``{campaign_id, status: "pending_approval", task_id}``."""
        return self._post(f"/v1/campaigns/{_id(campaign_id)}/start", {})

    def pause(self, campaign_id: ID) -> Any:
        return self._post(f"/v1/campaigns/{_id(campaign_id)}/pause", {})

    def stats(self, campaign_id: ID) -> Any:
        return self._get(f"/v1/campaigns/{_id(campaign_id)}/stats")


@resource("suppressions")
class Suppressions(Resource):
    """Addresses no campaign emails: ``/v1/suppressions``."""

    def list(self, page: int | None = None, per_page: int | None = None) -> Any:
        return self._get("/v1/suppressions", paged=True, page=page, per_page=per_page)

    def add(self, email: str, reason: str | None = None) -> Any:
        return self._post("/v1/suppressions", _body(email=email, reason=reason))

    def remove(self, email: str) -> Any:
        return self._delete(f"/v1/suppressions/{email}")


@resource("email")
class Email(Resource):
    """Inbound mail: ``/v1/email/inbound`` (replies and bounces)."""

    def inbound(self, raw: str) -> Any:
        """Hand over a received message (RFC 822 text): ``{kind: reply|bounce|unmatched, ...}``."""
        return self._post("/v1/email/inbound", {"raw": raw})
