"""`bulletin publish` to a real server on loopback: sshd started as the current user on a free port
(its own host key, a user key made here, its own sshd_config), nginx serving the switched link
`current` under the sub-path /zt/jiaoyu/. Publishes, publishes unchanged (nothing sent), edits and
publishes again (only the changed files sent, the others hard links), lists, rolls back; polls
pages and the search index over HTTP during publications and checks each answer is a whole file of
one release, never a mix, an error or a step back; kills publications with SIGKILL at random
moments and checks the served site is untouched and the next publication cleans up; and the
failures an editor meets, in Chinese: a wrong host, a closed port, a refused key, a server without
rsync, a folder the user may not write, a full disk. Usage: publish_server_check.py BINARY PROJECT."""
import getpass
import glob
import hashlib
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

from pages import Failures

fail = Failures()
SUBPATH = "/zt/jiaoyu/"
BASE_URL = "https://jtjy.cqwomen.cn" + SUBPATH
WRITE_UP = "bases/wanzhou-shahe-primary/example-practice/"
POLLED = ["", WRITE_UP, "search/meta.json"]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port):
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on port {port}")


class Server:
    """sshd and nginx on loopback, with the keys and configuration files a test makes."""

    def __init__(self, work):
        self.work = work
        self.ssh_port = free_port()
        self.http_port = free_port()
        self.srv = os.path.join(work, "srv")
        os.makedirs(self.srv)
        keygen = ["ssh-keygen", "-q", "-t", "ed25519", "-N", ""]
        for name in ("host_key", "user_key", "stranger_key", "bare_key"):
            subprocess.run(keygen + ["-f", os.path.join(work, name)], check=True)
        # A server without rsync: a login whose PATH holds the shell and the tools the steps use, not rsync.
        bare = os.path.join(work, "bare-bin")
        os.makedirs(bare)
        for tool in ("sh", "mkdir", "rm", "chmod", "readlink", "mv", "ln", "cat"):
            os.symlink(shutil.which(tool), os.path.join(bare, tool))
        user_key = open(os.path.join(work, "user_key.pub")).read().strip()
        bare_key = open(os.path.join(work, "bare_key.pub")).read().strip()
        with open(os.path.join(work, "authorized_keys"), "w") as handle:
            handle.write(f"{user_key}\nenvironment=\"PATH={bare}\" {bare_key}\n")
        os.chmod(os.path.join(work, "authorized_keys"), 0o600)
        with open(os.path.join(work, "sshd_config"), "w") as handle:
            handle.write(f"""Port {self.ssh_port}
ListenAddress 127.0.0.1
HostKey {work}/host_key
PidFile {work}/sshd.pid
AuthorizedKeysFile {work}/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
PermitUserEnvironment yes
StrictModes no
UsePAM no
""")
        host_key = open(os.path.join(work, "host_key.pub")).read().split()
        with open(os.path.join(work, "known_hosts"), "w") as handle:
            handle.write(f"[127.0.0.1]:{self.ssh_port} {host_key[0]} {host_key[1]}\n")
        # What an editor's ~/.ssh/config would say; given to bulletin with --ssh-config.
        common = f"""    IdentitiesOnly yes
    UserKnownHostsFile {work}/known_hosts
    StrictHostKeyChecking yes
    User {getpass.getuser()}
"""
        with open(os.path.join(work, "ssh_config"), "w") as handle:
            handle.write(f"""Host web
    HostName 127.0.0.1
    Port {self.ssh_port}
    IdentityFile {work}/user_key
{common}
Host stranger
    HostName 127.0.0.1
    Port {self.ssh_port}
    IdentityFile {work}/stranger_key
{common}
Host bare
    HostName 127.0.0.1
    Port {self.ssh_port}
    IdentityFile {work}/bare_key
{common}
Host 127.0.0.1
    IdentityFile {work}/user_key
{common}""")
        if os.getuid() == 0:
            os.makedirs("/run/sshd", exist_ok=True)  # sshd's privilege separation directory
        self.sshd = subprocess.Popen(["/usr/sbin/sshd", "-D", "-e", "-f", os.path.join(work, "sshd_config")],
                                     stderr=open(os.path.join(work, "sshd.log"), "w"))
        wait_for_port(self.ssh_port)

        os.makedirs(os.path.join(work, "nginx-tmp"))
        with open(os.path.join(work, "nginx.conf"), "w") as handle:
            handle.write(f"""worker_processes 1;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {work}/nginx-tmp; proxy_temp_path {work}/nginx-tmp; fastcgi_temp_path {work}/nginx-tmp;
    uwsgi_temp_path {work}/nginx-tmp; scgi_temp_path {work}/nginx-tmp;
    server {{
        listen 127.0.0.1:{self.http_port};
        location {SUBPATH} {{
            alias {self.srv}/current/;
            index index.html;
            error_page 404 {SUBPATH}404.html;
        }}
    }}
}}
""")
        subprocess.run(["nginx", "-c", f"{work}/nginx.conf", "-p", work], check=True)
        wait_for_port(self.http_port)
        self.root = f"http://127.0.0.1:{self.http_port}{SUBPATH}"

    def stop(self):
        subprocess.run(["nginx", "-c", f"{self.work}/nginx.conf", "-p", self.work, "-s", "quit"], stderr=subprocess.DEVNULL)
        self.sshd.terminate()
        self.sshd.wait()


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def served_release(srv):
    link = os.path.join(srv, "current")
    return os.path.basename(os.readlink(link)) if os.path.islink(link) else None


