"""Atomic publishing under SIGKILL: a build killed at a random moment leaves the output folder
either the old site or the new one, complete, and the next build cleans up what the killed one
left. Usage: publish_check.py BULLETIN_BINARY PROJECT_FOLDER [ROUNDS]. Exits 1 on any failure."""
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from pages import Failures

fail = Failures()


def tree_hash(folder):
    digest = hashlib.sha256()
    for directory, _, files in sorted(os.walk(folder)):
        for name in sorted(files):
            path = os.path.join(directory, name)
            digest.update(os.path.relpath(path, folder).encode())
            with open(path, "rb") as handle:
                digest.update(handle.read())
    return digest.hexdigest()


def main(binary, project, rounds):
    rng = random.Random(7)
    work = tempfile.mkdtemp(prefix="bulletin-publish-check-")
    subprocess.run([sys.executable, os.path.join(project, "Tests/Benchmark/generate_content.py"), "400",
                    os.path.join(work, "Content"), project], check=True, stdout=subprocess.DEVNULL)
    shutil.copytree(os.path.join(project, "Templates"), os.path.join(work, "Templates"))
    old_content = os.path.join(work, "Content")
    new_content = os.path.join(work, "Content-new")
    shutil.copytree(old_content, new_content)
    with open(os.path.join(new_content, "bases/xiushan-library/added.md"), "w", encoding="utf-8") as handle:
        handle.write("---\ntitle: 新增稿件\ndate: 2023-03\nkind: event\n---\n\n新增的正文。\n")

    def build(content, output, **kwargs):
        return subprocess.Popen([binary, "build", "--as-of", "2023-06-01", "--content", content, "--output", output],
                                cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)

    build(new_content, "Expected-new").wait()
    expected_new = tree_hash(os.path.join(work, "Expected-new"))
    started = time.monotonic()
    build(old_content, "Public").wait()
    duration = time.monotonic() - started
    expected_old = tree_hash(os.path.join(work, "Public"))
    outcomes = {"old": 0, "new": 0}
    for round_number in range(rounds):
        process = build(new_content, "Public")
        time.sleep(rng.uniform(0, duration * 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = tree_hash(os.path.join(work, "Public"))
        if now == expected_old:
            outcomes["old"] += 1
        elif now == expected_new:
            outcomes["new"] += 1
            build(old_content, "Public").wait()
        else:
            fail(f"round {round_number}: Public/ is neither the old site nor the new one")
            build(old_content, "Public").wait()
    leftovers_before = [name for name in os.listdir(work) if name.startswith(".Public.tmp-")]
    if not leftovers_before:
        # No kill happened to leave one this time: leave one as a killed build would.
        abandoned = os.path.join(work, ".Public.tmp-4194303-1")
        os.makedirs(os.path.join(abandoned, "bases"))
        open(os.path.join(abandoned, "bases/index.html"), "w").close()
        leftovers_before = [os.path.basename(abandoned)]
    build(old_content, "Public").wait()
    leftovers_after = [name for name in os.listdir(work) if name.startswith(".Public.tmp-")]
    if leftovers_after:
        fail(f"the next build did not clean up {leftovers_after}")
    print(f"atomic publishing: {rounds} builds killed at random moments (a clean build takes {duration * 1000:.0f} ms): "
          f"{outcomes['old']} left the old site, {outcomes['new']} the new one, {fail.count} anything else; "
          f"{len(leftovers_before)} abandoned staging folders removed by the next build")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 25)
    sys.exit(1 if fail.count else 0)
