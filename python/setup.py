"""Build the parallax Python module from the checkout.

The extension parallax._core is built by the project's CMake (target
parallax_python: python/parallax/_core.c linked with the static libparallax),
so the compiler flags and the libraries linked are the ones of the command-line
tool.  PARALLAX_SOURCE_DIR names the checkout when
python/ was copied elsewhere.  Set PARALLAX_BUILD_DIR to an existing CMake build directory of the
checkout to reuse it; otherwise a Release build is made under python/build/.

    /usr/bin/python3 -m venv --system-site-packages .venv
    .venv/bin/pip install --no-build-isolation ./python
"""
import os
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("PARALLAX_SOURCE_DIR") or os.path.dirname(HERE)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        if not os.path.exists(os.path.join(ROOT, "CMakeLists.txt")):
            sys.exit("parallax: build from the checkout (pip install ./python), "
                     "the library's sources are one folder up")
        build = os.environ.get("PARALLAX_BUILD_DIR") or os.path.join(HERE, "build", "cmake")
        jobs = str(os.cpu_count() or 2)
        if not os.path.exists(os.path.join(build, "CMakeCache.txt")):
            subprocess.check_call(["cmake", "-S", ROOT, "-B", build,
                                   "-DCMAKE_BUILD_TYPE=Release",
                                   f"-DPython3_EXECUTABLE={sys.executable}"])
        subprocess.check_call(["cmake", "--build", build, "--target", "parallax_python",
                               "-j", jobs])
        built = os.path.join(build, "python", "parallax")
        name = [f for f in os.listdir(built) if f.startswith("_core") and f.endswith(".so")]
        if not name:
            sys.exit(f"parallax: no _core*.so in {built}")
        dest = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        shutil.copyfile(os.path.join(built, name[0]), dest)


setup(
    name="parallax",
    version="0.1.0",
    description="How the news covers an event: the parallax engine from Python",
    packages=["parallax"],
    package_data={"parallax": ["py.typed", "*.pyi"]},
    ext_modules=[Extension("parallax._core", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.10",
    zip_safe=False,
)