def files_of(folder):
    """Path -> (sha256, inode) of every file below `folder`."""
    result = {}
    for directory, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(directory, name)
            with open(path, "rb") as handle:
                result[os.path.relpath(path, folder)] = (hashlib.sha256(handle.read()).hexdigest(), os.stat(path).st_ino)
    return result


def url_file(path):
    """The file nginx sends for a polled path."""
    return path + "index.html" if path == "" or path.endswith("/") else path


class Poller(threading.Thread):
    """Fetches the polled paths in turn until stopped; keeps every answer's status and digest."""

    def __init__(self, root):
        super().__init__(daemon=True)
        self.root = root
        self.answers = []
        self.running = True

    def run(self):
        while self.running:
            for path in POLLED:
                status, body = fetch(self.root + path)
                self.answers.append((path, status, hashlib.sha256(body).hexdigest()))


def check_whole_releases(answers, releases, label):
    """Every answer is a whole file of one of `releases` (oldest first), and no path goes back to
    an older release after a newer one was seen."""
    versions = {path: [files_of_release.get(url_file(path), (None,))[0] for files_of_release in releases] for path in POLLED}
    seen = {path: 0 for path in POLLED}
    for path, status, digest in answers:
        if status != 200:
            fail(f"{label}: /{path} answered {status} during the publication")
            return
        matching = [index for index, version in enumerate(versions[path]) if version == digest]
        if not matching:
            fail(f"{label}: /{path} was a file of no release")
            return
        # A file equal in both releases matches either: take the newest not before what was seen.
        later = [index for index in matching if index >= seen[path]]
        if not later:
            fail(f"{label}: /{path} went back to an older release after a newer one was served")
            return
        seen[path] = later[0]
    print(f"  {label}: {len(answers)} answers during the publication, each a whole file of one release")


class Check:
    def __init__(self, binary, project, work, server):
        self.binary = binary
        self.server = server
        self.work = work
        self.project = os.path.join(work, "project")
        shutil.copytree(os.path.join(project, "Content"), os.path.join(self.project, "Content"))
        shutil.copytree(os.path.join(project, "Templates"), os.path.join(self.project, "Templates"))
        self.target = f"web:{server.srv}"

    def publish(self, *arguments, target=None, lang="zh_CN.UTF-8"):
        command = [self.binary, "publish", target or self.target, "--ssh-config", os.path.join(self.work, "ssh_config"),
                   "--as-of", "2023-06-01", "--base-url", BASE_URL, *arguments]
        environment = dict(os.environ, LANG=lang, LC_ALL="")
        return subprocess.run(command, cwd=self.project, capture_output=True, text=True, env=environment, timeout=600)

    def release_files(self, name):
        return files_of(os.path.join(self.server.srv, "releases", name))

    def edit(self, marker):
        path = os.path.join(self.project, "Content/bases/wanzhou-shahe-primary/example-practice.md")
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"\n发布检查的修改：{marker}\n")

    def sent_count(self, output):
        match = re.search(r"(\d+) 个文件中发送了 (\d+) 个", output)
        return (int(match.group(2)), int(match.group(1))) if match else None


