"""A local HTTP server that replays recorded (or generated) responses, for tests, the demo and
bench/crawl.py. Nothing here reaches the internet: it binds 127.0.0.1 on a free port.

API
---
    from onrecord.demo.replay import ReplayServer, Reply

    with ReplayServer() as server:                       # start() on enter, stop() on exit
        server.base                                      # "http://127.0.0.1:PORT"
        server.add("/api/v1/accounts/lookup", Reply.json({"id": "1"}), query={"acct": "alice"})
        server.add("/feed.xml", Reply(body=xml_bytes, headers={"Content-Type": "application/rss+xml"},
                                       etag='"v1"', last_modified="Sun, 22 Nov 2026 10:00:00 GMT"))
        server.add("/api/v1/statuses/9",                 # a scripted sequence: one reply per request,
                   Reply.json({...}), Reply.json({"error": "Record not found"}, status=404))
        server.add("/x", Reply.json({"error": "Too many requests"}, status=429,
                                    headers={"Retry-After": "1"}), Reply.json([]))
        server.add(re.compile(r"/api/v1/statuses/(\\d+)"), handler)   # handler(request) -> Reply
        server.add("/", Reply.fixture("mastodon_account_lookup", FIXTURES))  # body + recorded headers
        ...
        server.limit(RateLimit(300, 300, applies=lambda r: r.path.startswith("/api/"),
                               headers=..., refusal=...))  # a published budget, enforced: 429 past it
        server.refused()                                 # how many requests it answered 429
        server.respond("GET", "/feed.xml", {})           # (status, headers, body, delay) without a socket
        server.count("/api/v1/statuses/9")               # requests logged for a path (any query)
        server.requests                                  # [LoggedRequest(method, path, query, headers, status)]
        server.clear_log()

Routes
    `add(path, *replies, method="GET", query=None)`: `path` is an exact path or a compiled regex
    (full match; the match object is passed to handlers as `request.match`). `query` is a dict of
    parameters the request must carry (other parameters are ignored); when several routes match,
    the one naming the most query parameters wins, and a later `add` of the same (method, path,
    query) replaces the earlier one. Each reply may be a `Reply` or a callable
    `handler(request) -> Reply`. Replies are served in order, one per request; the last repeats.
    Unmatched requests get 404 `{"error": "no replay route"}` and are logged too.

Budgets
    `limit(*rate_limits)` enforces each `RateLimit(limit, window, applies, headers, refusal)` as
    the platforms do: `limit` requests per `window` seconds in fixed windows aligned to the epoch
    (`server.clock`, default time.time), over the requests `applies(request)` selects. Past it:
    `refusal(rate_limit, reset)` (default a bare 429 with Retry-After); else the reply carries
    `headers(rate_limit, remaining, reset)` of the budget closest to running out, as Mastodon's
    do. demo/sites/limits.py has each platform's budgets and formats.

Reply(status=200, body=b"", headers=None, etag=None, last_modified=None, delay=0.0, file=None)
    `body` may be bytes or str (UTF-8); `Reply.json(data, status=200, headers=None, **kw)` and
    `Reply.fixture(name, directory, origin="http://localhost:3000")` (body `<name>.json` plus the
    status and headers recorded in `<name>.headers.json`) build common cases. With `etag` set, a
    request whose If-None-Match carries it gets 304; with `last_modified`, a request whose
    If-Modified-Since is not older gets 304. `delay` sleeps before answering (to provoke client
    time-outs). The text `{BASE}` in headers and body is replaced by the server's base URL, so
    recorded Link headers point back at this server (`Reply.fixture` rewrites `origin` to it).
"""
from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

BASE_TOKEN = "{BASE}"
# Recorded hop-by-hop or length headers would lie about the replayed body.
_DROPPED_HEADERS = {"content-length", "transfer-encoding", "content-encoding", "connection"}


@dataclass
class Reply:
    status: int = 200
    body: bytes | str = b""
    headers: dict | None = None
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    file: Path | str | None = None

    @classmethod
    def json(cls, data, status: int = 200, headers: dict | None = None, **kwargs) -> "Reply":
        merged = {"Content-Type": "application/json; charset=utf-8", **(headers or {})}
        return cls(status=status, body=json.dumps(data).encode(), headers=merged, **kwargs)

    @classmethod
    def fixture(cls, name: str, directory, origin: str = "http://localhost:3000", **kwargs) -> "Reply":
        """A recorded response: `<name>.json` as the body, status and headers from
        `<name>.headers.json` when present (else 200, JSON). `origin` is rewritten to this server."""
        directory = Path(directory)
        body = (directory / f"{name}.json").read_bytes().replace(origin.encode(), BASE_TOKEN.encode())
        status, headers = 200, {"Content-Type": "application/json; charset=utf-8"}
        meta_path = directory / f"{name}.headers.json"
        if meta_path.exists():
            meta = json.loads(meta_path.read_text())
            status = int(meta.get("status", {}).get("code", 200))
            headers = {
                key: str(value).replace(origin, BASE_TOKEN)
                for key, value in meta.get("headers", {}).items()
                if key.lower() not in _DROPPED_HEADERS
            }
        return cls(status=status, body=body, headers=headers, **kwargs)

    def payload(self) -> bytes:
        if self.file is not None:
            return Path(self.file).read_bytes()
        return self.body.encode() if isinstance(self.body, str) else self.body


