#!/usr/bin/env python3
"""`statecraft serve` under load and under hostile clients, on 127.0.0.1.

1. Load: REQUESTS requests (default 2000) from CONCURRENCY client threads (default 64), each on
   its own keep-alive connection, alternating POST /api/run and POST /api/compare with small
   bodies: every answer must be 200 with the expected JSON. The server's resident memory
   (VmRSS of /proc/PID/status) is read after a warm-up and at the end; it must not grow by
   more than RSS_GROWTH_LIMIT_MB. Not one error is allowed. Answers state the server's true
   keep-alive limits.
2. A client that sends half a request and stalls is disconnected after the server's read timeout
   (serve --read-timeout 1), and the server keeps answering others meanwhile.
3. Finished jobs beyond the newest 100 are forgotten (polling UIs cannot grow the server).
4. An oversized body gets 413, malformed JSON and a malformed request line get 400, and paths
   that try to leave the compiled-in files ("..", encoded or not) never serve a file.
5. The server listens on 127.0.0.1 unless told otherwise.

usage: load_test.py BINARY [--requests N] [--concurrency C]
The full figure of docs/reliability.md is --requests 10000 --concurrency 64.
"""
import argparse
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

RSS_GROWTH_LIMIT_MB = 64
READ_TIMEOUT_SECONDS = 1
MAX_FINISHED_JOBS = 100  # ServerOptions::max_finished_jobs
BODIES = [
    ("/api/run", {"model": "compromise", "seed": 1, "save": False}),
    ("/api/compare", {"models": ["mean", "median", "weighted_median", "compromise"],
                      "save": False}),
    ("/api/run", {"model": "weighted_median", "plan": "china", "save": False}),
]


def check(condition, message):
    if not condition:
        raise SystemExit("FAIL " + message)
    print("ok - " + message, flush=True)


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise SystemExit("FAIL no VmRSS for the server")


def load(port, requests, concurrency):
    """Sends `requests` requests from `concurrency` threads; returns (errors, seconds)."""
    errors = []
    counter = iter(range(requests))
    lock = threading.Lock()

    def worker():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                index = next(counter, None)
            if index is None:
                break
            path, body = BODIES[index % len(BODIES)]
            try:
                connection.request("POST", path, json.dumps(body),
                                   {"Content-Type": "application/json"})
                response = connection.getresponse()
                data = response.read()
                if response.status != 200:
                    errors.append(f"{path}: {response.status} {data[:200]!r}")
                    continue
                answer = json.loads(data)
                expected = "models" if path == "/api/compare" else "outcome"
                if expected not in json.dumps(answer):
                    errors.append(f"{path}: no '{expected}' in the answer")
            except (OSError, http.client.HTTPException, ValueError) as error:
                errors.append(f"{path}: {type(error).__name__}: {error}")
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.close()

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors, time.monotonic() - started