def main(binary, project):
    work = tempfile.mkdtemp(prefix="bulletin-publish-server-check-")
    os.chmod(work, 0o755)
    server = Server(work)
    try:
        check = Check(binary, project, work, server)
        srv = server.srv

        # 1. The first publication sends every file; nginx serves the link.
        result = check.publish()
        first = served_release(srv)
        counts = check.sent_count(result.stdout)
        if result.returncode != 0 or first is None or counts is None:
            fail(f"the first publication failed ({result.returncode}): {result.stdout}{result.stderr}")
            return
        files = check.release_files(first)
        if counts != (len(files), len(files)):
            fail(f"the first publication sent {counts}, expected all {len(files)} files")
        status, body = fetch(server.root)
        if status != 200 or "重庆市家庭教育创新实践基地" not in body.decode():
            fail(f"the published home page answers {status}")
        if not os.path.isfile(os.path.join(srv, "releases", first + ".record")) or not any(name.endswith(".gz") for name in files):
            fail("the release has no record, or no .gz copies")
        if shutil.which("weasyprint") and not any(path.startswith("bulletins/") and path.endswith(".pdf") for path in files):
            fail("the release has no bulletin PDF, though a build makes them where WeasyPrint is installed")
        print(f"  first publication: {counts[0]} files sent, {first} served at {server.root}")

        # 2. Nothing changed: nothing is sent, every file is a hard link to the served release's.
        result = check.publish()
        second = served_release(srv)
        counts = check.sent_count(result.stdout)
        if result.returncode != 0 or counts != (0, len(files)) or second == first:
            fail(f"an unchanged publication: {result.returncode} {counts}, {first} -> {second}: {result.stderr}")
        linked = check.release_files(second)
        if any(linked[path][1] != files[path][1] for path in files):
            fail("an unchanged publication made copies instead of hard links")
        print(f"  unchanged publication: {counts[0] if counts else '?'} files sent, {len(files)} linked")

        # 3. One write-up edited, published while readers poll: only the changed files are sent.
        check.edit("第一次")
        poller = Poller(server.root)
        poller.start()
        result = check.publish()
        time.sleep(0.3)
        poller.running = False
        poller.join()
        third = served_release(srv)
        counts = check.sent_count(result.stdout)
        before, after = check.release_files(second), check.release_files(third)
        changed = sorted(path for path in after if path not in before or before[path][0] != after[path][0])
        if result.returncode != 0 or counts is None or counts[0] != len(changed) or not changed:
            fail(f"an edit: {counts} sent, {len(changed)} files differ: {result.stdout}{result.stderr}")
        if any(after[path][1] != before[path][1] for path in after if path in before and path not in changed):
            fail("unchanged files of an edited site were copied instead of linked")
        if not any(path.startswith(WRITE_UP) for path in changed):
            fail(f"the edited write-up was not sent: {changed[:10]}")
        print(f"  edited publication: {counts[0] if counts else '?'} of {len(after)} files sent, the same {len(changed)} that differ: "
              + ", ".join(changed[:6]) + (" …" if len(changed) > 6 else ""))
        check_whole_releases(poller.answers, [before, after], "readers during an edited publication")
        if "发布检查的修改：第一次" not in fetch(server.root + WRITE_UP)[1].decode():
            fail("the edit is not served after the publication")

        # 4. --list: the three releases, newest first, the served one marked.
        result = check.publish("--list")
        lines = [line for line in result.stdout.splitlines() if re.match(r"^[ *] \d{8}T\d{6}Z", line)]
        if result.returncode != 0 or len(lines) != 3 or not lines[0].startswith("* " + third) or "个页面" not in lines[0]:
            fail(f"--list: {result.stdout}{result.stderr}")
        print("  --list:\n    " + "\n    ".join(result.stdout.splitlines()))
        # The same server written with its port, as an editor without an ssh configuration writes it.
        by_url = check.publish("--list", target=f"ssh://{getpass.getuser()}@127.0.0.1:{server.ssh_port}{srv}")
        if by_url.returncode != 0 or by_url.stdout != result.stdout:
            fail(f"--list through ssh://…:{server.ssh_port}: {by_url.stdout}{by_url.stderr}")

        # 5. --rollback serves the release before, whole.
        poller = Poller(server.root)
        poller.start()
        result = check.publish("--rollback")
        time.sleep(0.3)
        poller.running = False
        poller.join()
        if result.returncode != 0 or served_release(srv) != second or "已回退" not in result.stdout:
            fail(f"--rollback: {result.returncode} {served_release(srv)}: {result.stdout}{result.stderr}")
        if "发布检查的修改" in fetch(server.root + WRITE_UP)[1].decode():
            fail("after --rollback the edit is still served")
        check_whole_releases(poller.answers, [after, before], "readers during a rollback")
        print(f"  --rollback: {third} -> {served_release(srv)}: {result.stdout.strip()}")

        # 6. Publications killed with SIGKILL at random moments: the served site stays one whole
        # release, and the next publication removes what they left. A large attachment makes the
        # upload long enough to be killed in the middle.
        attachment = os.path.join(check.project, "Content/assets/large-attachment.pdf")
        with open(attachment, "wb") as handle:
            handle.write(b"%PDF-1.4\n" + os.urandom(60 * 1024 * 1024))
        random.seed(21)
        kills = 0
        mid_upload = 0
        for round_number in range(6):
            check.edit(f"第{round_number + 2}次")
            served_before = served_release(srv)
            served_files = check.release_files(served_before)
            home_before = fetch(server.root)[1]
            environment = dict(os.environ, LANG="zh_CN.UTF-8")
            command = [binary, "publish", check.target, "--ssh-config", os.path.join(work, "ssh_config"), "--as-of", "2023-06-01",
                       "--base-url", BASE_URL]
            process = subprocess.Popen(command, cwd=check.project, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if round_number < 3:
                # Killed once the upload is under way.
                deadline = time.monotonic() + 120
                while time.monotonic() < deadline and not glob.glob(os.path.join(srv, "releases", ".partial-*", "*")) \
                        and process.poll() is None:
                    time.sleep(0.005)
                time.sleep(random.uniform(0, 0.3))
            else:
                time.sleep(random.uniform(0, 4))
            killed_mid_upload = bool(glob.glob(os.path.join(srv, "releases", ".partial-*")))
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
                kills += 1
                mid_upload += killed_mid_upload
            process.wait()
            time.sleep(0.5)  # rsync and ssh end when their pipe to the killed process closes
            served_after = served_release(srv)
            if served_after != served_before:
                # A kill after the switch: the new release must be whole.
                if not os.path.isfile(os.path.join(srv, "releases", served_after + ".record")):
                    fail(f"kill {round_number}: {served_after} served without its record")
            status, body = fetch(server.root)
            if status != 200:
                fail(f"kill {round_number}: the home page answers {status}")
            if served_after == served_before and (check.release_files(served_before) != served_files or body != home_before):
                fail(f"kill {round_number}: the served release changed")
        result = check.publish()
        leftovers = glob.glob(os.path.join(srv, "releases", ".partial-*")) + glob.glob(os.path.join(srv, ".current-*")) \
            + glob.glob(os.path.join(srv, "releases", ".record-*"))
        if result.returncode != 0 or leftovers:
            fail(f"the publication after the kills: {result.returncode}, left: {leftovers}: {result.stderr}")
        releases = sorted(name for name in os.listdir(os.path.join(srv, "releases")) if not name.endswith(".record"))
        if len(releases) > 5 or served_release(srv) != releases[-1]:
            fail(f"releases kept: {releases}, served {served_release(srv)}")
        print(f"  {kills} publications killed with SIGKILL ({mid_upload} during the upload): the served site stayed whole; "
              f"the next publication cleaned up and {len(releases)} releases are kept")
        os.remove(attachment)

        # 7. A folder on this computer, for a web server on the same machine: the same releases and link.
        local = os.path.join(work, "local-srv")
        first_local = check.publish(target=local)
        again_local = check.publish(target=local)
        if first_local.returncode != 0 or again_local.returncode != 0 or served_release(local) is None \
                or check.sent_count(again_local.stdout) is None or check.sent_count(again_local.stdout)[0] != 0:
            fail(f"publishing to a folder: {first_local.stdout}{first_local.stderr}{again_local.stdout}{again_local.stderr}")
        else:
            print(f"  a folder on this computer: {check.sent_count(first_local.stdout)[0]} files sent, then "
                  f"{check.sent_count(again_local.stdout)[0]}; {served_release(local)} served")

        # 8. The failures an editor meets, in Chinese; the served site untouched by each.
        served = served_release(srv)
        home = fetch(server.root)[1]
        read_only = os.path.join(work, "read-only")
        os.makedirs(read_only)
        mounted = []
        if os.getuid() == 0:
            # root writes anywhere a mode forbids: a read-only file system refuses it too.
            subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", read_only], check=True)
            mounted.append(read_only)
        else:
            os.chmod(read_only, 0o555)
        cases = [
            ("a wrong host", "editor@no-such-host.invalid:/srv/bulletin", "找不到服务器"),
            ("a closed port", f"ssh://127.0.0.1:{free_port()}/srv/bulletin", "无法连接服务器"),
            ("a refused key", f"stranger:{srv}", "拒绝登录"),
            ("a server without rsync", f"bare:{srv}", "未安装 rsync"),
            ("a folder the user may not write", f"web:{read_only}/site", "权限不足"),
        ]
        full = os.path.join(work, "full")
        if os.getuid() == 0:
            os.makedirs(full)
            size = sum(os.path.getsize(os.path.join(directory, name)) for directory, _, names in os.walk(os.path.join(srv, "releases", served))
                       for name in names)
            subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size * 3 // 2 + 4 * 1024 * 1024}", "tmpfs", full], check=True)
            mounted.append(full)
            result = check.publish(target=f"web:{full}")
            if result.returncode != 0:
                fail(f"publishing to the small disk failed at first: {result.stderr}")
            with open(attachment, "wb") as handle:
                handle.write(b"%PDF-1.4\n" + os.urandom(2 * size + 8 * 1024 * 1024))
            cases.append(("a full disk", f"web:{full}", "磁盘已满"))
        try:
            for label, target, words in cases:
                full_before = served_release(full) if target.endswith(full) else None
                result = check.publish(target=target)
                message = result.stderr.strip().splitlines()
                if result.returncode != 1 or words not in result.stderr or "网站未作任何改动" not in result.stderr:
                    fail(f"{label}: {result.returncode}: {result.stderr}")
                if served_release(srv) != served or fetch(server.root)[1] != home:
                    fail(f"{label}: the served site changed")
                if target.endswith(full):
                    if served_release(full) != full_before or glob.glob(os.path.join(full, "releases", ".partial-*")):
                        fail(f"{label}: the small disk's site changed or the upload was left")
                print(f"  {label}: " + " / ".join(message[-2:]))
            english = check.publish(target="editor@no-such-host.invalid:/srv/bulletin", lang="en_US.UTF-8")
            if "was not found" not in english.stderr:
                fail(f"in English: {english.stderr}")
        finally:
            for mount_point in mounted:
                subprocess.run(["umount", mount_point])
            if os.path.exists(attachment):
                os.remove(attachment)
        print(f"publish to a server: {fail.count} problems")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if fail.count else 0)


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2]))
