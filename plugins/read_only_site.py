"""What the published site answers: pages and queries, read-only, nothing else.

- Only GET and HEAD: every write, login or token endpoint answers 405, whatever Datasette or a
  plugin would have done with it.
- Of Datasette's own /-/ pages only those a reader needs stay (static files, the dashboards,
  the metadata); the debug and introspection pages (/-/threads, /-/messages, /-/allow-debug,
  /-/permissions, /-/databases with the file's path, /-/versions, /-/plugins, /-/settings,
  /-/actor, /-/auth-token, /-/insert ...) answer 404.
- A missing page is a plain 404: Datasette's default error handler would also print a
  rich-formatted traceback with local variables to the server log for every one (and fails
  outright for some), which is noise at best and a leak of request details at worst.
"""
import re

import datasette.handle_exception
from datasette import hookimpl

READ_METHODS = {"GET", "HEAD"}
# /-/ paths a reader of the site needs; every other /-/ path is closed.
OPEN_INTERNAL = re.compile(r"^/-/(?:static/|static-plugins/|dashboards(?:/|$)|metadata(?:\.json)?$)")

datasette.handle_exception.rich = None  # see the module docstring


def closed(path: str) -> bool:
    """True for a Datasette-internal path the public site does not serve."""
    internal = path.startswith("/-/") or "/-/" in path
    return internal and not OPEN_INTERNAL.match(path)


@hookimpl
def asgi_wrapper():
    def wrap(app):
        async def read_only(scope, receive, send):
            if scope["type"] == "http":
                if scope["method"] not in READ_METHODS:
                    return await _plain(send, 405, "This site is read-only.", {"allow": "GET, HEAD"})
                if closed(scope["path"]):
                    return await _plain(send, 404, "Not found.")
            await app(scope, receive, send)

        return read_only

    return wrap


async def _plain(send, status: int, text: str, headers: dict | None = None) -> None:
    body = text.encode() + b"\n"
    head = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    head += [(k.encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": head})
    await send({"type": "http.response.body", "body": body})
