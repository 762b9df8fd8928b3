"""docs/python_example.py answers its research question on (part of) the
AllSides corpus, and skips cleanly when the corpus is absent."""
import os
import subprocess
import sys

import pytest

from conftest import SOURCE

EXAMPLE = os.path.join(SOURCE, "docs", "python_example.py")


def run(**env):
    e = dict(os.environ, **env)
    return subprocess.run([sys.executable, EXAMPLE], capture_output=True, text=True, env=e,
                          timeout=600)


def test_example_skips_without_data(tmp_path):
    r = run(PX_ALLSIDES=str(tmp_path / "absent.jsonl.xz"))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("skipped: the AllSides corpus is not at")


def test_example_answers(tmp_path):
    r = run(PX_EXAMPLE_ARTICLES="1200", TMPDIR=str(tmp_path))
    # the example's store folder is removed when it ends
    assert not [p for p in os.listdir(tmp_path) if p.startswith("parallax-example-")]
    assert r.returncode == 0, r.stderr[-3000:]
    if r.stdout.startswith("skipped:"):
        pytest.skip(r.stdout.strip())
    out = r.stdout
    assert "1200 articles stored" in out
    assert "share_only_here" in out and "rendered_differently" in out
    # the outlet table has rows with a share in [0, 1]
    rows = out.split("share_only_here", 1)[1].split("speaker", 1)[0].strip().splitlines()
    shares = [float(line.split()[-1]) for line in rows if line.strip()]
    assert len(shares) >= 3 and all(0 <= x <= 1 for x in shares)
    assert shares == sorted(shares, reverse=True)
