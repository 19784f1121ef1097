"""How ``mistrust serve`` speaks HTTP: uvicorn's httptools protocol, with each answer sent in one
socket write.

uvicorn writes an answer's status line and headers when the app sends ``http.response.start``
and its body when the app sends ``http.response.body``: two ``send`` calls for every answer,
each a trip through the kernel's TCP stack on the server and a wake-up of the client for each
segment. Sampled under 20 saturating clients (py-spy, ``/api/v1/screen``), those two writes were
a fifth of the server's samples, more than the screening itself. ``CorkedHttpToolsProtocol``
gives the protocol a transport that holds what is written until the event loop's next turn and
then writes it at once: the headers and body of an answer (sent one after the other, with
nothing to wait for between them) leave in one write, byte for byte what uvicorn would have sent
in two. A body past ``FLUSH_AT`` bytes is written at once, so a large or streamed answer still
meets the real transport's flow control (``pause_writing``) as it grows.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

FLUSH_AT = 64 * 1024  # bytes held before they are written without waiting for the loop's turn


class CorkedTransport:
    """A transport that gathers the writes of one turn of the event loop into one."""

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: list[bytes] = []
        self._size = 0

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not data:
            return
        if not self._held:
            self._loop.call_soon(self.flush)
        self._held.append(bytes(data))
        self._size += len(data)
        if self._size >= FLUSH_AT:
            self.flush()

    def writelines(self, chunks: Any) -> None:
        for chunk in chunks:
            self.write(chunk)

    def flush(self) -> None:
        if self._held:
            data = self._held[0] if len(self._held) == 1 else b"".join(self._held)
            self._held, self._size = [], 0
            if not self._transport.is_closing():
                self._transport.write(data)

    # what is held leaves before the connection is closed or half-closed
    def close(self) -> None:
        self.flush()
        self._transport.close()

    def write_eof(self) -> None:
        self.flush()
        self._transport.write_eof()

    def abort(self) -> None:
        self._held, self._size = [], 0
        self._transport.abort()

    def get_write_buffer_size(self) -> int:
        return self._size + self._transport.get_write_buffer_size()

    def __getattr__(self, name: str) -> Any:  # the rest (pause_reading, get_extra_info, ...) as is
        return getattr(self._transport, name)


class CorkedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol over a ``CorkedTransport``: one write per answer."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(CorkedTransport(transport, self.loop))  # type: ignore[arg-type]


# what ``serve`` passes to uvicorn (``http=``), and the tests' live server with it
HTTP_PROTOCOL = CorkedHttpToolsProtocol

__all__ = ["FLUSH_AT", "HTTP_PROTOCOL", "CorkedHttpToolsProtocol", "CorkedTransport"]
