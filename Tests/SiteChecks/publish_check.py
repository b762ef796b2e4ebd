"""Atomic publishing under SIGKILL: a build killed at a random moment leaves the output folder
either the old site or the new one, complete, with no file of the build's own in it, and the next
build cleans up what the killed one left. Builds are killed after each kind of change: a write-up
added, a write-up that a bulletin prints edited, a template edited; and the preview (`bulletin
serve`), which rebuilds only what an edit reaches, is killed as often after the last two.
Random moments rarely fall between two steps that follow each other closely, such as swapping the
new site in and recording it: each build is also killed, under strace, at each rename it makes, and
the next build after such a kill must succeed and give the new site.
Usage: publish_check.py BULLETIN_BINARY PROJECT_FOLDER [ROUNDS] [WRITE_UPS]. Exits 1 on any failure."""
import glob
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

from pages import Failures, tree_hash

fail = Failures()


def printed_write_up(content):
    """A write-up that a bulletin prints, as a path inside the content folder."""
    bulletins = os.path.join(content, "bulletins")
    for name in sorted(os.listdir(bulletins)):
        with open(os.path.join(bulletins, name), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("  - "):
                    return os.path.join("bases", line[4:].strip() + ".md")
    raise SystemExit("the generated content has no bulletin that prints a write-up")


def variant(source, target, change):
    shutil.copytree(source, target)
    change(target)
    return target


def append(path, text):
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)


RENAMES = ("rename", "renameat", "renameat2")


