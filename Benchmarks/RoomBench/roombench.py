#!/usr/bin/env python3
"""200 phones voting at once on one voting room, on loopback.

Starts `tillit-room`, shows a 1–5 card, lets N phones (each from its own
loopback address, 127.0.0.2…, as phones on a Wi-Fi each have their own) load
the page and then all vote in the same instant, reveals, and checks that the
tally holds every vote. Reports the vote latency p50/p99 over all rounds, the
tap → "thank you" page time, the CPU the room and this load generator used
(they share the machine's cores), and the room's resident memory.

A phone votes on the connection it loaded the page on, as a browser does
(HTTP/1.1 keep-alive); `--new-connection` opens a fresh one for each vote
instead (a phone whose connection was closed meanwhile), which adds 200 TCP
handshakes and teardowns to the same instant.
"""
import argparse, asyncio, json, os, random, resource, statistics, subprocess, sys, time, urllib.parse

def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]

async def http(source, port, request):
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
    writer.write(request)
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    body = await reader.readexactly(length) if length else b""
    writer.close()
    return head.decode(), body.decode()

async def exchange(reader, writer, request):
    """One request and its answer on an open connection (keep-alive)."""
    writer.write(request)
    await writer.drain()
    head = (await reader.readuntil(b"\r\n\r\n")).decode()
    length = 0
    for line in head.split("\r\n"):
        if line.lower().startswith("content-length:"):
            length = int(line.split(":")[1])
    body = await reader.readexactly(length) if length else b""
    return head, body.decode()

async def open_page(index, port, path):
    """Phone `index` (from its own address) loads the page: its connection, cookie and the form's values."""
    source = f"127.0.{2 + index // 250}.{2 + index % 250}"
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
    head, body = await exchange(reader, writer, f"GET {path} HTTP/1.1\r\nHost: room\r\n\r\n".encode())
    cookie = next(l.split(":", 1)[1].split(";")[0].strip() for l in head.split("\r\n") if l.lower().startswith("set-cookie:"))
    serial = body.split('name="card" value="')[1].split('"')[0]
    form_value = body.split('name="form" value="')[1].split('"')[0]
    return source, reader, writer, cookie, serial, form_value

async def phone(index, port, path, start, loaded, latencies, pages, statuses, new_connection):
    source, reader, writer, cookie, serial, form_value = await open_page(index, port, path)
    value = 1 + index % 5
    form = f"card={serial}&form={form_value}&value={value}".encode()
    # As a browser posts the page's form: with the cookie, the page's form value and its Origin.
    request = (f"POST {path}vote HTTP/1.1\r\nHost: room\r\nOrigin: http://room\r\nCookie: {cookie}\r\n"
               f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(form)}\r\n\r\n").encode() + form
    if new_connection:
        writer.close()
    loaded[0] += 1
    await start.wait()
    began = time.perf_counter()
    if new_connection:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
    head, _ = await exchange(reader, writer, request)
    latencies.append((time.perf_counter() - began) * 1000)
    statuses.append(head.split(" ")[1])
    # The 303 leads back to the page, which now says "thank you": what the person sees.
    _, body = await exchange(reader, writer, f"GET {path} HTTP/1.1\r\nHost: room\r\nCookie: {cookie}\r\n\r\n".encode())
    pages.append((time.perf_counter() - began) * 1000)
    if 'class="thanks"' not in body:
        statuses.append("no thanks")
    writer.close()
    return value

async def writer(index, port, path, start, loaded, latencies, pages, statuses):
    """A phone on a text card: loads the page, then sends one written answer (as a browser posts the
    text box's form) when all the others do, and loads the page that shows what it sent."""
    _, reader, writer, cookie, serial, form_value = await open_page(index, port, path)
    # About 140 characters with æøå, as people write: the form's body is percent-encoded UTF-8.
    text = f"Svar {index}: hvorfor spør vi så sjelden om hjelp når det står på? Vi er redde for å virke dumme, og det koster oss tid og krefter hver uke."
    form = ("card=" + serial + "&form=" + form_value + "&value=" + urllib.parse.quote(text, safe="")).encode()
    request = (f"POST {path}write HTTP/1.1\r\nHost: room\r\nOrigin: http://room\r\nCookie: {cookie}\r\n"
               f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(form)}\r\n\r\n").encode() + form
    loaded[0] += 1
    await start.wait()
    began = time.perf_counter()
    head, _ = await exchange(reader, writer, request)
    latencies.append((time.perf_counter() - began) * 1000)
    statuses.append(head.split(" ")[1])
    _, body = await exchange(reader, writer, f"GET {path} HTTP/1.1\r\nHost: room\r\nCookie: {cookie}\r\n\r\n".encode())
    pages.append((time.perf_counter() - began) * 1000)
    if 'class="mine"' not in body:
        statuses.append("not shown")
    writer.close()
    return text

