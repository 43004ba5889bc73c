"""Lists pages through the real app: counts, rename, delete with confirmation, export, detail
with search and paging, removing members, a contact page, and CSV import in batches."""

from __future__ import annotations

import csv
import io
import re
import uuid

import pytest
from fastapi.testclient import TestClient

from lexi.contacts import service as contacts
from lexi.lists import service as lists
from tests.helpers.web import make_user, sign_in


@pytest.fixture
def web(app, db, workspace):  # type: ignore[no-untyped-def]
    with TestClient(app, raise_server_exceptions=False) as c:
        c.csrf = sign_in(c, make_user(db, workspace.id))  # type: ignore[attr-defined]
        yield c


def filled_list(db, workspace_id, name: str, n: int) -> str:  # type: ignore[no-untyped-def]
    with db.unit_of_work() as session:
        lst = lists.create_list(session, workspace_id, name)
        ids = []
        for i in range(n):
            c, _ = contacts.create_contact(
                session,
                workspace_id,
                {
                    "first_name": f"Ada{i:02d}",
                    "last_name": "Lovelace" if i % 2 else "Byron",
                    "email": f"ada{i:02d}-{uuid.uuid4().hex[:6]}@example.com",
                    "company_name": "Analytical Engines" if i % 3 else "Difference Ltd",
                },
            )
            ids.append(c.id)
        lists.add_contacts(session, workspace_id, lst.id, ids)
        return str(lst.id)


class TestListsPage:
    def test_empty_state_says_what_to_do(self, web) -> None:
        page = web.get("/lists").text
        assert "No lists yet" in page and "Create a list above" in page

    def test_counts_rename_delete_with_confirmation(self, web, db, workspace) -> None:
        list_id = filled_list(db, workspace.id, "Q1 Leads", 3)
        page = web.get("/lists").text
        assert "Q1 Leads" in page and '<td class="num">3</td>' in page
        r = web.post(f"/lists/{list_id}/rename", data={"csrf_token": web.csrf, "name": "Q2 Leads"})
        assert r.status_code == 200 and "List renamed." in r.text and "Q2 Leads" in r.text
        r = web.post(f"/lists/{list_id}/rename", data={"csrf_token": web.csrf, "name": "  "})
        assert r.status_code == 400 and "A name is required." in r.text
        confirm = web.get(f"/lists/{list_id}/delete").text
        assert 'Delete the list "Q2 Leads"?' in confirm and "3 memberships" in confirm
        r = web.post(f"/lists/{list_id}/delete", data={"csrf_token": web.csrf})
        assert r.status_code == 200 and "The list was deleted" in r.text
        assert web.get(f"/lists/{list_id}").status_code == 404

    def test_export_csv_has_every_member(self, web, db, workspace) -> None:
        list_id = filled_list(db, workspace.id, "Export me", 4)
        r = web.get(f"/lists/{list_id}/export.csv")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
        assert 'filename="export-me-' in r.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(r.text)))
        assert len(rows) == 4 and {row["first_name"][:3] for row in rows} == {"Ada"}


class TestListDetail:
    def test_search_paging_open_and_remove(self, web, db, workspace) -> None:
        list_id = filled_list(db, workspace.id, "Big", 30)
        first = web.get(f"/lists/{list_id}").text
        assert "30 contacts" in first and "Page 1 of 2" in first
        assert len(re.findall(r'name="contact_id"', first)) == 25
        second = web.get(f"/lists/{list_id}?page=2").text
        assert len(re.findall(r'name="contact_id"', second)) == 5
        found = web.get(f"/lists/{list_id}?q=Difference").text
        assert len(re.findall(r'name="contact_id"', found)) == 10
        none = web.get(f"/lists/{list_id}?q=nobody-at-all").text
        assert "No contact in this list matches" in none
        contact_id = re.search(r"/contacts/([0-9a-f-]+)\?list=", first).group(1)
        page = web.get(f"/contacts/{contact_id}?list={list_id}")
        assert (
            page.status_code == 200 and "Analytical Engines" in page.text
        ) or "Difference" in page.text
        ids = re.findall(r'name="contact_id" value="([^"]+)"', first)[:3]
        r = web.post(f"/lists/{list_id}/remove", data={"csrf_token": web.csrf, "contact_id": ids})
        assert r.status_code == 200 and "27 contacts" in r.text
        r = web.post(f"/lists/{list_id}/remove", data={"csrf_token": web.csrf})
        assert r.status_code == 400 and "Tick at least one contact" in r.text

    def test_another_workspaces_list_is_not_found(self, app, db, web, factory) -> None:
        other = factory.workspace()
        list_id = filled_list(db, other.id, "Theirs", 1)
        assert web.get(f"/lists/{list_id}").status_code == 404
        assert web.get(f"/lists/{list_id}/export.csv").status_code == 404
        r = web.post(f"/lists/{list_id}/delete", data={"csrf_token": web.csrf})
        assert r.status_code == 404
        with db.unit_of_work(write=False) as session:
            assert lists.get_list(session, other.id, uuid.UUID(list_id)).name == "Theirs"