def renames_of(trace):
    """The renames the build's main thread made, in order, as (system call, its count among calls
    of its name): what strace's `when=` counts."""
    made, counts, main = [], {}, None
    with open(trace, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            pid, _, call = line.partition(" ")
            name = call.split("(", 1)[0].strip()
            if name not in RENAMES:
                continue
            main = main or pid
            if pid == main:
                counts[name] = counts.get(name, 0) + 1
                made.append((name, counts[name]))
    return made


def without_pdf_renderer():
    """The environment with no PDF renderer on the PATH."""
    return dict(os.environ, PATH=":".join(folder for folder in os.environ.get("PATH", "").split(":")
                                          if not os.access(os.path.join(folder, "weasyprint"), os.X_OK)))


def count_outcome(outcomes, now, old, new, where, folder="Public/"):
    """Counts the output folder's tree (`now`) as the old site or the new one; anything else fails."""
    if now == old:
        outcomes["old"] += 1
    elif now == new:
        outcomes["new"] += 1
    else:
        fail(f"{where}: {folder} is neither the old site nor the new one")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def kill_previews(binary, work, rounds, rng, name, path, changed_text):
    """The preview rebuilding after one file changed (`path`, given `changed_text`), killed at a
    random moment: its folder holds the old site or the new one, complete, with no file of its own."""
    port = free_port()
    original = open(path, encoding="utf-8").read()

    # The preview makes no PDFs: the site it must show is a build's without a PDF renderer.
    no_renderer = without_pdf_renderer()

    def expected(output):
        subprocess.run([binary, "build", "--as-of", "2023-06-01", "--base-url", f"http://127.0.0.1:{port}/", "--output", output],
                       cwd=work, check=True, capture_output=True, env=no_renderer)
        return tree_hash(os.path.join(work, output))

    old = expected(f"Preview-old-{port}")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(changed_text)
    new = expected(f"Preview-new-{port}")

    def start():
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(original)
        log = os.path.join(work, f"serve-{port}.log")
        process = subprocess.Popen([binary, "--lang", "en", "serve", "--as-of", "2023-06-01", "--port", str(port)], cwd=work,
                                   stdout=open(log, "w"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while "Serving the preview" not in open(log, encoding="utf-8", errors="replace").read():
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit(f"bulletin serve did not start:\n{open(log, encoding='utf-8', errors='replace').read()[-2000:]}")
            time.sleep(0.05)
        return process, log

    # One untimed edit, to learn how long a rebuild takes from saving.
    process, log = start()
    started = time.monotonic()
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(changed_text)
    while "rebuilt:" not in open(log, encoding="utf-8", errors="replace").read() and time.monotonic() - started < 60:
        time.sleep(0.01)
    duration = time.monotonic() - started
    process.send_signal(signal.SIGINT)
    process.wait()
    if "rebuilt:" not in open(log, encoding="utf-8", errors="replace").read():
        # An edit saved as the preview said it was serving went unseen: an editor would wait for
        # a reload that never comes. The rounds below would each sleep up to three minutes.
        fail(f"preview, {name}: no rebuild within 60 s of an edit saved just after it started serving")
        duration = 1.0
    outcomes = {"old": 0, "new": 0}
    for round_number in range(rounds):
        process, _ = start()
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(changed_text)
        time.sleep(rng.uniform(0, duration * 3))
        process.send_signal(signal.SIGKILL)
        process.wait()
        sessions = glob.glob(os.path.join(tempfile.gettempdir(), f"bulletin-preview-{process.pid}-*"))
        if len(sessions) != 1:
            fail(f"preview, {name}, round {round_number}: no preview folder of the killed server")
            continue
        site = os.path.join(sessions[0], "site")
        count_outcome(outcomes, tree_hash(site), old, new, f"preview, {name}, round {round_number}", folder="the preview folder")
        stray = [file for _, _, files in os.walk(site) for file in files if ".tmp-" in file]
        if stray:
            fail(f"preview, {name}, round {round_number}: the killed rebuild left files of its own in the site: {stray[:3]}")
        shutil.rmtree(sessions[0], ignore_errors=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(original)
    return f"preview, {name} ({duration * 1000:.0f} ms from saving): {outcomes['old']} old, {outcomes['new']} new"


def main(binary, project, rounds, size=400):
    rng = random.Random(7)
    work = tempfile.mkdtemp(prefix="bulletin-publish-check-")
    subprocess.run([sys.executable, os.path.join(project, "Tests/Benchmark/generate_content.py"), str(size),
                    os.path.join(work, "Content"), project], check=True, stdout=subprocess.DEVNULL)
    shutil.copytree(os.path.join(project, "Templates"), os.path.join(work, "Templates"))
    content, templates = os.path.join(work, "Content"), os.path.join(work, "Templates")
    printed = printed_write_up(content)
    added = variant(content, os.path.join(work, "Content-added"), lambda folder: append(
        os.path.join(folder, "bases/xiushan-library/added.md"), "---\ntitle: 新增稿件\ndate: 2023-03\nkind: event\n---\n\n新增的正文。\n"))
    edited = variant(content, os.path.join(work, "Content-edited"), lambda folder: append(
        os.path.join(folder, printed), "\n修改后补充的一段正文，简报也刊出它。\n"))
    themed = variant(templates, os.path.join(work, "Templates-edited"), lambda folder: append(
        os.path.join(folder, "partials/footer.mustache"), "<!-- edited -->\n"))
    # Each transition: the site before, the site after; every build of the second kind is killed.
    transitions = [("a write-up added", (content, templates), (added, templates)),
                   ("a write-up printed by a bulletin edited", (content, templates), (edited, templates)),
                   ("a template edited", (content, templates), (content, themed))]

    def build(inputs, output, **kwargs):
        return subprocess.Popen([binary, "build", "--as-of", "2023-06-01", "--content", inputs[0], "--templates", inputs[1],
                                 "--output", output], cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)

    expected = {}
    for _, before, after in transitions:
        for inputs in (before, after):
            if inputs not in expected:
                folder = os.path.join(work, f"Expected-{len(expected)}")
                build(inputs, folder).wait()
                expected[inputs] = tree_hash(folder)
    summary = []
    for name, before, after in transitions:
        build(before, "Public").wait()
        started = time.monotonic()
        build(after, "Public").wait()
        duration = time.monotonic() - started
        outcomes = {"old": 0, "new": 0}
        for round_number in range(rounds):
            build(before, "Public").wait()
            process = build(after, "Public")
            time.sleep(rng.uniform(0, duration * 1.2))
            process.send_signal(signal.SIGKILL)
            process.wait()
            count_outcome(outcomes, tree_hash(os.path.join(work, "Public")), expected[before], expected[after],
                          f"{name}, round {round_number}")
            stray = [os.path.join(folder, file) for folder, _, files in os.walk(os.path.join(work, "Public"))
                     for file in files if ".tmp-" in file]
            if stray:
                fail(f"{name}, round {round_number}: the killed build left files of its own in Public/: {stray[:3]}")
        summary.append(f"{name} ({duration * 1000:.0f} ms): {outcomes['old']} old, {outcomes['new']} new")
    # Killed at each rename, and then built again: the output must be whole and the next build must
    # not refuse it. After a write-up is removed, the new site has fewer files than the old. PDFs,
    # made again at each change, would take most of the time and add no rename of the output's.
    no_renderer = without_pdf_renderer()
    trace = os.path.join(work, "renames.trace")
    unprinted = {}
    for inputs in expected:
        folder = os.path.join(work, f"Expected-unprinted-{len(unprinted)}")
        build(inputs, folder, env=no_renderer).wait()
        unprinted[inputs] = tree_hash(folder)

    def build_after(inputs, *strace):
        return subprocess.run([*strace, binary, "build", "--as-of", "2023-06-01", "--content", inputs[0], "--templates", inputs[1],
                               "--output", "Public"], cwd=work, capture_output=True, text=True, env=no_renderer)

    traced = [shutil.which("strace") or "strace", "-f", "-qq", "-o", trace, "-e", "trace=" + ",".join(RENAMES)]
    for name, before, after in transitions + [("a write-up removed", (added, templates), (content, templates))]:
        build(before, "Public", env=no_renderer).wait()
        build_after(after, *traced)
        points = renames_of(trace)
        if not any(call == "renameat2" for call, _ in points):
            fail(f"{name}: no swap seen under strace: {points}")
        outcomes = {"old": 0, "new": 0}
        for call, count in points:
            if build(before, "Public", env=no_renderer).wait() != 0:
                fail(f"{name}: the build of the site before the change failed")
            killed = build_after(after, *traced, "-e", f"inject={call}:signal=KILL:when={count}")
            where = f"{name}, killed at {call} #{count}"
            if killed.returncode not in (-signal.SIGKILL, 128 + signal.SIGKILL):
                fail(f"{where}: the build was not killed (exit {killed.returncode})")
            count_outcome(outcomes, tree_hash(os.path.join(work, "Public")), unprinted[before], unprinted[after], where)
            rebuilt = build_after(after)
            if rebuilt.returncode != 0 or tree_hash(os.path.join(work, "Public")) != unprinted[after]:
                fail(f"{where}: the next build exited {rebuilt.returncode} and did not give the new site: "
                     f"{rebuilt.stderr.strip()[-300:]}")
            left = [entry for entry in os.listdir(work) if ".tmp-" in entry]
            if left:
                fail(f"{where}: the next build left what the killed one was writing: {left}")
        summary.append(f"{name}, killed at each of its {len(points)} renames: {outcomes['old']} old, {outcomes['new']} new, "
                       f"each built again")
    # The preview rebuilds in part: it is killed as often, after the same kinds of edit.
    summary.append(kill_previews(binary, work, rounds, rng, "a write-up printed by a bulletin edited", os.path.join(content, printed),
                                 open(os.path.join(edited, printed), encoding="utf-8").read()))
    summary.append(kill_previews(binary, work, rounds, rng, "a template edited", os.path.join(templates, "partials/footer.mustache"),
                                 open(os.path.join(themed, "partials/footer.mustache"), encoding="utf-8").read()))
    leftovers_before = [name for name in os.listdir(work) if name.startswith(".Public.tmp-")]
    if not leftovers_before:
        # No kill happened to leave one this time: leave one as a killed build would.
        abandoned = os.path.join(work, ".Public.tmp-4194303-1")
        os.makedirs(os.path.join(abandoned, "bases"))
        open(os.path.join(abandoned, "bases/index.html"), "w").close()
        leftovers_before = [os.path.basename(abandoned)]
    build(transitions[0][1], "Public").wait()
    leftovers_after = [name for name in os.listdir(work) if name.startswith(".Public.tmp-")]
    if leftovers_after:
        fail(f"the next build did not clean up {leftovers_after}")
    print(f"atomic publishing: {rounds} builds killed at random moments after each of {len(summary)} changes — "
          f"{'; '.join(summary)}; {fail.count} anything else; "
          f"{len(leftovers_before)} abandoned staging folders removed by the next build")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 25, int(sys.argv[4]) if len(sys.argv) > 4 else 400)
    sys.exit(1 if fail.count else 0)
