#!/usr/bin/env python3
"""Benchmarks innotrain (and Hugo, Zola, mdBook when installed) on the shared corpora.

    python3 tests/bench/run.py [--runs 5] [--sizes small,large] [--work DIR] [--shared ../shared]

Generates the corpora with ../shared/bench/gen_corpus.py (native layout, adapted to our schema
by adapt_corpus.py; the peers' layouts as the generator writes them), builds each one once as a
warm-up and then --runs times from an empty output folder, and writes BENCHMARKS.md: median, min
and max wall time, content pages per second and peak RSS (the largest process's, from wait4).
Standard library only; not a test (timings never gate CI).
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIZES = {"small": 25, "large": 250}


def run_once(command, out):
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{stderr}")
    return elapsed, usage.ru_maxrss / 1024  # KiB -> MiB


def measure(commands, out, runs):
    for command in commands:
        run_once(command, out)  # warm-up
    walls, rss = [], []
    for _ in range(runs):
        total, peak = 0.0, 0.0
        for command in commands:
            elapsed, mib = run_once(command, out) if command is commands[0] else run_once_keep(command)
            total += elapsed
            peak = max(peak, mib)
        walls.append(total)
        rss.append(peak)
    return walls, rss


def run_once_keep(command):
    """Later commands of a multi-command build (mdBook's five books) must not clear the output."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def generate(shared, work, size, layout):
    path = os.path.join(work, f"corpus-{size}-{layout}")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(shared, "bench", "gen_corpus.py"), "--modules", str(SIZES[size]),
                        "--layout", layout, "--out", path, "--force"], check=True, stdout=subprocess.DEVNULL)
        if layout == "native":
            subprocess.run([sys.executable, os.path.join(REPO, "tests", "bench", "adapt_corpus.py"), path, REPO], check=True)
    return path


def content_pages(native):
    count = 0
    for _, _, files in os.walk(os.path.join(native, "content")):
        count += sum(1 for f in files if f.endswith(".md"))
    return count


def version(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip().splitlines()[0]
    except (OSError, subprocess.CalledProcessError):
        return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="small,large")
    parser.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "innotrain-bench"))
    parser.add_argument("--shared", default=os.path.join(os.path.dirname(REPO), "shared"))
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    innotrain = os.path.join(REPO, "target", "release", "innotrain")
    hugo, zola, mdbook = (os.environ.get(n.upper()) or shutil.which(n) for n in ("hugo", "zola", "mdbook"))

    rows = []
    for size in args.sizes.split(","):
        native = generate(args.shared, args.work, size, "native")
        pages = content_pages(native)
        out = os.path.join(args.work, "out")
        tools = [("innotrain", f"innotrain build --root corpus-{size}-native --out out",
                  [[innotrain, "build", "--root", native, "--out", out]])]
        if hugo:
            src = generate(args.shared, args.work, size, "hugo")
            tools.append(("hugo", "hugo --quiet -s SRC -d out", [[hugo, "--quiet", "-s", src, "-d", out]]))
        if zola:
            src = generate(args.shared, args.work, size, "zola")
            tools.append(("zola", "zola --root SRC build --output-dir out --force",
                          [[zola, "--root", src, "build", "--output-dir", out, "--force"]]))
        if mdbook:
            src = generate(args.shared, args.work, size, "mdbook")
            langs = sorted(d for d in os.listdir(src) if os.path.isdir(os.path.join(src, d)))
            tools.append(("mdbook", "for each language: mdbook build SRC/<lang> -d out/<lang>",
                          [[mdbook, "build", os.path.join(src, l), "-d", os.path.join(out, l)] for l in langs]))
        for name, shown, commands in tools:
            walls, rss = measure(commands, out, args.runs)
            median = statistics.median(walls)
            rows.append((size, name, median, min(walls), max(walls), pages / median, statistics.median(rss), shown))
            print(f"{size:6} {name:10} median {median:.3f} s  {pages / median:8.0f} pages/s  {statistics.median(rss):6.0f} MiB")

    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"
    lines = [
        "# Benchmarks",
        "",
        "Produced by `python3 tests/bench/run.py --runs %d --sizes %s` (this file is overwritten by it)." % (args.runs, args.sizes),
        "Corpora from `../shared/bench/gen_corpus.py` (native layout adapted to our schema by "
        "`tests/bench/adapt_corpus.py`): small = `--modules 25` (365 content pages), large = `--modules 250` "
        "(3,425 content pages); 5 languages; every language gets every page (fallbacks included), "
        "with per-output navigation on every page.",
        "",
        f"Machine: {machine}. innotrain {version([innotrain, '--version']) or ''}. "
        + ", ".join(f"{n}: {v}" for n, v in (("hugo", hugo and version([hugo, "version"])), ("zola", zola and version([zola, "--version"])),
                                              ("mdbook", mdbook and version([mdbook, "--version"]))) if v)
        + (" (peers not installed here)" if not (hugo or zola or mdbook) else ""),
        "",
        "| corpus | tool | median wall (s) | min–max (s) | content pages/s | peak RSS (MiB) | command |",
        "|---|---|---|---|---|---|---|",
    ]
    for size, name, median, low, high, rate, rss, shown in rows:
        lines.append(f"| {size} | {name} | {median:.3f} | {low:.3f}–{high:.3f} | {rate:,.0f} | {rss:.0f} | `{shown}` |")
    lines += [
        "",
        "Targets (issue 2): large corpus under 5 s and under 400 MB peak RSS; small corpus under 0.3 s.",
        "Peer figures measured earlier on the same corpora with the same navigation (from the issue): "
        "Hugo about 17 s and 0.9–1.4 GB on the large corpus, Zola about 180 s (8.5 s without "
        "navigation), mdBook about 20 s.",
        "",
    ]
    with open(os.path.join(REPO, "BENCHMARKS.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
