"""How ``mistrust serve`` speaks HTTP: uvicorn's httptools protocol, with each answer sent in one
socket write; and how ``serve --workers N`` shares the connections among its worker processes.

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

**Workers.** uvicorn's ``--workers`` gives every worker one shared listening socket, and the
kernel hands each new connection to whichever worker's wait it wakes: an idle worker that has just
taken a connection is the one woken for the next, so connections made together pile onto one
worker (under 20 clients on Postgres the busiest of two spent 50 - 100% of the server's CPU, a
keep-alive connection staying where it landed). A listening socket per worker (``SO_REUSEPORT``)
spreads them by a hash of their addresses instead: 20 connections landed 6 to 14 as often as 10
to 10, and the busier worker's clients wait behind more of the others. So ``run_workers``' own
process accepts every connection on one socket and hands it to the next worker in turn, its file
descriptor sent over a Unix socket (``Dealer``, ``HandedServer``): 20 connections land 10 and 10,
at the cost of one ``sendmsg`` a connection (not a request). A worker that dies is started again
and passed over meanwhile; one that fails to start stops the server. Where descriptors cannot be
passed (Windows), each worker listens on a socket of its own, or shares one, as before.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import multiprocessing
import signal
import socket
import threading
import time
from typing import Any

import uvicorn
from uvicorn.config import STARTUP_FAILURE
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

log = logging.getLogger("uvicorn.error")

FLUSH_AT = 64 * 1024  # bytes held before they are written without waiting for the loop's turn
STOP_TIMEOUT = 60.0  # seconds a worker has to finish after SIGTERM before it is killed


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


def listening_sockets(host: str, port: int, n: int, backlog: int = 2048) -> list[socket.socket]:
    """``n`` sockets bound to one address with ``SO_REUSEPORT`` (port 0: the port the first got),
    listening already: the kernel spreads connections only over sockets that listen, so had each
    worker started listening when ready, the first one up would have taken every connection made
    before the others (and kept them: keep-alive). A connection hashed to a worker still starting
    waits in its socket's backlog. Where the system has no ``SO_REUSEPORT`` (Windows), one socket
    ``n`` times: the workers share it, as uvicorn's do."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    reuse_port = getattr(socket, "SO_REUSEPORT", None)
    out: list[socket.socket] = []
    for _ in range(n if reuse_port is not None else 1):
        sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if reuse_port is not None:
            sock.setsockopt(socket.SOL_SOCKET, reuse_port, 1)
        sock.bind((host, port))
        sock.listen(backlog)
        port = sock.getsockname()[1]
        sock.set_inheritable(True)
        out.append(sock)
    return out if len(out) == n else out * n


class HandedServer(uvicorn.Server):
    """uvicorn's server over the connections the supervisor hands it (``run_workers``), one file
    descriptor at a time through ``channel``, instead of a listening socket of its own."""

    def __init__(self, config: uvicorn.Config, channel: socket.socket) -> None:
        super().__init__(config)
        self.channel = channel

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=[])  # the app's lifespan, and no listening socket
        config = self.config
        # as uvicorn's own startup makes its protocols
        protocol = functools.partial(config.http_protocol_class, config=config,  # type: ignore[call-arg]
                                     server_state=self.server_state, app_state=self.lifespan.state)
        loop = asyncio.get_running_loop()
        self.channel.setblocking(False)
        loop.add_reader(self.channel.fileno(), self._take, loop, protocol)

    def _take(self, loop: asyncio.AbstractEventLoop, protocol: Any) -> None:
        while True:
            try:  # a byte and a descriptor each: no read ever spans two connections
                data, fds, _, _ = socket.recv_fds(self.channel, 1, 1)
            except BlockingIOError:
                return
            if not data:  # the supervisor has gone: stop as on SIGTERM
                loop.remove_reader(self.channel.fileno())
                self.should_exit = True
                return
            for fd in fds:
                loop.create_task(loop.connect_accepted_socket(protocol, socket.socket(fileno=fd)))

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self.channel.fileno() >= 0:
            asyncio.get_running_loop().remove_reader(self.channel.fileno())  # take no more connections
            self.channel.close()
        await super().shutdown(sockets)


def _worker(config: uvicorn.Config, sock: socket.socket, handed: bool) -> None:
    """One worker process: uvicorn's server over the connections handed to it through ``sock``, or
    over a listening socket of its own (as uvicorn's own workers start)."""
    config.configure_logging()
    if handed:
        HandedServer(config, sock).run()
    else:
        uvicorn.Server(config).run(sockets=[sock])