async def written_round(room, port, path, phones, key):
    room.stdin.write((json.dumps({"show": {"card": {"key": key, "prompt": "Which questions are not asked here?",
        "language": "nb", "writes": True}}}) + "\n").encode())
    room.stdin.flush()
    await asyncio.sleep(0.2)
    start = asyncio.Event()
    latencies, pages, statuses, loaded = [], [], [], [0]
    tasks = [asyncio.create_task(writer(i, port, path, start, loaded, latencies, pages, statuses)) for i in range(phones)]
    while loaded[0] < phones and not any(t.done() for t in tasks):
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    room_before, own_before = cpu_ms(room.pid), own_cpu_ms()
    start.set()
    texts = await asyncio.gather(*tasks)
    cpu = (cpu_ms(room.pid) - room_before, own_cpu_ms() - own_before)
    room.stdin.write(b'{"reveal":{}}\n')
    room.stdin.flush()
    return latencies, pages, statuses, texts, cpu

def written_rounds(room, port, path, phones, rounds, loop):
    """`rounds` rounds of `phones` phones writing one answer each at once; the reveal must bring back every one."""
    all_latencies, all_pages, room_cpu, lost, refused = [], [], [], 0, 0
    for number in range(rounds):
        key = f"bench/text-{number}"
        latencies, pages, statuses, texts, cpu = loop.run_until_complete(written_round(room, port, path, phones, key))
        all_latencies += latencies
        all_pages += pages
        room_cpu.append(cpu[0])
        refused += sum(1 for s in statuses if s != "303")
        revealed = []
        while len(revealed) < len(texts):
            event = json.loads(room.stdout.readline())
            if "answer" in event and event["answer"]["card"] == key:
                revealed.append(event["answer"]["text"])
        lost += len(set(texts) - set(revealed))
        time.sleep(1.1)
    p50, p99 = percentile(all_latencies, 0.5), percentile(all_latencies, 0.99)
    return [
        f"| **Written answers** ({phones} phones each sending a 140-character answer at once on a text card; {rounds} rounds) |  |  |  |",
        f"| answers revealed | {phones * rounds - lost - refused} of {phones * rounds} | {lost} lost, {refused} refused | nothing lost: {'ok' if lost == 0 and refused == 0 else '**over**'} |",
        f"| answer latency p50 / p99 | {p50:.1f} / {p99:.1f} ms |  |  |",
        f"| send → page with the answer p50 / p99 | {percentile(all_pages, 0.5):.1f} / {percentile(all_pages, 0.99):.1f} ms |  |  |",
        f"| room CPU per round | {statistics.median(room_cpu):.0f} ms | median |  |",
    ], lost + refused

