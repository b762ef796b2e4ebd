"""What both benchmarks start from: a folder with the content (generated, or a copy of a given
content folder), the project's templates, the same content as a Hugo site, and both tools ready."""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))
top = os.path.abspath(os.path.join(here, "../.."))
binary = os.path.join(top, ".build/release/bulletin")


def without_pdf_renderer():
    """The environment with no PDF renderer on the PATH: bulletin then makes the site Hugo makes,
    without a PDF of each bulletin, which Hugo does not render."""
    folders = os.environ.get("PATH", "").split(":")
    return dict(os.environ, PATH=":".join(folder for folder in folders if not os.access(os.path.join(folder, "weasyprint"), os.X_OK)))


def ready_tools():
    """Installs Hugo when missing, builds bulletin for release; returns Hugo's version."""
    if shutil.which("hugo") is None:
        subprocess.run(["apt-get", "install", "-y", "-q", "hugo"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["swift", "build", "-c", "release", "--product", "bulletin"], cwd=top, check=True, stdout=subprocess.DEVNULL)
    return subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]


def prepare(size=None, content=None, rich=False):
    """A fresh folder holding Content/ (N generated write-ups, of the rich vocabulary when asked,
    or a copy of `content`), Templates/,
    hugo/ (the same content for Hugo) and trash/ (where old output folders are moved)."""
    work = tempfile.mkdtemp(prefix=f"bulletin-bench-{size or 'content'}-")
    os.makedirs(os.path.join(work, "trash"))
    if content:
        shutil.copytree(content, os.path.join(work, "Content"))
    else:
        subprocess.run([sys.executable, os.path.join(here, "generate_content.py")] + (["--rich"] if rich else [])
                       + [str(size), os.path.join(work, "Content"), top],
                       check=True, stdout=subprocess.DEVNULL)
    shutil.copytree(os.path.join(top, "Templates"), os.path.join(work, "Templates"))
    subprocess.run([sys.executable, os.path.join(here, "to_hugo.py"), os.path.join(work, "Content"), os.path.join(work, "hugo")], check=True)
    return work


def write_ups(work):
    """The write-ups of the content, as paths inside Content/, sorted."""
    return sorted(os.path.relpath(path, os.path.join(work, "Content")) for path in glob.glob(os.path.join(work, "Content/bases/*/*.md")))
