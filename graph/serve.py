"""A read-only SPARQL 1.1 Protocol endpoint over the store, with Oxigraph's query UI.

Oxigraph's own server does the SPARQL work: ``oxigraph serve-read-only`` (from the
``oxigraph`` PyPI package) runs on a private loopback port over the store's default graph
(the merge of the issue graphs, see :class:`partnerkg.graph.store.Store`). A small
proxy in front of it is what users reach (``127.0.0.1:7878`` by default). The proxy exists
for two reasons:

* **Read-only, twice.** Only ``GET``/``HEAD`` and query ``POST`` requests to ``/query`` or
  ``/sparql`` pass; SPARQL Update (``/update``, ``update=`` forms, ``application/sparql-update``
  bodies) and Graph Store writes get ``403`` before Oxigraph sees them, and Oxigraph's read-only
  mode would refuse them anyway.
* **A real time limit.** Oxigraph's ``--timeout-s`` does not stop a query that is already
  producing or aggregating results (checked with 0.5.13: a 4-way cross product ran on). The proxy
  gives each request ``timeout_s`` seconds; past that it answers ``503`` and restarts the
  Oxigraph process, which is the only way to stop the runaway query. Other queries running at
  that moment fail too: acceptable for a local, read-only explorer.

Pages: ``GET /`` is Oxigraph's YASGUI query editor (served locally, works offline); the SPARQL
endpoint is ``/query`` (also ``/sparql``).
"""

from __future__ import annotations

import logging
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from partnerkg.errors import ConfigError, StoreError
from partnerkg.settings import Settings

log = logging.getLogger(__name__)

#: Seconds one request may take before the proxy gives up and restarts Oxigraph.
DEFAULT_TIMEOUT_S = 30.0
#: Largest response the proxy relays (bytes); a bigger one is refused as too large.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
_QUERY_PATHS = frozenset({"/query", "/sparql"})
_QUERY_TYPES = frozenset({"application/sparql-query", "application/x-www-form-urlencoded"})
_FORWARDED_HEADERS = ("Accept", "Content-Type")
_READ_ONLY = "this endpoint is read-only: SPARQL Update and Graph Store writes are refused"


