"""A small Bot API server on 127.0.0.1: hands queued updates to getUpdates, records the rest."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from bot.offline_api import ApiCall, OfflineBotApi

# getUpdates holds a request open at most this long, so the bot's shutdown stays quick.
LONG_POLL_SECONDS = 0.5


class FakeBotApiServer:
    def __init__(self, token: str) -> None:
        self.token = token
        self.api = OfflineBotApi()
        self._updates: list[dict[str, Any]] = []
        self._arrived = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeBotApiServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def push(self, update: dict[str, Any]) -> None:
        with self._arrived:
            self._updates.append(update)
            self._arrived.notify_all()

    def wait_for(
        self, found: Callable[[list[ApiCall]], bool], timeout: float = 30.0
    ) -> list[ApiCall]:
        """Wait until the calls so far satisfy `found`; fail after `timeout`.

        The timeout is a deadline for a bot that never answers, not a measure of speed.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = list(self.api.calls)
            if found(calls):
                return calls
            time.sleep(0.05)
        raise AssertionError(
            f"the bot did not answer in {timeout}s; calls: {[c.method for c in self.api.calls]}"
        )

    def _get_updates(self, params: dict[str, Any]) -> dict[str, Any]:
        offset = int(params.get("offset", 0) or 0)
        with self._arrived:
            pending = [u for u in self._updates if u["update_id"] >= offset]
            if not pending:
                self._arrived.wait(LONG_POLL_SECONDS)
                pending = [u for u in self._updates if u["update_id"] >= offset]
        return {"ok": True, "result": pending}

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                token, _, method = self.path.removeprefix("/bot").partition("/")
                if token != server.token:
                    self._reply(
                        401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
                    )
                    return
                params = self._params()
                body = (
                    server._get_updates(params)
                    if method == "getUpdates"
                    else server.api.answer(method, params)
                )
                self._reply(200 if body["ok"] else int(body["error_code"]), body)

            def _params(self) -> dict[str, Any]:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0)).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    return json.loads(raw or "{}")
                return dict(parse_qsl(raw))

            def _reply(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                return  # keep test output quiet

        return Handler
