"""Request-scoped dependencies: the database session (the request's unit of work) and settings.

The unit of work ends *inside the endpoint's own call*: ``UnitOfWorkRoute`` wraps every endpoint
so that, in the same worker thread that ran it, the request's session commits (or rolls back) and
is closed before FastAPI serialises the response. No transaction (and on PostgreSQL no row lock,
on SQLite no write lock) is held while the response is rendered, and finishing a transaction never
needs a second thread from the pool, which a burst of requests blocked on a lock may all hold.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import inspect
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from lexi.config import Settings
from lexi.db.session import Database

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
T = TypeVar("T")


async def get_db(request: Request) -> Database:
    return request.app.state.db


def _finish(session: Session, ok: bool) -> None:
    try:
        if ok and session.in_transaction():
            session.commit()
    finally:
        session.close()  # rolls back whatever is still open


async def get_session(request: Request) -> AsyncIterator[Session]:
    """The request's session. Opening it does no I/O (a connection is taken on first use).

    ``UnitOfWorkRoute`` finishes it in the endpoint's thread; only for a route without that
    wrapper (or a failure before the endpoint ran) is it finished here.
    """
    db: Database = request.app.state.db
    async with _finished(db.session(write=request.method not in READ_METHODS)) as session:
        yield session


async def get_read_session(request: Request) -> AsyncIterator[Session]:
    """A read-only request's session, whatever its method (a search sent as POST, say).

    On SQLite it begins a plain (deferred) transaction, so it never queues behind writers for the
    write lock; it is finished like ``get_session``'s.
    """
    async with _finished(request.app.state.db.session(write=False)) as session:
        yield session


@asynccontextmanager
async def _finished(session: Session) -> AsyncIterator[Session]:
    """Roll back on an exception, commit a transaction still open, close the session."""
    try:
        yield session
    except BaseException:
        if session.in_transaction():
            await run_in_threadpool(_finish, session, False)
        raise
    if session.in_transaction():
        await run_in_threadpool(_finish, session, True)
    else:
        session.close()


def _sessions(kwargs: dict[str, Any]) -> list[Session]:
    return [v for v in kwargs.values() if isinstance(v, Session)]


def finishing_unit_of_work(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap ``endpoint`` so its ``SessionDep`` session commits and closes when it returns."""
    if inspect.iscoroutinefunction(endpoint):

        @functools.wraps(endpoint)
        async def run_async(*args: Any, **kwargs: Any) -> Any:
            sessions = _sessions(kwargs)
            try:
                result = await endpoint(*args, **kwargs)
            except BaseException:
                for s in sessions:
                    _finish(s, False)
                raise
            for s in sessions:
                _finish(s, True)
            return result

        return run_async

    @functools.wraps(endpoint)
    def run(*args: Any, **kwargs: Any) -> Any:
        sessions = _sessions(kwargs)
        try:
            result = endpoint(*args, **kwargs)
        except BaseException:
            for s in sessions:
                _finish(s, False)
            raise
        for s in sessions:
            _finish(s, True)
        return result

    return run


class UnitOfWorkRoute(APIRoute):
    """An ``APIRoute`` whose endpoint finishes its unit of work before the response is built."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        if not getattr(endpoint, "_lexi_uow", False):
            wrapped = finishing_unit_of_work(endpoint)
            wrapped._lexi_uow = True  # type: ignore[attr-defined]
            endpoint = wrapped
        super().__init__(path, endpoint, **kwargs)


# Dependencies that do no I/O are ``async def``: FastAPI would run a plain ``def`` on a worker
# thread (a hop per request and dependency).
async def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
# For endpoints that only read but are not GETs (the prospect search is a POST).
ReadSessionDep = Annotated[Session, Depends(get_read_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
DatabaseDep = Annotated[Database, Depends(get_db)]


# Hot read paths (GET /v1/credits, /v1/lists and /v1/contacts) are ``async`` endpoints that hand
# one function to this pool: it reads in its own read-only unit of work (committed and closed on
# that thread) and renders the JSON body there, so the request costs one thread hop and one
# serialisation, and a burst holding AnyIO's threads (every sync endpoint's) does not delay them.
_READ_POOL = ThreadPoolExecutor(max_workers=16, thread_name_prefix="lexi-read")


async def read_off_loop(db: Database, read: Callable[[Session], T]) -> T:
    """``read(session)`` in a read-only unit of work on the read pool; returns what it returns."""

    def run() -> T:
        with db.unit_of_work(write=False) as session:
            return read(session)

    context = contextvars.copy_context()  # the request id, for anything logged meanwhile
    return await asyncio.get_running_loop().run_in_executor(_READ_POOL, context.run, run)


def json_response(body: str | bytes, status_code: int = 200) -> Response:
    """A JSON body rendered already (``model_dump_json``): FastAPI sends a ``Response`` as it is,
    without validating it again against the route's ``response_model`` (which still documents
    it in the OpenAPI schema)."""
    return Response(body, status_code=status_code, media_type="application/json")