class _Oxigraph:
    """The ``oxigraph serve-read-only`` child process on a private loopback port."""

    def __init__(self, location: Path, timeout_s: float) -> None:
        self.location = location
        self.timeout_s = timeout_s
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [
            _oxigraph_binary(), "serve-read-only",
            "--location", str(self.location),
            "--bind", f"127.0.0.1:{self.port}",
            "--timeout-s", str(max(1, int(self.timeout_s))),
        ]  # fmt: skip
        log.info("starting %s", " ".join(command))
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                error = (self.process.stderr.read() if self.process.stderr else b"").decode()
                raise StoreError(
                    f"oxigraph could not serve {self.location}: {error.strip() or 'it exited'}; "
                    "is a build still writing the store?"
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise StoreError(f"oxigraph did not start serving {self.location} within 15 s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def restart(self) -> None:
        """Stop the (runaway) process and start a fresh one on the same port."""
        with self.lock:
            log.warning("a query ran past %s s; restarting oxigraph to stop it", self.timeout_s)
            self.stop()
            self.start()


def _oxigraph_binary() -> str:
    """The ``oxigraph`` CLI installed next to this Python (venv) or on PATH."""
    beside = Path(sys.executable).with_name("oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ConfigError(
            "the oxigraph server binary is not installed; run `pip install oxigraph` "
            "in partnerkg's environment"
        )
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _store_folder(settings: Settings) -> Path:
    if "://" in settings.store:
        raise ConfigError(
            f"the store {settings.store} is already a SPARQL server; query it directly"
        )
    folder = Path(settings.store).expanduser()
    if not (folder / "CURRENT").is_file():
        raise StoreError(
            f"no store at {folder}; build one with `partnerkg build PATH --store {folder}`"
        )
    return folder


def _is_query_request(path: str, content_type: str, body: bytes) -> bool:
    """A POST that carries a query (not an update) to a query path."""
    if path not in _QUERY_PATHS or content_type not in _QUERY_TYPES:
        return False
    if content_type == "application/x-www-form-urlencoded":
        fields = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
        return "query" in fields and "update" not in fields
    return True


def _handler(oxigraph: _Oxigraph) -> type[BaseHTTPRequestHandler]:
    class Proxy(BaseHTTPRequestHandler):
        """Relays reads to Oxigraph within the time limit; refuses every write."""

        server_version = "partnerkg-sparql"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            parts = urllib.parse.urlsplit(self.path)
            if "update" in urllib.parse.parse_qs(parts.query):
                self._refuse()
                return
            self._relay(None)

        def do_HEAD(self) -> None:  # noqa: N802
            self.do_GET()

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            path = urllib.parse.urlsplit(self.path).path
            content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if not _is_query_request(path, content_type, body):
                self._refuse()
                return
            self._relay(body)

        def _refuse(self, *_: object) -> None:
            self._reply(403, b"text/plain; charset=utf-8", _READ_ONLY.encode())

        do_PUT = do_DELETE = do_PATCH = _refuse  # noqa: N815

        def _relay(self, body: bytes | None) -> None:
            headers = {h: v for h in _FORWARDED_HEADERS if (v := self.headers.get(h))}
            request = urllib.request.Request(
                oxigraph.url + self.path, data=body, headers=headers, method=self.command
            )
            deadline = time.monotonic() + oxigraph.timeout_s
            try:
                status, content_type, payload = _fetch(request, deadline)
            except TimeoutError:
                oxigraph.restart()  # before answering, so the client's next request is served
                self._reply(
                    503,
                    b"text/plain; charset=utf-8",
                    f"the query ran longer than {oxigraph.timeout_s:g} s and was stopped; "
                    "narrow it (LIMIT, more specific patterns)".encode(),
                )
                return
            except OSError as error:
                message = f"the SPARQL engine is unavailable: {error}"
                self._reply(502, b"text/plain; charset=utf-8", message.encode())
                return
            self._reply(status, content_type, payload)

        def _reply(self, status: int, content_type: bytes, payload: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type.decode("latin-1"))
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            log.info("%s %s", self.address_string(), format % args)

    return Proxy


def _fetch(request: urllib.request.Request, deadline: float) -> tuple[int, bytes, bytes]:
    """Status, content type and body of ``request``; ``TimeoutError`` past ``deadline``."""
    try:
        response = urllib.request.urlopen(request, timeout=max(0.1, deadline - time.monotonic()))
    except urllib.error.HTTPError as error:
        response = error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise TimeoutError from error
        raise
    with response:
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read(65536):
            size += len(chunk)
            if size > MAX_RESPONSE_BYTES:
                message = f"the result is larger than {MAX_RESPONSE_BYTES} bytes; add a LIMIT"
                return 507, b"text/plain; charset=utf-8", message.encode()
            chunks.append(chunk)
            if time.monotonic() > deadline:
                raise TimeoutError
        content_type = response.headers.get("Content-Type", "application/octet-stream")
        return response.status, content_type.encode("latin-1"), b"".join(chunks)


class Endpoint:
    """A running endpoint: ``url`` is the UI, ``query_url`` the SPARQL 1.1 query endpoint."""

    def __init__(self, server: ThreadingHTTPServer, oxigraph: _Oxigraph) -> None:
        self._server = server
        self._oxigraph = oxigraph
        address, port = server.server_address[:2]
        host = address.decode() if isinstance(address, bytes) else address
        self.url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
        self.query_url = self.url + "query"
        self.update_url = self.url + "update"


@contextmanager
def start_endpoint(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> Iterator[Endpoint]:
    """Run the endpoint in the background for the ``with`` block (``port=0``: any free port)."""
    oxigraph = _Oxigraph(_store_folder(settings), timeout_s)
    oxigraph.start()
    try:
        server = ThreadingHTTPServer((host, port), _handler(oxigraph))
    except OSError as error:
        oxigraph.stop()
        raise ConfigError(
            f"cannot listen on {host}:{port}: {error}; choose another --port"
        ) from error
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="sparql-proxy", daemon=True)
    thread.start()
    try:
        yield Endpoint(server, oxigraph)
    finally:
        server.shutdown()
        server.server_close()
        oxigraph.stop()


def serve_store(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> None:
    """Serve the store read-only until interrupted (Ctrl-C); loopback only unless ``host`` says.

    Parameters
    ----------
    settings : Settings
        ``settings.store`` must be a store folder built by ``partnerkg build``.
    host, port : str, int
        Where to listen; ``0.0.0.0`` exposes the endpoint to the network (read-only).
    timeout_s : float
        Longest a request may run before it is stopped.
    """
    with start_endpoint(settings, host, port, timeout_s) as endpoint:
        log.warning(
            "SPARQL endpoint %s (query UI at %s); Ctrl-C stops", endpoint.query_url, endpoint.url
        )
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            log.warning("stopping the endpoint")
