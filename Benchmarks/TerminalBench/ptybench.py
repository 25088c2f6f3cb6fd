#!/usr/bin/env python3
"""Terminal benchmarks for tillit, run by scripts/bench.

Every program is started in a pseudo-terminal of its own (no tmux, no terminal
emulator in the way): the clock starts just before the fork and stops when the
text we wait for has come out of the pty, escape sequences and blanks removed.

  frame   launch to first card (`tillit start`) and to the home screen (bare
          `tillit`), beside `dialog --msgbox` with the card's prompt,
          alternating run by run; idle RSS of each once it shows.
  startup instructions up to the end of the first frame (callgrind), and
          where they go.
  keys    `tillit-devtools bench-keys` in a 200x60 pty: key to screen, RSS growth.
  cg      instructions per key press with valgrind --tool=callgrind.

Everything is printed as a Markdown table and written to BENCHMARKS.md.
"""
import argparse
import datetime
import fcntl
import json
import os
import platform
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ESCAPES = re.compile(rb"\x1b\[[0-9;?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()*+][0-~]|\x1b[@-Z\\-_=>78]")
BLANKS = re.compile(r"\s+")


def note(text):
    print(text, file=sys.stderr, flush=True)


def squeeze(text):
    return BLANKS.sub("", text)


class PtyRun:
    """One program in a pty of `cols` x `rows`; its output is drained as it comes."""

    def __init__(self, argv, env, cols, rows):
        self.output = bytearray()
        self.started = time.perf_counter()
        pid, fd = os.forkpty()
        if pid == 0:
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.status = None

    def pump(self, timeout):
        """Reads what is there (waiting up to `timeout` s); False once the pty is closed."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.output += data
        return True

    def wait_for(self, needle, timeout=20.0):
        """Seconds from launch until `needle` (blanks ignored) is on screen, or None."""
        needle = squeeze(needle)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if not self.pump(0.05):
                break
            text = ESCAPES.sub(b"", bytes(self.output)).decode("utf-8", "ignore")
            if needle in squeeze(text):
                return time.perf_counter() - self.started
        return None

    def drain(self, seconds):
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            if not self.pump(max(0.0, end - time.perf_counter())):
                return

    def proc_kb(self, file, field):
        """A figure in kB from /proc/PID/<file> (`status`, `smaps_rollup`), or None."""
        try:
            with open(f"/proc/{self.pid}/{file}") as lines:
                for line in lines:
                    if line.startswith(field + ":"):
                        return int(line.split()[1])
        except OSError:
            pass
        return None

    def rss_kb(self):
        return self.proc_kb("status", "VmRSS")

    def anonymous_kb(self):
        """Private memory the process made itself (heap, stacks, written data): the part of
        RSS that is not pages of files it maps (its own code and that of shared libraries)."""
        return self.proc_kb("smaps_rollup", "Anonymous")

    def stop(self, sig=signal.SIGTERM, timeout=5.0):
        if self.status is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            self.finish(timeout)
        try:
            os.close(self.fd)
        except OSError:
            pass

    def finish(self, timeout):
        deadline = time.perf_counter() + timeout
        while self.status is None:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.status = status
                break
            if time.perf_counter() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                _, self.status = os.waitpid(self.pid, 0)
                break
            self.pump(0.02)
        return self.status


def base_env(home=None):
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "TERM": "xterm-256color", "LANG": "C.UTF-8",
           "HOME": home or tempfile.gettempdir()}
    if home:
        env["TILLIT_HOME"] = home
    if os.environ.get("TILLIT_CARDS"):
        env["TILLIT_CARDS"] = os.environ["TILLIT_CARDS"]
    return env


# MARK: fixtures

def big_deck(folder, cards=1000):
    """A valid deck of `cards` cards (about 190 kB, under the 250 kB limit), id `stor`."""
    lines = ["id: stor", "version: 1", "title: { nb: Stor kortstokk, en: Big deck }",
             "audience: [one-on-one]", "cards:"]
    for number in range(1, cards + 1):
        lines.append(f"  - id: k{number}")
        lines.append(f"    prompt: {{ nb: \"Hva gir deg energi i uke {number}?\", en: \"What gives you energy in week {number}?\" }}")
        if number % 10 == 0:
            lines.append("    answer: { scale: { min: 1, max: 5 } }")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "stor.yaml")
    with open(path, "w") as file:
        file.write("\n".join(lines) + "\n")
    return path


def many_talks(tillit, home, count=10000):
    """`count` talks in `home`, copies of a real one; the newest is unfinished."""
    note(f"  writing {count} talks for the resume benchmark…")
    run = PtyRun([tillit, "start", "--deck", "selvledelse", "--lang", "nb",
                  "--participant", "Kari:leader", "--participant", "Ola:employee"], base_env(home), 100, 30)
    if run.wait_for("1 / 14") is None:
        raise SystemExit("tillit start did not show its first card:\n" + run.output.decode("utf-8", "replace"))
    run.stop()
    folder = os.path.join(home, "sessions")
    (name,) = [n for n in os.listdir(folder) if n.endswith(".json")]
    with open(os.path.join(folder, name)) as file:
        template = json.load(file)
    os.remove(os.path.join(folder, name))
    for suffix in (".lock",):
        try:
            os.remove(os.path.join(folder, name[:-5] + suffix))
        except FileNotFoundError:
            pass
    start = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.timezone.utc)
    for index in range(count):
        created = start - datetime.timedelta(hours=count - index)
        stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
        talk = dict(template)
        talk["id"] = created.strftime("%Y-%m-%d-%H%M-") + f"{index:04x}"
        talk["createdAt"] = talk["updatedAt"] = stamp
        if index < count - 1:
            talk["finishedAt"] = stamp
        else:
            talk.pop("finishedAt", None)
        path = os.path.join(folder, talk["id"] + ".json")
        with open(path, "w") as file:
            json.dump(talk, file, indent=2, sort_keys=True, ensure_ascii=False)
            file.write("\n")
        os.chmod(path, 0o600)


# MARK: frame

def prompt_of_first_card(lang="nb"):
    with open(os.path.join(ROOT, "Cards", "selvledelse.yaml")) as file:
        text = file.read()
    match = re.search(r"prompt:\s*\n\s*nb:\s*\"([^\"]+)\"", text)
    return match.group(1)


def process_ms(argv, runs):
    """Median wall time of a program that prints and exits (no terminal)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=base_env())
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


