#!/usr/bin/env python3
"""A phone votes while hostile connections hold the room (issue 26, item 6).

Starts `tillit-room` with a descriptor limit of 1,024: soft and hard, as
`ulimit -n 1024` (the audit's case), or with `--soft-only` the soft limit
alone, as most systems start a program (the room then raises it). Shows a 1–5 card, opens SLOW connections that each send half
a request line and then nothing (from 127.0.1.2…, 16 to an address), keeps
that many open for the whole run (reopening any the room closes), and every
quarter second lets one phone (127.0.0.2) load the page and vote on a fresh
connection. Reports the phone's page + vote time (median, p90, max) and how
many of its tries failed. Loopback only; bounded in connections and time.

    python3 Benchmarks/RoomBench/slowbench.py --room PATH [--slow 1000] [--seconds 12]
        [--descriptors 1024] [--soft-only] [--max-median-ms 50]
"""
import argparse, json, resource, selectors, socket, statistics, subprocess, sys, time

def slow_connection(port, index):
    source = f"127.0.{1 + index // 4000}.{2 + (index // 16) % 250}"
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    s.bind((source, 0))
    try:
        s.connect(("127.0.0.1", port))
    except BlockingIOError:
        pass
    return s

def phone_votes(port, path, timeout):
    """Page, then vote; seconds taken, or None when either failed."""
    began = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout, source_address=("127.0.0.2", 0)) as s:
            s.sendall(f"GET {path} HTTP/1.1\r\nHost: room\r\n\r\n".encode())
            head, body = read_answer(s)
            cookie = next(l.split(":", 1)[1].split(";")[0].strip() for l in head.split("\r\n") if l.lower().startswith("set-cookie:"))
            serial = body.split('name="card" value="')[1].split('"')[0]
            form_value = body.split('name="form" value="')[1].split('"')[0]
            form = f"card={serial}&form={form_value}&value=4".encode()
            # As a browser posts the page's form: the cookie, the page's form value and its Origin.
            s.sendall((f"POST {path}vote HTTP/1.1\r\nHost: room\r\nOrigin: http://room\r\nCookie: {cookie}\r\n"
                       f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(form)}\r\n\r\n").encode() + form)
            head, _ = read_answer(s)
            if " 303 " not in head.split("\r\n")[0] + " ":
                return None
    except (OSError, StopIteration, IndexError):
        return None
    return time.perf_counter() - began

def read_answer(s):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            raise OSError("closed")
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    length = next((int(l.split(b":")[1]) for l in head.split(b"\r\n") if l.lower().startswith(b"content-length:")), 0)
    while len(rest) < length:
        chunk = s.recv(65536)
        if not chunk:
            raise OSError("closed")
        rest += chunk
    return head.decode(), rest.decode()

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--room", required=True)
    parser.add_argument("--slow", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=12)
    parser.add_argument("--descriptors", type=int, default=1024)
    parser.add_argument("--soft-only", action="store_true", help="limit the soft descriptor limit only, not the hard one")
    parser.add_argument("--max-median-ms", type=float, default=None, help="fail when the median is above this")
    args = parser.parse_args()
    assert args.slow <= 4000 and args.seconds <= 120, "bounded"
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, args.slow + 256)), hard))
    limit = args.descriptors
    room_limits = (limit, hard if args.soft_only else limit)
    room = subprocess.Popen([args.room, "--room-address", "127.0.0.1", "--language", "en"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, room_limits))
    ready = json.loads(room.stdout.readline())["ready"]
    port = int(ready["url"].split(":")[2].split("/")[0])
    path = "/" + ready["url"].split("/", 3)[3]
    room.stdin.write((json.dumps({"show": {"card": {"key": "bench/slow", "prompt": "How safe is it to speak up here?",
        "language": "en", "scale": {"min": 1, "max": 5, "low": "Not at all", "high": "Completely"}}}}) + "\n").encode())
    room.stdin.flush()

    selector = selectors.DefaultSelector()
    opened = reopened = 0
    def open_one(index):
        nonlocal opened
        s = slow_connection(port, index)
        selector.register(s, selectors.EVENT_WRITE | selectors.EVENT_READ, (index, False))
        opened += 1
    for index in range(args.slow):
        open_one(index)
    times, failures = [], 0
    end = time.monotonic() + args.seconds
    next_vote = time.monotonic() + 1.0
    while time.monotonic() < end:
        for key, events in selector.select(timeout=0.05):
            index, sent = key.data
            s = key.fileobj
            if events & selectors.EVENT_WRITE and not sent:
                try:
                    s.send(b"GET /half-a-line")
                except OSError:
                    pass
                selector.modify(s, selectors.EVENT_READ, (index, True))
            elif events & selectors.EVENT_READ:
                try:
                    closed = s.recv(4096) == b""
                except OSError:
                    closed = True
                if closed:
                    selector.unregister(s)
                    s.close()
                    reopened += 1
                    open_one(index)
        if time.monotonic() >= next_vote:
            took = phone_votes(port, path, timeout=5)
            if took is None:
                failures += 1
            else:
                times.append(took * 1000)
            next_vote = time.monotonic() + 0.25
    room.stdin.close()
    room.wait(timeout=10)
    times.sort()
    if times:
        print(f"slow connections: {args.slow}; the room's descriptor limit at start: soft {room_limits[0]}, hard {room_limits[1]}; "
              f"reopened after the room closed them: {reopened}")
        print(f"phone page + vote: median {statistics.median(times):.1f} ms, p90 {times[int(0.9 * (len(times) - 1))]:.1f} ms, "
              f"max {times[-1]:.1f} ms over {len(times)} votes; failed: {failures}")
    else:
        print(f"phone page + vote: every one of {failures} tries failed")
    slow_enough = args.max_median_ms is not None and times and statistics.median(times) > args.max_median_ms
    sys.exit(0 if times and failures == 0 and not slow_enough else 1)

main()