def raw_request(port, data, timeout=30):
    """Sends raw bytes, returns everything the server answers before closing."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
        connection.sendall(data)
        chunks = []
        while True:
            try:
                chunk = connection.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def status_of(answer):
    match = re.match(rb"HTTP/1\.[01] (\d{3})", answer)
    return int(match.group(1)) if match else None


def post(port, path, body, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", path, body, headers or {"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


def check_quietly(condition, message):
    if not condition:
        raise SystemExit("FAIL " + message)


def get_status(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


def wait_for_job(port, job):
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", f"/api/jobs/{job}")
        answer = json.loads(connection.getresponse().read())
        connection.close()
        if answer["status"] != "running":
            check_quietly(answer["status"] == "done", f"job {job} finished: {answer}")
            return
        time.sleep(0.01)
    raise SystemExit(f"FAIL job {job} did not finish")


def start_server(binary, folder, read_timeout):
    """Starts `statecraft serve` on a free port; returns (process, host, port)."""
    arguments = [binary, "serve", "--port", "0", "--db", os.path.join(folder, "runs.sqlite")]
    if read_timeout is not None:
        arguments += ["--read-timeout", str(read_timeout)]
    server = subprocess.Popen(arguments, stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://([\d.]+):(\d+)/", line)
    if match is None:
        server.terminate()
        raise SystemExit(f"FAIL the server announces its address ({line.strip()})")
    return server, match.group(1), int(match.group(2))


def keep_alive_header(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("POST", "/api/run", json.dumps({"model": "mean", "save": False}),
                       {"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.getheader("Keep-Alive")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)

    with tempfile.TemporaryDirectory() as folder:
        # The load runs against a server with the default request deadline (10 s). A keep-alive
        # connection idle for longer than the deadline is closed by the server, and a client
        # that then sends on it fails (http.client writes the headers and the body separately:
        # the first write draws a reset, the second raises BrokenPipeError). With a deadline of
        # 1 s, 64 client threads sharing one interpreter on a busy machine sometimes paused that
        # long between two requests: that, not the server, was the cause of the errors once
        # measured at 10,000 x 64.
        server, host, port = start_server(binary, folder, None)
        try:
            check(host == "127.0.0.1", "it listens on 127.0.0.1 by default")
            check(keep_alive_header(port) == "timeout=10, max=100",
                  "answers state the server's keep-alive limits (timeout=10, max=100)")
            warm_up = min(500, args.requests)
            errors, _ = load(port, warm_up, args.concurrency)
            check(not errors, f"warm-up of {warm_up} requests: no errors {errors[:3]}")
            rss_before = rss_kb(server.pid)
            errors, seconds = load(port, args.requests, args.concurrency)
            rss_after = rss_kb(server.pid)
            print(f"# {args.requests} requests at concurrency {args.concurrency} in "
                  f"{seconds:.1f} s ({args.requests / seconds:.0f}/s); VmRSS "
                  f"{rss_before / 1024:.1f} MB -> {rss_after / 1024:.1f} MB", flush=True)
            check(not errors, f"{args.requests} requests: {len(errors)} errors {errors[:3]}")
            check(server.poll() is None, "the server is still running")
            growth_mb = (rss_after - rss_before) / 1024
            check(growth_mb <= RSS_GROWTH_LIMIT_MB,
                  f"resident memory grew by {growth_mb:.1f} MB (limit {RSS_GROWTH_LIMIT_MB} MB)")
        finally:
            server.terminate()
            server.wait(timeout=30)

        # Hostile clients, against a server with a short deadline so that the test is quick.
        server, _, port = start_server(binary, folder, READ_TIMEOUT_SECONDS)
        try:
            check(keep_alive_header(port) == f"timeout={READ_TIMEOUT_SECONDS}, max=100",
                  "the keep-alive timeout stated is --read-timeout")
            # A stalled client: half a request, then nothing. The server must hang up on it,
            # and answer others while it waits.
            stalled = socket.create_connection(("127.0.0.1", port), timeout=30)
            stalled.sendall(b"POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:" + str(port).encode() + b"\r\n"
                            b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"mo")
            status, _ = post(port, "/api/run", json.dumps({"model": "mean", "save": False}))
            check(status == 200, "others are answered while a client stalls")
            try:
                closed = stalled.recv(65536)
            except ConnectionResetError:
                closed = b""
            except socket.timeout:
                closed = None
            check(closed is not None and status_of(closed) in (None, 400, 408),
                  f"a client stalled mid-request is disconnected ({closed!r:.80})")
            stalled.close()
            idle = socket.create_connection(("127.0.0.1", port), timeout=30)
            try:
                idle_answer = idle.recv(65536)
            except (ConnectionResetError, socket.timeout) as error:
                idle_answer = error
            check(idle_answer == b"", "a connection that sends nothing is closed")
            idle.close()

            big = b'{"model": "mean", "pad": "' + b"x" * (5 * 1024 * 1024) + b'"}'
            answer = raw_request(port, b"POST /api/run HTTP/1.1\r\nHost: 127.0.0.1:" + str(port).encode() + b"\r\n"
                                 b"Content-Type: application/json\r\nContent-Length: " +
                                 str(len(big)).encode() + b"\r\n\r\n" + big)
            check(status_of(answer) == 413, f"an oversized body gets 413 ({answer[:40]!r})")

            status, data = post(port, "/api/run", '{"model": "mean", ')
            check(status == 400 and b"not valid JSON" in data, "malformed JSON gets 400")
            status, data = post(port, "/api/compare", '["not", "an", "object"]')
            check(status == 400 and b"expected a JSON object" in data,
                  "a JSON body that is not an object gets 400")
            status, data = post(port, "/api/run", json.dumps({"model": "nonsense"}))
            check(status == 400 and b"nonsense" in data, "an unknown model gets 400")
            answer = raw_request(port, b"GARBAGE\r\n\r\n")
            check(status_of(answer) == 400, f"a malformed request line gets 400 ({answer[:40]!r})")

            for path in [b"/../../etc/passwd", b"/%2e%2e/%2e%2e/etc/passwd",
                         b"/..%2f..%2fetc%2fpasswd", b"/static/../../etc/hostname",
                         b"/index.html/../../../etc/passwd", b"/..\\..\\etc\\passwd"]:
                answer = raw_request(port, b"GET " + path + b" HTTP/1.1\r\nHost: 127.0.0.1:" + str(port).encode() + b"\r\n"
                                     b"Connection: close\r\n\r\n")
                check(status_of(answer) in (400, 404) and b"root:" not in answer,
                      f"GET {path.decode()} serves no file ({status_of(answer)})")
            # Finished jobs are forgotten beyond the newest 100, so polling UIs cannot grow the
            # server without bound.
            jobs = []
            for _ in range(MAX_FINISHED_JOBS + 5):
                status, data = post(port, "/api/sweep",
                                    json.dumps({"model": "mean", "draws": 1, "save": False}))
                check_quietly(status == 202, f"a sweep job starts ({status} {data[:80]!r})")
                jobs.append(json.loads(data)["job"])
                wait_for_job(port, jobs[-1])
            check(get_status(port, f"/api/jobs/{jobs[-1]}") == 200, "the newest job is kept")
            check(get_status(port, f"/api/jobs/{jobs[0]}") == 404,
                  f"the oldest of {len(jobs)} finished jobs is forgotten")
            # Found by fuzz_http: a path that is not UTF-8 was echoed into the JSON error and
            # failed its serialisation (500).
            answer = raw_request(port, b"GET /index.h\xf1ml HTTP/1.1\r\nHost: 127.0.0.1:" + str(port).encode() + b"\r\n"
                                 b"Connection: close\r\n\r\n")
            body = answer.split(b"\r\n\r\n", 1)[-1]
            check(status_of(answer) == 404 and "error" in json.loads(body.decode()),
                  f"a path that is not UTF-8 gets 404 with a JSON error ({answer[:40]!r})")
            check(server.poll() is None, "the server survived every request")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