@dataclass
class ReplayRequest:
    """What a handler sees."""

    method: str
    path: str
    query: dict  # name -> list of values, as parse_qs gives them
    headers: dict  # lower-case names
    body: bytes
    base: str
    match: re.Match | None = None

    def arg(self, name: str, default=None):
        values = self.query.get(name)
        return values[0] if values else default


@dataclass
class LoggedRequest:
    method: str
    path: str
    query: dict
    headers: dict
    status: int = 0
    at: float = field(default_factory=time.monotonic)

    def arg(self, name: str, default=None):
        values = self.query.get(name)
        return values[0] if values else default


def _bare_refusal(rate_limit: "RateLimit", reset: float) -> Reply:
    retry_after = max(1, int(reset - time.time() + 0.999))
    return Reply.json({"error": "Too many requests"}, status=429, headers={"Retry-After": str(retry_after)})


@dataclass
class RateLimit:
    """A request budget the server enforces (see the module's doc): `limit` requests per `window`
    seconds, in fixed windows aligned to the epoch, over the requests `applies` selects."""

    limit: int
    window: float
    applies: Callable = lambda request: True  # noqa: E731
    headers: Callable | None = None  # (rate_limit, remaining, reset epoch) -> dict
    refusal: Callable = _bare_refusal  # (rate_limit, reset epoch) -> Reply (a 429)
    name: str = ""
    _counts: dict = field(default_factory=dict, repr=False)

    def take(self, now: float) -> tuple[int, float]:
        """Count a request at `now`: (requests left in its window, below 0 when over; its end)."""
        index = int(now // self.window)
        if index not in self._counts:
            self._counts = {index: 0}  # windows before this one no longer matter
        self._counts[index] += 1
        return self.limit - self._counts[index], (index + 1) * self.window


@dataclass
class _Route:
    method: str
    path: str | re.Pattern
    query: dict
    replies: list
    served: int = 0

    def matches(self, method: str, path: str, query: dict):
        if method != self.method:
            return None
        found = None
        if isinstance(self.path, re.Pattern):
            found = self.path.fullmatch(path)
            if not found:
                return None
        elif path != self.path:
            return None
        for key, value in self.query.items():
            if str(value) not in query.get(key, []):
                return None
        return found or True

    def next_reply(self):
        reply = self.replies[min(self.served, len(self.replies) - 1)]
        self.served += 1
        return reply


class ReplayServer:
    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.host, self.port = host, port
        self.requests: list[LoggedRequest] = []
        self.rate_limits: list[RateLimit] = []
        self.clock = time.time
        self._routes: list[_Route] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._base: str | None = None

    # -- routes ------------------------------------------------------------------------------
    def add(self, path, *replies, method: str = "GET", query: dict | None = None) -> None:
        if not replies:
            raise ValueError("a route needs at least one reply")
        query = {key: str(value) for key, value in (query or {}).items()}
        route = _Route(method.upper(), path, query, list(replies))
        with self._lock:
            self._routes = [
                r for r in self._routes if (r.method, r.path, r.query) != (route.method, route.path, route.query)
            ]
            self._routes.append(route)

    def remove(self, path, method: str = "GET", query: dict | None = None) -> None:
        query = {key: str(value) for key, value in (query or {}).items()}
        with self._lock:
            self._routes = [
                r for r in self._routes if (r.method, r.path, r.query) != (method.upper(), path, query)
            ]

    def limit(self, *rate_limits: RateLimit) -> None:
        """Enforce these budgets from now on (see the module's doc)."""
        with self._lock:
            self.rate_limits.extend(rate_limits)

    # -- log ---------------------------------------------------------------------------------
    def count(self, path: str | None = None, method: str | None = None, prefix: bool = False) -> int:
        with self._lock:
            return sum(
                1
                for r in self.requests
                if (path is None or (r.path.startswith(path) if prefix else r.path == path))
                and (method is None or r.method == method.upper())
            )

    def refused(self) -> int:
        """Requests answered 429 so far (by an enforced budget or a scripted reply)."""
        with self._lock:
            return sum(1 for r in self.requests if r.status == 429)

    def clear_log(self) -> None:
        with self._lock:
            self.requests.clear()

    # -- lifecycle ---------------------------------------------------------------------------
    @property
    def base(self) -> str:
        if self._base is None:
            raise RuntimeError("the replay server is not started")
        return self._base

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> "ReplayServer":
        if self._server is not None:
            return self
        self._server = ThreadingHTTPServer((self.host, self.port), _handler_class(self))
        self._base = f"http://{self.host}:{self._server.server_address[1]}"
        self._server.daemon_threads = True
        # A short poll interval: stop() returns within it (the default 0.5 s adds up over a test suite).
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        name="replay", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "ReplayServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- serving -----------------------------------------------------------------------------
    def _resolve(self, request: ReplayRequest):
        with self._lock:
            best, best_match = None, None
            for route in self._routes:
                found = route.matches(request.method, request.path, request.query)
                if found and (best is None or len(route.query) >= len(best.query)):
                    best, best_match = route, found
            if best is None:
                return Reply.json({"error": "no replay route"}, status=404)
            reply = best.next_reply()
        if isinstance(best_match, re.Match):
            request.match = best_match
        if callable(reply) and not isinstance(reply, Reply):
            reply = reply(request)
        return reply

    def _take(self, request: ReplayRequest) -> list[tuple[RateLimit, int, float]]:
        """Count the request against every budget that applies: (budget, remaining, reset)."""
        now = self.clock()
        with self._lock:
            return [(limit, *limit.take(now)) for limit in self.rate_limits if limit.applies(request)]

    def _log(self, entry: LoggedRequest) -> None:
        with self._lock:
            self.requests.append(entry)

    def respond(self, method: str, target: str, headers: dict, body: bytes = b"") -> tuple[int, dict, bytes, float]:
        """Answer one request (`target` is the path with its query string; `headers` lower-case
        names): (status, headers, payload, delay in seconds), logged like any other. The HTTP
        handler sends it; tests may also call it directly to replay without sockets."""
        parts = urlsplit(target)
        request = ReplayRequest(method, parts.path, parse_qs(parts.query, keep_blank_values=True), headers, body,
                                self.base)
        entry = LoggedRequest(request.method, request.path, request.query, headers)
        self._log(entry)
        budgets = self._take(request)
        over = next(((limit, reset) for limit, remaining, reset in budgets if remaining < 0), None)
        try:
            reply = over[0].refusal(*over) if over else self._resolve(request)
        except Exception as error:  # a broken handler is a test bug: say so in the response
            reply = Reply.json({"error": f"replay handler failed: {error!r}"}, status=500)
        status = reply.status
        closest = min(budgets, key=lambda taken: taken[1], default=None)
        out_headers = {key: str(value).replace(BASE_TOKEN, self.base) for key, value in (reply.headers or {}).items()}
        if closest and closest[0].headers and not over:  # a reply's own rate-limit headers win (tests script them)
            announced = closest[0].headers(closest[0], max(0, closest[1]), closest[2])
            mine = {key.lower() for key in out_headers}
            out_headers.update({key: value for key, value in announced.items() if key.lower() not in mine})
        if reply.etag is not None:
            out_headers["ETag"] = reply.etag
        if reply.last_modified is not None:
            out_headers["Last-Modified"] = reply.last_modified
        if status == 200 and _not_modified(reply, headers):
            status, payload = 304, b""
        else:
            payload = reply.payload()
            if BASE_TOKEN.encode() in payload:
                payload = payload.replace(BASE_TOKEN.encode(), self.base.encode())
        entry.status = status
        return status, out_headers, payload, reply.delay


def _not_modified(reply: Reply, headers: dict) -> bool:
    if reply.etag is not None and "if-none-match" in headers:
        tags = [tag.strip() for tag in headers["if-none-match"].split(",")]
        return reply.etag in tags or "*" in tags
    if reply.last_modified is not None and "if-modified-since" in headers:
        try:
            return parsedate_to_datetime(headers["if-modified-since"]) >= parsedate_to_datetime(
                reply.last_modified
            )
        except (TypeError, ValueError):
            return False
    return False


def _handler_class(server: ReplayServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # the request log replaces stderr chatter
            pass

        def _serve(self):
            headers = {key.lower(): value for key, value in self.headers.items()}
            length = int(headers.get("content-length") or 0)
            body = self.rfile.read(length) if length else b""
            status, out_headers, payload, delay = server.respond(self.command, self.path, headers, body)
            if delay:
                time.sleep(delay)
            try:
                self.send_response(status)
                for key, value in out_headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD" and status != 304:
                    self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a time-out test): nothing to do

        do_GET = do_POST = do_HEAD = do_DELETE = do_PUT = _serve

    return Handler


def query_params(**params) -> dict:
    """Helper for handlers that build URLs: drops None values."""
    return {key: value for key, value in params.items() if value is not None}