# The last line of the home screen's menu (nb), so the whole menu is out.
HOME_NEEDLE = "Avslutt"


def frame(args):
    prompt = prompt_of_first_card()
    needle = " ".join(prompt.split()[:4])  # the first line of the box in dialog as well
    cases = []
    scratch = tempfile.mkdtemp(prefix="tillit-bench-frame-")
    start_args = ["start", "--deck", "selvledelse", "--lang", "nb",
                  "--participant", "Kari:leader", "--participant", "Ola:employee"]

    def fresh_home():
        return tempfile.mkdtemp(prefix="home-", dir=scratch)

    cases.append(("dialog --msgbox", lambda: ([args.dialog, "--msgbox", prompt, "10", "60"], base_env(), needle)))
    for label, binary in args.tillit:
        cases.append((f"tillit start ({label})",
                      lambda binary=binary: ([binary] + start_args, base_env(fresh_home()), needle)))
    for label, binary in args.tillit:
        cases.append((f"tillit, home screen ({label})",
                      lambda binary=binary: ([binary], dict(base_env(fresh_home()), LC_MESSAGES="nb_NO.UTF-8"), HOME_NEEDLE)))
    main_binary = args.tillit[0][1]
    if args.scale:
        deck_home = os.path.join(scratch, "deck-home")
        big_deck(os.path.join(deck_home, "decks"))
        big_needle = "Hva gir deg energi i uke 1?"

        def big_case():
            home = fresh_home()
            shutil.copytree(os.path.join(deck_home, "decks"), os.path.join(home, "decks"))
            return ([main_binary, "start", "--deck", "stor", "--lang", "nb"], base_env(home), big_needle)
        cases.append(("tillit start, 1,000-card deck", big_case))
        many_home = os.path.join(scratch, "many-home")
        many_talks(main_binary, many_home, args.talks)
        cases.append((f"tillit resume, newest of {args.talks:,} talks",
                      lambda: ([main_binary, "resume", "--lang", "nb"], base_env(many_home), needle)))

    times = {name: [] for name, _ in cases}
    rss = {name: [] for name, _ in cases}
    private = {name: [] for name, _ in cases}
    note(f"first frame: {args.runs} rounds of {len(cases)} programs, alternating, in a {args.cols}x{args.rows} pty")
    for round_number in range(args.runs + 1):
        # Each round in a different order, so no program always follows the same one.
        order = cases[round_number % len(cases):] + cases[:round_number % len(cases)]
        for name, make in order:
            argv, env, text = make()
            run = PtyRun(argv, env, args.cols, args.rows)
            seconds = run.wait_for(text)
            if seconds is None:
                run.stop(signal.SIGKILL)
                raise SystemExit(f"{name}: '{text}' never appeared; it printed:\n"
                                 + ESCAPES.sub(b"", bytes(run.output)).decode("utf-8", "replace")[-2000:])
            run.drain(args.idle)
            kb = run.rss_kb()
            anon = run.anonymous_kb()
            run.stop()
            if round_number == 0:
                continue  # a warm-up round: page cache, dynamic loader
            times[name].append(seconds * 1000)
            if kb:
                rss[name].append(kb)
            if anon:
                private[name].append(anon)
    shutil.rmtree(scratch, ignore_errors=True)
    result = {name: {"median_ms": statistics.median(times[name]), "min_ms": min(times[name]),
                     "max_ms": max(times[name]), "runs": len(times[name]),
                     "rss_mb": statistics.median(rss[name]) / 1024 if rss[name] else None,
                     "anon_mb": statistics.median(private[name]) / 1024 if private[name] else None}
              for name, _ in cases}
    return result


