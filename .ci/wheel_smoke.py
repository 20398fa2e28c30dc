"""Install onrecord the way a pip user does and try it: build the wheel, install it into a fresh
virtual environment WITHOUT constraints.txt (whatever versions pyproject.toml's ranges pick today),
then, from a folder outside the checkout, run `onrecord demo --no-serve`, `onrecord stance` on a
statement, `onrecord quotes` on an article, and one HTTP request to `onrecord serve`.

    python3 .ci/wheel_smoke.py [--keep]        (stdlib only; exits non-zero on the first failure)
"""
import json
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def step(title: str) -> None:
    print(f"\n== {title}", flush=True)


def run(*command, cwd=None, timeout=1800) -> str:
    print("$", " ".join(str(part) for part in command), flush=True)
    done = subprocess.run([str(part) for part in command], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        sys.exit(f"failed (exit {done.returncode}):\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    return done.stdout


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, server: subprocess.Popen, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    while True:
        if server.poll() is not None:
            sys.exit(f"onrecord serve exited with {server.returncode}: {server.stderr.read()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if time.monotonic() > deadline:
                sys.exit(f"{url} did not answer within {seconds}s")
            time.sleep(0.5)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="onrecord-wheel-"))
    env_dir, dist, home = work / "venv", work / "dist", work / "home"
    home.mkdir()
    step("a fresh virtual environment")
    venv.create(env_dir, with_pip=True)
    python, onrecord = env_dir / "bin" / "python", env_dir / "bin" / "onrecord"
    run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")

    step("build the wheel")
    # From a copy of the checkout: a build in place leaves build/ behind, and an old build/ can
    # slip files that no longer exist into the wheel.
    source = work / "source"
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "test-artifacts", "*.db", "*.db-*"))
    run(python, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", dist, source)
    [wheel] = dist.glob("onrecord-*.whl")
    print(wheel.name)

    step("install it, no constraints file")
    run(python, "-m", "pip", "install", "--quiet", wheel)
    print(run(python, "-m", "pip", "list", "--format=freeze").replace("\n", " "))

    step("onrecord demo --no-serve")
    output = run(onrecord, "demo", "--no-serve", "--db", "demo.db", cwd=home, timeout=600)
    print(output[-1500:])
    for expected in ("Built demo.db", "condemning", "supporting", "mixed", "silent", "unmonitored"):
        if expected not in output:
            sys.exit(f"the demo's output lacks {expected!r}")

    step("onrecord stance")
    output = run(onrecord, "stance", "ICE agents out of our city now. These raids are cruel.", "Shipping v2 today.",
                 cwd=home, timeout=300)
    print(output)
    judged = [json.loads(line) for line in output.splitlines()]
    if [j["id"] for j in judged] != [1, 2] or judged[0]["stance"] != "condemning" or judged[1]["stance"] != "silent":
        sys.exit(f"unexpected stances: {judged}")

    step("onrecord quotes")
    article = home / "article.txt"  # FICTIONAL people
    article.write_text('"These raids are a disgrace," Ada Example, a fictional chief executive, said on Tuesday.\n\n'
                       'Bo Sample, also fictional, was seated beside her and did not speak.\n')
    output = run(onrecord, "quotes", "--name", "Ada Example", "--name", "Bo Sample", "--only-names", "--stance",
                 article, cwd=home, timeout=300)
    print(output)
    found = [json.loads(line) for line in output.splitlines()]
    if [(f["leader"], f["text"], f["stance"]) for f in found] != [("ada-example", "These raids are a disgrace", "condemning")]:
        sys.exit(f"unexpected quotes: {found}")

    step("onrecord serve, one request")
    port = free_port()
    server = subprocess.Popen([str(onrecord), "serve", "--db", "demo.db", "--port", str(port)], cwd=home,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        page = fetch(f"http://127.0.0.1:{port}/board", server)
        rows = json.loads(fetch(f"http://127.0.0.1:{port}/onrecord/leader_stances.json?_shape=array", server))
    finally:
        server.terminate()
        server.wait(timeout=30)
    if "FICTIONAL" not in page or len(rows) < 10:
        sys.exit(f"/board lacks the fiction banner, or leader_stances has {len(rows)} rows")
    print(f"/board: {len(page)} bytes with the fiction banner; leader_stances: {len(rows)} rows")

    if "--keep" in sys.argv:
        print(f"\nkept {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    print("\nwheel smoke test passed")


if __name__ == "__main__":
    main()