def cpu_ms(pid):
    """User + system CPU of a process so far, in ms."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

def own_cpu_ms():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (usage.ru_utime + usage.ru_stime) * 1000

def rss_kb(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0

async def round_trip(room, port, path, phones, key, new_connection):
    room.stdin.write((json.dumps({"show": {"card": {"key": key, "prompt": "How safe is it to speak up here?", "language": "en",
        "scale": {"min": 1, "max": 5, "low": "Not at all", "high": "Completely"}}}}) + "\n").encode())
    room.stdin.flush()
    await asyncio.sleep(0.2)
    start = asyncio.Event()
    latencies, pages, statuses, loaded = [], [], [], [0]
    tasks = [asyncio.create_task(phone(i, port, path, start, loaded, latencies, pages, statuses, new_connection))
             for i in range(phones)]
    # Every phone has the page open before any votes: then all vote in the same instant.
    while loaded[0] < phones and not any(t.done() for t in tasks):
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    room_before, own_before = cpu_ms(room.pid), own_cpu_ms()
    start.set()
    values = await asyncio.gather(*tasks)
    cpu = (cpu_ms(room.pid) - room_before, own_cpu_ms() - own_before)
    room.stdin.write(b'{"reveal":{}}\n')
    room.stdin.flush()
    expected = {}
    for value in values:
        expected[str(value)] = expected.get(str(value), 0) + 1
    return latencies, pages, statuses, expected, cpu

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--room", required=True, help="path of tillit-room")
    parser.add_argument("--phones", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--new-connection", action="store_true", help="each vote on a new TCP connection")
    parser.add_argument("--written", type=int, default=0, help="then this many phones write an answer each on a text card")
    parser.add_argument("--markdown", help="write the rows here too")
    args = parser.parse_args()
    room = subprocess.Popen([args.room, "--room-address", "127.0.0.1", "--language", "en"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    ready = None
    while ready is None:
        event = json.loads(room.stdout.readline())
        ready = event.get("ready")
    url = ready["url"]
    port = int(url.split(":")[2].split("/")[0])
    path = "/" + url.split("/", 3)[3]
    idle = rss_kb(room.pid, "VmRSS")
    all_latencies, all_pages, room_cpu, own_cpu, lost, refused = [], [], [], [], 0, 0
    loop = asyncio.new_event_loop()
    for number in range(args.rounds):
        key = f"bench/card-{number}"
        latencies, pages, statuses, expected, cpu = loop.run_until_complete(
            round_trip(room, port, path, args.phones, key, args.new_connection))
        all_latencies += latencies
        all_pages += pages
        room_cpu.append(cpu[0])
        own_cpu.append(cpu[1])
        refused += sum(1 for s in statuses if s != "303")
        while True:
            event = json.loads(room.stdout.readline())
            if "tally" in event and event["tally"]["card"] == key:
                tally = event["tally"]["counts"]
                break
        lost += sum(expected.values()) - sum(tally.values())
        if tally != expected:
            print(f"round {number}: tally {tally} != sent {expected}", file=sys.stderr)
        # A new round's phones come from the same addresses: the rate limit (per address, per second) forgets them.
        time.sleep(1.1)
    written_failures = 0
    if args.written:
        written_rows, written_failures = written_rounds(room, port, path, args.written, args.rounds, loop)
    peak = rss_kb(room.pid, "VmHWM")
    room.stdin.close()
    room.wait(timeout=5)
    p50, p99 = percentile(all_latencies, 0.5), percentile(all_latencies, 0.99)
    how = "each vote on a new connection" if args.new_connection else "each on the connection it loaded the page on"
    rows = [
        f"| **Voting room** ({args.phones} phones voting at once on loopback, each from its own address, {how}; {args.rounds} rounds) |  |  |  |",
        f"| votes counted | {args.phones * args.rounds - lost - refused} of {args.phones * args.rounds} | {lost} lost, {refused} refused | nothing lost: {'ok' if lost == 0 and refused == 0 else '**over**'} |",
        f"| vote latency p50 | {p50:.1f} ms |  |  |",
        f"| vote latency p99 | {p99:.1f} ms |  | < 50 ms: {'ok' if p99 < 50 else '**over**'} |",
        f"| tap → \"thank you\" page p50 / p99 | {percentile(all_pages, 0.5):.1f} / {percentile(all_pages, 0.99):.1f} ms | vote and the page after it |  |",
        f"| CPU per round: room / load generator | {statistics.median(room_cpu):.0f} / {statistics.median(own_cpu):.0f} ms | medians; both on the same {os.cpu_count()} cores |  |",
        f"| room RSS idle / peak | {idle / 1024:.1f} / {peak / 1024:.1f} MB |  |  |",
    ]
    if args.written:
        rows += written_rows
    print("\n".join(rows))
    if args.markdown:
        with open(args.markdown, "a") as file:
            file.write("\n".join(rows) + "\n")
    sys.exit(0 if lost == 0 and refused == 0 and written_failures == 0 else 1)

if __name__ == "__main__":
    main()