# MARK: keys

def keys(args, presenting=False):
    out = tempfile.NamedTemporaryFile(prefix="tillit-keys-", suffix=".json", delete=False).name
    home = tempfile.mkdtemp(prefix="tillit-bench-keys-")
    what = "the shared screen" if presenting else "the card screen"
    note(f"key to screen, {what}: {args.presses} presses in a 200x60 pty…")
    run = PtyRun([args.devtools, "bench-keys", "--presses", str(args.presses), "--output", out]
                 + (["--presenting"] if presenting else []),
                 base_env(home), 200, 60)
    while run.pump(1.0):
        pass
    status = run.finish(10)
    run.stop()
    shutil.rmtree(home, ignore_errors=True)
    if status != 0:
        raise SystemExit("bench-keys failed:\n" + run.output.decode("utf-8", "replace")[-3000:])
    with open(out) as file:
        result = json.load(file)
    os.remove(out)
    return result


# MARK: callgrind

def callgrind(args):
    binary = args.cg_devtools or args.devtools
    home = tempfile.mkdtemp(prefix="tillit-bench-cg-")
    totals = {}
    top = ""
    for presses in (args.cg_presses, 2 * args.cg_presses):
        out = os.path.join(home, f"callgrind.{presses}")
        note(f"callgrind: bench-keys --presses {presses}…")
        run = PtyRun(["/usr/bin/valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                      binary, "bench-keys", "--presses", str(presses), "--warmup", "50"],
                     base_env(home), 200, 60)
        while run.pump(1.0):
            pass
        status = run.finish(60)
        run.stop()
        if status != 0 or not os.path.exists(out):
            raise SystemExit("callgrind run failed:\n" + run.output.decode("utf-8", "replace")[-3000:])
        with open(out) as file:
            for line in file:
                if line.startswith("summary:") or line.startswith("totals:"):
                    totals[presses] = int(line.split()[1])
        if presses == 2 * args.cg_presses and shutil.which("callgrind_annotate"):
            annotated = subprocess.run(["callgrind_annotate", "--inclusive=no", out],
                                       capture_output=True, text=True).stdout.splitlines()
            # The function lines only, below the header, with Swift names demangled.
            start = next((i + 2 for i, line in enumerate(annotated) if line.startswith("Ir") and "file:function" in line), 0)
            lines = [re.sub(r"\s*\[/[^\]]*\]$", "", line).replace("???:", "") for line in annotated[start:start + 25] if line.strip()]
            demangler = shutil.which("swift-demangle") or shutil.which("swift")
            if demangler:
                command = [demangler, "--simplified"] if demangler.endswith("swift-demangle") else [demangler, "demangle", "--simplified"]
                lines = subprocess.run(command, input="\n".join(lines), capture_output=True, text=True).stdout.splitlines() or lines
            total = next((line.split()[0] for line in annotated if "PROGRAM TOTALS" in line), "?")
            top = "\n".join([f"{total} instructions in all ({presses} presses plus start-up)", ""] + [l[:150] for l in lines])
    shutil.rmtree(home, ignore_errors=True)
    per_press = (totals[2 * args.cg_presses] - totals[args.cg_presses]) / args.cg_presses
    return {"per_press": per_press, "totals": totals, "top": top}


# MARK: start-up instructions

# Terminal.draw(_:) of TillitTerminal: the profile is dumped when the first call returns.
DRAW_SYMBOL = "$s14TillitTerminal0B0C4drawyy0A2UI4GridVF"
START_ARGS = ["start", "--deck", "selvledelse", "--lang", "nb", "--participant", "Kari:leader", "--participant", "Ola:employee"]
STARTUP_FORMS = [("tillit start", START_ARGS), ("tillit (home screen)", []), ("tillit --version", ["--version"])]


def demangled(lines):
    demangler = shutil.which("swift-demangle") or shutil.which("swift")
    if not demangler:
        return lines
    command = [demangler, "--simplified"] if demangler.endswith("swift-demangle") else [demangler, "demangle", "--simplified"]
    return subprocess.run(command, input="\n".join(lines), capture_output=True, text=True).stdout.splitlines() or lines


def startup_profile(binary, argv, label):
    """Instructions (all threads) from exec to the end of the first frame's draw, or
    to the exit for a command that draws none; and the biggest inclusive costs."""
    home = tempfile.mkdtemp(prefix="tillit-bench-startup-")
    out = os.path.join(home, "callgrind.out")
    note(f"callgrind: start-up of {label}…")
    run = PtyRun(["/usr/bin/valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                  f"--dump-after={DRAW_SYMBOL}", binary] + argv, base_env(home), 100, 30)
    deadline = time.perf_counter() + 120
    while run.status is None and not os.path.exists(out + ".1") and time.perf_counter() < deadline:
        run.pump(0.2)
        done, status = os.waitpid(run.pid, os.WNOHANG)
        if done:
            run.status = status
    time.sleep(0.5)  # the dump is written whole before the file is renamed into place
    run.stop(signal.SIGKILL)
    profile = out + ".1" if os.path.exists(out + ".1") else out
    if not os.path.exists(profile):
        raise SystemExit(f"callgrind of {label} wrote no profile:\n" + run.output.decode("utf-8", "replace")[-2000:])
    total = None
    with open(profile) as file:
        for line in file:
            if line.startswith("totals:") or line.startswith("summary:"):
                total = int(line.split()[1])
    lines = []
    if shutil.which("callgrind_annotate"):
        annotated = subprocess.run(["callgrind_annotate", "--inclusive=yes", profile],
                                   capture_output=True, text=True).stdout.splitlines()
        start = next((i + 2 for i, line in enumerate(annotated) if line.startswith("Ir") and "file:function" in line), 0)
        lines = [re.sub(r"\s*\[/[^\]]*\]$", "", line).replace("???:", "") for line in annotated[start:start + 60] if line.strip()]
        lines = [l for l in demangled(lines) if not re.search(r"0x[0-9a-f]{8,}|below main|libc-start|libc_start|thunk for|partial apply|protocol witness", l)][:22]
    shutil.rmtree(home, ignore_errors=True)
    return {"total": total, "top": "\n".join(["{:,} instructions ({})".format(total, label), ""] + [l[:140] for l in lines])}


def startup(args):
    """Each form of start-up for each binary given with --cg-tillit."""
    result = {}
    for label, binary in args.cg_tillit:
        for form, argv in STARTUP_FORMS:
            result[(label, form)] = startup_profile(binary, argv, f"{form}, {label}")
    return result


# MARK: report

KEPT_MARKER = "<!-- Written by hand from here on; scripts/bench keeps it as it is. -->"

def machine():
    model = ""
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return f"{os.cpu_count()} cores (`nproc`), {model or platform.processor()}, Linux {platform.release()}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tillit", action="append", nargs=2, metavar=("LABEL", "PATH"), required=True,
                        help="a tillit binary to measure; the first is the one every other figure uses")
    parser.add_argument("--dialog", default=shutil.which("dialog") or "/usr/bin/dialog")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--cols", type=int, default=100)
    parser.add_argument("--rows", type=int, default=30)
    parser.add_argument("--idle", type=float, default=0.3, help="seconds on screen before RSS is read")
    parser.add_argument("--presses", type=int, default=10000)
    parser.add_argument("--cg-presses", type=int, default=200)
    parser.add_argument("--devtools", required=True, help="tillit-devtools, for bench-keys")
    parser.add_argument("--cg-devtools", help="tillit-devtools for callgrind (without DWARF 5 debug info)")
    parser.add_argument("--cg-tillit", action="append", nargs=2, default=[], metavar=("LABEL", "PATH"),
                        help="a tillit binary (without DWARF 5 debug info) whose start-up callgrind counts")
    parser.add_argument("--talks", type=int, default=10000)
    parser.add_argument("--no-scale", dest="scale", action="store_false")
    parser.add_argument("--no-callgrind", dest="cg", action="store_false")
    parser.add_argument("--store-table", help="a file with tillit-bench's table, to include")
    parser.add_argument("--extra-table", action="append", default=[], help="more tables to include (title::file)")
    parser.add_argument("--extra-markdown", action="append", default=[],
                        help="Markdown sections to include as they are (title::file), e.g. the voting room's table")
    parser.add_argument("--markdown", help="write BENCHMARKS.md here")
    parser.add_argument("--command", default="scripts/bench")
    parser.add_argument("--notes", default="")
    args = parser.parse_args()

    frames = frame(args)
    version_ms = {label: process_ms([binary, "--version"], args.runs) for label, binary in args.tillit}
    key = keys(args)
    shown = keys(args, presenting=True)
    cg = callgrind(args) if args.cg and shutil.which("valgrind") else None
    boot = startup(args) if args.cg and shutil.which("valgrind") else {}

    dialog = frames["dialog --msgbox"]
    rows = []
    rows.append(("**First frame** (launch → first card visible, pty %dx%d, %d runs each, alternating)"
                 % (args.cols, args.rows, dialog["runs"]), "", "", ""))
    for name, value in frames.items():
        if "1,000" in name or "resume" in name:
            continue
        ratio = value["median_ms"] / dialog["median_ms"]
        goal = "" if name.startswith("dialog") else ("≤ 1.5× dialog: " + ("ok" if ratio <= 1.5 else "**over**"))
        rows.append((name, "%.1f ms" % value["median_ms"], "" if name.startswith("dialog") else "%.2f× dialog" % ratio, goal))
    for label, ms in version_ms.items():
        ratio = ms / dialog["median_ms"]
        rows.append(("`tillit --version` (%s; start-up and argument parsing, no terminal, no decks)" % label,
                     "%.1f ms" % ms, "%.2f× dialog" % ratio, "≤ 0.5× dialog: " + ("ok" if ratio <= 0.5 else "**over**")))
    if boot:
        rows.append(("**Start-up instructions** (callgrind, all threads, exec → end of the first frame's draw)", "", "", ""))
        for (label, form), value in boot.items():
            goal = ""
            if form == "tillit start":
                goal = "≤ 8 M: " + ("ok" if value["total"] <= 8_000_000 else "**over**")
            rows.append(("%s (%s)" % (form, label), "{:,}".format(value["total"]), "", goal))
    rows.append(("**Key to screen** (update + view + draw, 200x60, %d presses)" % key["presses"], "", "", ""))
    rows.append(("median", "%.3f ms" % key["medianMs"], "", "< 2 ms: " + ("ok" if key["medianMs"] < 2 else "**over**")))
    rows.append(("p99", "%.3f ms" % key["p99Ms"], "", ""))
    rows.append(("update / view / draw (medians)", "%.3f / %.3f / %.3f ms" % (key["updateMedianMs"], key["viewMedianMs"], key["drawMedianMs"]), "", ""))
    growth_kb = (key["rssAfterBytes"] - key["rssBeforeBytes"]) / 1024
    rows.append(("RSS growth over %d presses" % key["presses"], "%+.0f kB" % growth_kb,
                 "%.1f → %.1f MB" % (key["rssBeforeBytes"] / 1048576, key["rssAfterBytes"] / 1048576), "no growth: " + ("ok" if growth_kb < 512 else "**grows**")))
    rows.append(("**Key to screen, shared screen** (`p`, team meeting, block letters, votes and reveal, 200x60, %d presses)"
                 % shown["presses"], "", "", ""))
    rows.append(("median", "%.3f ms" % shown["medianMs"], "", "< 2 ms: " + ("ok" if shown["medianMs"] < 2 else "**over**")))
    rows.append(("p99", "%.3f ms" % shown["p99Ms"], "", ""))
    rows.append(("update / view / draw (medians)",
                 "%.3f / %.3f / %.3f ms" % (shown["updateMedianMs"], shown["viewMedianMs"], shown["drawMedianMs"]), "", ""))
    if cg:
        rows.append(("instructions per key press (callgrind)", "{:,.0f}".format(cg["per_press"]), "", "machine-independent"))
    rows.append(("**Idle memory** (RSS on the first card, %.1f s after it shows)" % args.idle, "", "", ""))
    for name, value in frames.items():
        if "1,000" in name or "resume" in name or value["rss_mb"] is None:
            continue
        times_dialog = value["rss_mb"] / dialog["rss_mb"]
        ratio = "" if name.startswith("dialog") else "%.1f× dialog" % times_dialog
        goal = "" if name.startswith("dialog") else "≤ 3× dialog: " + ("ok" if times_dialog <= 3 else "**over**")
        rows.append((name, "%.1f MB" % value["rss_mb"], ratio, goal))
    rows.append(("**Private memory** (Anonymous in `smaps_rollup`: RSS without the pages of mapped files, code and shared libraries)", "", "", ""))
    for name, value in frames.items():
        if "1,000" in name or "resume" in name or value["anon_mb"] is None:
            continue
        ratio = "" if name.startswith("dialog") else "%.1f× dialog" % (value["anon_mb"] / dialog["anon_mb"])
        rows.append((name, "%.1f MB" % value["anon_mb"], ratio, ""))
    if args.scale:
        rows.append(("**Scale**, launch → first card", "", "", ""))
        for name, value in frames.items():
            if "1,000" in name or "resume" in name:
                rows.append((name, "%.1f ms" % value["median_ms"], "RSS %.1f MB" % value["rss_mb"], ""))

    table = ["| what | median | compared | goal |", "|---|---:|---|---|"]
    table += ["| %s | %s | %s | %s |" % row for row in rows]
    text = "\n".join(table)
    print()
    print(text)
    extras = []
    if args.store_table and os.path.exists(args.store_table):
        with open(args.store_table) as file:
            extras.append(("Store and trends, in process (`tillit-bench`, release build)", file.read().strip()))
    for item in args.extra_table:
        title, _, path = item.partition("::")
        if os.path.exists(path):
            with open(path) as file:
                extras.append((title, file.read().strip()))
    sections = []
    for item in args.extra_markdown:
        title, _, path = item.partition("::")
        if os.path.exists(path):
            with open(path) as file:
                sections.append((title, file.read().strip()))
    for title, body in extras + sections:
        print(f"\n{title}\n{body}")
    if cg and cg["top"]:
        note("\ncallgrind, top functions (self cost) for the key path:\n" + cg["top"])

    if args.markdown:
        now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
        parts = ["# Benchmarks", "",
                 "Latest figures from `%s`, on %s, %s." % (args.command, now, machine()),
                 "Medians; each comparison runs both sides in the same run, alternating. "
                 "Programs run in a pseudo-terminal of their own; a frame counts as shown when its text has "
                 "come out of the pty.", ""]
        if args.notes:
            parts += [args.notes, ""]
        parts += [text, ""]
        static = next((v for n, v in frames.items() if n.startswith("tillit start (") and "static" in n), None)
        dynamic = next((v for n, v in frames.items() if n.startswith("tillit start (") and "dynamic" in n), None)
        first = frames["tillit start (%s)" % args.tillit[0][0]]
        version = version_ms[args.tillit[0][0]]
        notes = ["## Notes", "",
                 "- **First frame**: %s the goal of 1.5× `dialog --msgbox`. Most of the way to a new talk's first card "
                 "is swift-argument-parser reading `start`'s options: it reflects over the command's properties "
                 "(Mirror) and casts each property wrapper, and each first cast or generic instantiation of a type "
                 "is a protocol-conformance look-up that scans all of the binary's 6,000 conformance records (most of "
                 "them Foundation's, which Yams needs). `tillit start` parses the decks it is given on the other core "
                 "meanwhile; then it opens the terminal (ncurses), deals the new talk and draws its card. The other "
                 "decks are read, and the new talk is written (two fsyncs), right after the first card is drawn. "
                 "`tillit --version` takes %.1f ms (%.2f× dialog's first frame) and the home screen parses nothing."
                 % ("meets" if first["median_ms"] <= 1.5 * dialog["median_ms"] else "misses",
                    version, version / dialog["median_ms"])]
        if static and dynamic:
            notes.append("- **Static Swift runtime** (`--static-swift-stdlib`): first frame "
                         "%.1f ms faster than with the shared runtime, and %.1f MB less resident."
                         % (dynamic["median_ms"] - static["median_ms"], (dynamic["rss_mb"] or 0) - (static["rss_mb"] or 0)))
        notes.append("- **Linking**: `make install` links one static-pie binary (see the Makefile): no dynamic loader "
                     "runs, no shared-library symbols are looked up, and the 80,000 relative relocations are applied "
                     "from a packed table (DT_RELR) by the binary itself; it stays position-independent.")
        notes.append("- **Memory**: most of the resident set is pages of the binary's own code, mapped from the page "
                     "cache (the kernel maps neighbouring pages of each page touched); the private memory row is "
                     "what the process itself allocated and wrote.")
        notes.append("- **Key to screen** is well inside its goal; the profile below shows where a press goes: "
                     "comparing the new grid with the last one row by row, making the grid, and walking text "
                     "that is not ASCII Character by Character (ASCII text is written byte by byte).")
        parts += notes + [""]
        for title, body in extras:
            parts += ["## " + title, "", "```", body, "```", ""]
        for title, body in sections:
            parts += ["## " + title, "", body, ""]
        if boot:
            parts += ["## callgrind: where start-up spends its instructions", "",
                      "`valgrind --tool=callgrind --dump-after='%s' tillit …` in a 100x30 pty, fresh `TILLIT_HOME`; "
                      "the first dump holds every thread's instructions from exec to the end of the first "
                      "`Terminal.draw` (`--version` draws none: to its exit). Inclusive costs, largest first." % DRAW_SYMBOL, ""]
            for (label, form), value in boot.items():
                parts += ["```", value["top"], "```", ""]
        if cg and cg["top"]:
            parts += ["## callgrind: where a key press spends its instructions", "",
                      "`valgrind --tool=callgrind tillit-devtools bench-keys --presses %d` (self cost, top functions; "
                      "instructions per press are the difference between %d and %d presses, divided by %d)"
                      % (2 * args.cg_presses, 2 * args.cg_presses, args.cg_presses, args.cg_presses), "",
                      "```", cg["top"], "```", ""]
        parts += ["## How to run", "", "```sh", "scripts/bench            # everything, about five minutes",
                  "scripts/bench --quick    # fewer runs, no scale, no callgrind",
                  "scripts/bench --terminal # the terminal figures only: no dynamic build, no store or room", "```", "",
                  "What is measured:", "",
                  "- **First frame**: from just before the fork to the moment the first card's prompt has been "
                  "written to the pty, for `tillit start --deck selvledelse` (a new talk in a fresh `TILLIT_HOME`, "
                  "saved with fsync right after the card shows) and for `dialog --msgbox \"<the same prompt>\" 10 60`.",
                  "- **Key to screen**: `tillit-devtools bench-keys` opens the real terminal (ncurses) in a 200x60 pty and "
                  "replays a script of key presses (typing with æøå and an emoji, Backspace, Tab, Enter/Esc, "
                  "arrows between cards, digits on a rating card) through `update`, `view` and `Terminal.draw`, "
                  "timing each press with CLOCK_MONOTONIC. Saving is not part of it: the run loop saves after "
                  "drawing, at most 0.4 s behind typing.",
                  "- **Idle memory**: VmRSS of the process on its first screen.",
                  "- **Scale**: the 1,000-card deck is generated (`stor`, in `TILLIT_HOME/decks`); the 10,000 "
                  "talks are copies of a real talk file, the newest one unfinished.", ""]
        # Everything from KEPT_MARKER on is written by hand (figures this script does not
        # measure: long checks, comparisons, profiles) and is kept as it is.
        kept = ""
        if os.path.exists(args.markdown):
            with open(args.markdown) as file:
                old = file.read()
            if KEPT_MARKER in old:
                kept = old[old.index(KEPT_MARKER):]
        with open(args.markdown, "w") as file:
            file.write("\n".join(parts) + ("\n" + kept if kept else ""))
        note(f"wrote {args.markdown}")


if __name__ == "__main__":
    main()
