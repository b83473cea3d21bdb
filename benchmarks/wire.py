"""A counting TCP proxy for benchmarks: the bytes a browser and the app really exchange on the wire.

The DevTools protocol shows websocket messages before permessage-deflate; this proxy sits between the browser
and the server and counts what the connection carries after it (frame headers included, TCP/IP headers not),
as the server negotiates it with the browser (the app's .streamlit/config.toml turns compression on).
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit


class CountingProxy:
    """Forward every connection on a loopback port to the app and count the bytes each way."""

    def __init__(self, target: str):
        parts = urlsplit(target)
        self.target = (parts.hostname or "127.0.0.1", parts.port or 80)
        self.down = 0  # server to browser
        self.up = 0  # browser to server
        self.handshakes: list[bytes] = []  # the start of each server answer (websocket extensions agreed)
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def bytes(self, ways: tuple[str, ...] = ("in", "out")) -> int:
        """Bytes counted so far: "in" from the server, "out" from the browser."""
        with self._lock:
            return (self.down if "in" in ways else 0) + (self.up if "out" in ways else 0)

    def extensions(self) -> list[str]:
        """The Sec-WebSocket-Extensions the server answered with, one per websocket opened."""
        found = []
        for head in self.handshakes:
            for line in head.split(b"\r\n"):
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"sec-websocket-extensions":
                    found.append(value.strip().decode("latin-1"))
        return found

    def close(self) -> None:
        """Stop accepting; open connections end with the server."""
        self._stop.set()
        self._listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    def _pump(self, client: socket.socket, server: socket.socket) -> None:
        """Copy both ways until either side closes, counting as we go."""
        sel = selectors.DefaultSelector()
        sel.register(client, selectors.EVENT_READ, server)
        sel.register(server, selectors.EVENT_READ, client)
        first_answer = True
        try:
            while True:
                for key, _ in sel.select():
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
                    with self._lock:
                        if key.fileobj is server:
                            self.down += len(data)
                            if first_answer and data.startswith(b"HTTP/1.1 101"):
                                self.handshakes.append(data.split(b"\r\n\r\n")[0])
                            first_answer = False
                        else:
                            self.up += len(data)
        except OSError:
            return
        finally:
            sel.close()
            client.close()
            server.close()


@contextlib.contextmanager
def counting_proxy(target: str) -> Iterator[CountingProxy]:
    """A proxy to the app at target for the length of the block."""
    proxy = CountingProxy(target)
    try:
        yield proxy
    finally:
        proxy.close()
