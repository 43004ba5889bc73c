"""The browser app served at ``/``: server-rendered pages (Jinja2) and a little JavaScript.

The pages call the same services as the API, with a ``Caller`` built from the signed-in person's
role, so a page can do exactly what an API key with the same scopes can do.
"""