def _csv(n: int, bad_row: int | None = None) -> bytes:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["Name", "E-mail", "Company", "Ignored"])
    for i in range(n):
        email = "not-an-email" if i == bad_row else f"imp{i:04d}-{uuid.uuid4().hex[:6]}@example.com"
        w.writerow([f"Imported Person {i}", email, "Importers Inc", "x"])
    return out.getvalue().encode()


class TestImport:
    def _upload(self, web, data: bytes, list_id: str = ""):  # type: ignore[no-untyped-def]
        r = web.post(
            "/import",
            data={"csrf_token": web.csrf, "list_id": list_id},
            files={"file": ("people.csv", data, "text/csv")},
        )
        assert r.status_code == 200, r.text
        token = re.search(r'data-token="([^"]+)"', r.text).group(1)
        return r.text, token

    def test_mapping_step_then_batches_fill_the_list(self, web, db, workspace) -> None:
        with db.unit_of_work() as session:
            list_id = str(lists.create_list(session, workspace.id, "Imported").id)
        page, token = self._upload(web, _csv(600), list_id)
        # Headers are guessed: Name -> full name, E-mail -> email, Company -> company name.
        assert '<option value="full_name" selected>' in page
        assert '<option value="email" selected>' in page
        assert '<option value="company_name" selected>' in page
        mapping = {"map_0": "full_name", "map_1": "email", "map_2": "company_name"}
        done, calls = 0, 0
        while True:
            r = web.post(
                f"/import/{token}/batch",
                json={"start": done, "mapping": mapping},
                headers={"X-CSRF-Token": web.csrf, "Accept": "application/json"},
            )
            assert r.status_code == 200, r.text
            body = r.json()
            calls += 1
            assert body["total"] == 600 and body["done"] > done
            done = body["done"]
            if body["finished"]:
                break
        assert calls == 3
        assert "600 contacts" in web.get(f"/lists/{list_id}").text
        again = web.post(
            f"/import/{token}/batch",
            json={"start": 0, "mapping": mapping},
            headers={"X-CSRF-Token": web.csrf, "Accept": "application/json"},
        )
        assert again.status_code == 404  # the upload is gone once imported

    def test_a_bad_row_writes_nothing_and_is_named(self, web, db, workspace) -> None:
        _, token = self._upload(web, _csv(300, bad_row=280))
        r = web.post(
            f"/import/{token}/batch",
            json={"start": 0, "mapping": {"map_0": "full_name", "map_1": "email"}},
            headers={"X-CSRF-Token": web.csrf, "Accept": "application/json"},
        )
        assert r.status_code == 400
        rows = r.json()["error"]["details"]["rows"]
        assert rows[0]["row"] == 281 and "email" in rows[0]["errors"]
        with db.unit_of_work(write=False) as session:
            from lexi.contacts.repository import ContactFilters
            from lexi.kit.pagination import PageParams

            _, total = contacts.list_contacts(
                session, workspace.id, ContactFilters(search="Imported Person"), PageParams(1, 1)
            )
        assert total == 0

    def test_without_javascript_the_form_imports_everything(self, web) -> None:
        _, token = self._upload(web, _csv(5))
        r = web.post(
            f"/import/{token}",
            data={"csrf_token": web.csrf, "map_0": "full_name", "map_1": "email"},
        )
        assert r.status_code == 200 and "Lists" in r.text

    def test_not_a_csv_is_refused_in_words(self, web) -> None:
        r = web.post(
            "/import",
            data={"csrf_token": web.csrf},
            files={"file": ("x.csv", b"\xff\xfe\x00bad", "text/csv")},
        )
        assert r.status_code == 400 and "not UTF-8" in r.text
        r = web.post(
            "/import",
            data={"csrf_token": web.csrf},
            files={"file": ("x.csv", b"only,a,header\n", "text/csv")},
        )
        assert r.status_code == 400 and "at least one row" in r.text
