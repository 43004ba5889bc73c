"""Shared builders for the campaign tests (through the HTTP API, like a client)."""

from __future__ import annotations

import uuid


def ok(r, status=200):
    assert r.status_code == status, r.text
    return r.json()["data"]


def error(r, status, code):
    assert r.status_code == status, r.text
    assert r.json()["error"]["code"] == code, r.text
    return r.json()["error"]


def contacts(client, auth, n, *, prefix="p", industry="Law Practice", title="CEO", **extra):
    tag = uuid.uuid4().hex[:8]
    rows = [
        {
            "first_name": f"Ann{i}",
            "last_name": f"Lee{i}",
            "email": f"{prefix}{i}-{tag}@example.com",
            "job_title": title,
            "company_name": f"Firm {i}",
            **extra,
        }
        for i in range(n)
    ]
    data = ok(client.post("/v1/contacts/bulk", headers=auth, json={"contacts": rows}))
    return [c["id"] for c in data["contacts"]]


def new_list(client, auth, ids, name=None):
    lst = ok(
        client.post("/v1/lists", headers=auth, json={"name": name or f"L {uuid.uuid4().hex[:6]}"}),
        201,
    )
    if ids:
        ok(client.post(f"/v1/lists/{lst['id']}/contacts", headers=auth, json={"contact_ids": ids}))
    return lst


STEP = {"subject": "Hello {{first_name|there}}", "body": "Hi {{first_name|there}},\n\nA note."}


def campaign(client, auth, **body):
    body.setdefault("name", f"C {uuid.uuid4().hex[:6]}")
    if "topic" not in body:
        body.setdefault("steps", [STEP])
    return ok(client.post("/v1/campaigns", headers=auth, json=body), 201)
