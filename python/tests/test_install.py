"""The README's install command works offline: a virtual environment over
Debian's Python and pip install --no-build-isolation, no package index."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import SOURCE


def test_pip_install_offline(tmp_path):
    build = os.environ.get("PX_BUILD_DIR")
    if not build or not os.path.exists(os.path.join(build, "CMakeCache.txt")):
        pytest.skip("needs the CMake build directory (PX_BUILD_DIR, set by ctest)")
    # a copy of python/, so that the in-tree build leaves the checkout clean
    shutil.copytree(os.path.join(SOURCE, "python"), tmp_path / "python",
                    ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    venv = tmp_path / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", "--system-site-packages", str(venv)],
                   check=True)
    env = dict(os.environ, PARALLAX_SOURCE_DIR=SOURCE, PARALLAX_BUILD_DIR=build,
               PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)
    r = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-build-isolation",
                        "--no-index", str(tmp_path / "python")],
                       env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    r = subprocess.run([str(venv / "bin" / "python"), "-c",
                        "import parallax, sys; a = parallax.analyze('\"Fine,\" Anneli Korhonen "
                        "said in Tampere.'); print(parallax.__file__); "
                        "print(a.quotes[0].speaker)"],
                       env=env, capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert str(venv) in r.stdout and "Anneli Korhonen" in r.stdout