HANDS_OVER = hasattr(socket, "send_fds") and hasattr(socket, "AF_UNIX")  # POSIX: descriptors pass between processes


class Dealer:
    """The supervisor's side of handed connections: accepts on the one listening socket and hands
    each connection to the next worker in turn, so 20 connections made at once land 10 and 10."""

    def __init__(self, listener: socket.socket, workers: int) -> None:
        self.listener = listener
        self.channels: list[socket.socket | None] = [None] * workers
        self._turn = 0

    def channel_for(self, i: int) -> socket.socket:
        """A new channel to worker ``i``; returns the worker's end (the old channel closes)."""
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        old, self.channels[i] = self.channels[i], mine
        if old is not None:
            old.close()
        return theirs

    def run(self, stop: threading.Event) -> None:
        self.listener.settimeout(0.5)  # looks at ``stop`` between connections
        while not stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError as exc:  # out of descriptors, a connection reset while queued: say so, go on
                if stop.is_set():
                    return
                log.error("accepting a connection failed: %s", exc)
                time.sleep(0.1)
                continue
            with conn:
                # as asyncio sets it on the connections it accepts (the option is the connection's,
                # so it holds in the worker): an answer's one write is not held back for an ACK
                conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self._hand(conn)

    def _hand(self, conn: socket.socket) -> None:
        n = len(self.channels)
        for _ in range(n):  # a worker that has gone (being started again) is passed over
            channel = self.channels[self._turn % n]
            self._turn += 1
            if channel is None:
                continue
            try:
                socket.send_fds(channel, [b"c"], [conn.fileno()])
                return
            except OSError:
                continue
        log.warning("no worker took a connection: closed")


def run_workers(config: uvicorn.Config, workers: int, ready: threading.Event | None = None,
                stop: threading.Event | None = None) -> int:
    """Serve ``config`` (an app factory given as an import string) in ``workers`` processes, the
    connections handed to each in turn by this process (``Dealer``; where descriptors cannot pass,
    each worker on a listening socket of its own), until SIGINT or SIGTERM (or ``stop``); returns
    an exit status. ``ready``
    is set once every worker process is started, before they serve (for tests)."""
    if HANDS_OVER:
        socks = listening_sockets(config.host, config.port, 1, config.backlog)
        dealer: Dealer | None = Dealer(socks[0], workers)
    else:
        socks, dealer = listening_sockets(config.host, config.port, workers, config.backlog), None
    spawn = multiprocessing.get_context("spawn")  # as uvicorn: a worker imports the app afresh
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, lambda *_: stop.set())

    def start(i: int) -> Any:
        sock = socks[i] if dealer is None else dealer.channel_for(i)
        process = spawn.Process(target=_worker, args=(config, sock, dealer is not None), daemon=False)
        process.start()
        if dealer is not None:
            sock.close()  # the worker has its own copy
        return process

    status = 0
    procs = [start(i) for i in range(workers)]
    if dealer is not None:
        dealing = threading.Thread(target=dealer.run, args=(stop,), name="mistrust-dealer", daemon=True)
        dealing.start()
    log.info("Serving on %s:%d with %d workers, %s", config.host, socks[0].getsockname()[1], workers,
             "connections handed to each in turn" if dealer is not None else "a listening socket each")
    if ready is not None:
        ready.set()
    while not stop.wait(0.5):
        for i, process in enumerate(procs):
            if process.is_alive():
                continue
            if process.exitcode == STARTUP_FAILURE:  # the app or the workspace is broken: every restart would fail
                log.error("worker %s failed to start; stopping", process.pid)
                status = STARTUP_FAILURE
                stop.set()
                break
            log.warning("worker %s ended (exit code %s); starting another in its place", process.pid,
                        process.exitcode)
            procs[i] = start(i)
    for process in procs:
        process.terminate()  # SIGTERM: each worker finishes its requests and writes its audit rows
    for process in procs:
        process.join(STOP_TIMEOUT)
        if process.is_alive():  # stuck (a connection that never closes): stopping must not hang
            log.error("worker %s did not stop within %g s; killing it", process.pid, STOP_TIMEOUT)
            process.kill()
            process.join()
    for sock in set(socks):
        sock.close()
    return status


__all__ = ["FLUSH_AT", "HTTP_PROTOCOL", "CorkedHttpToolsProtocol", "CorkedTransport", "listening_sockets",
           "run_workers"]
