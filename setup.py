"""Builds the `statecraft` Python package from the project's CMake build.

The compiled core (_statecraft) is the CMake target statecraft_python: this script builds that
target in the CMake build folder (STATECRAFT_BUILD_DIR, default build/ of the source tree) and
copies the module into the wheel, so a folder that `make build` already built compiles nothing
again. A folder without a CMake cache is configured first (Release, Ninja when installed, this
interpreter as Python). The pure-Python files, the type stubs and py.typed come from
python/statecraft/.

    /usr/bin/python3 -m venv --system-site-packages .venv
    .venv/bin/pip install --no-index --no-build-isolation .
"""

import os
import re
import shutil
import subprocess
import sys
import sysconfig

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

SOURCE_DIR = os.path.dirname(os.path.abspath(__file__))


def program_version():
    """The version defined once, in statecraft/core/version.h (kProgramVersion)."""
    path = os.path.join(SOURCE_DIR, "statecraft", "core", "version.h")
    with open(path, encoding="utf-8") as header:
        found = re.search(r'kProgramVersion\[\] = "([0-9]+\.[0-9]+\.[0-9]+)"', header.read())
    if not found:
        raise RuntimeError("%s: kProgramVersion not found" % path)
    return found.group(1)


def cmake_build_dir():
    return os.path.abspath(os.environ.get("STATECRAFT_BUILD_DIR")
                           or os.path.join(SOURCE_DIR, "build"))


class CMakeBuild(build_ext):
    """Builds _statecraft with CMake (only the module's target and the libraries it links) and
    copies it where setuptools expects the extension."""

    def build_extension(self, ext):
        build_dir = cmake_build_dir()
        if not os.path.exists(os.path.join(build_dir, "CMakeCache.txt")):
            configure = ["cmake", "-S", SOURCE_DIR, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                         "-DSTATECRAFT_PYTHON=ON", "-DPython_EXECUTABLE=" + sys.executable]
            if shutil.which("ninja"):
                configure += ["-G", "Ninja"]
            subprocess.check_call(configure)
        jobs = os.environ.get("STATECRAFT_JOBS") or str(os.cpu_count() or 1)
        subprocess.check_call(["cmake", "--build", build_dir, "--target", "statecraft_python",
                               "-j", jobs])
        name = "_statecraft" + sysconfig.get_config_var("EXT_SUFFIX")
        built = os.path.join(build_dir, "python", "statecraft", name)
        if not os.path.exists(built):
            raise RuntimeError(
                "%s was not built: the CMake build in %s uses another Python than %s (see its "
                "Python_EXECUTABLE); set STATECRAFT_BUILD_DIR to a new folder to build for this "
                "interpreter" % (name, build_dir, sys.executable))
        target = self.get_ext_fullpath(ext.name)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(built, target)


class FreshBuildPy(build_py):
    """Copies the package's Python files into an emptied folder, so that a file removed from
    python/statecraft/ does not linger in a wheel built from a reused build folder."""

    def run(self):
        shutil.rmtree(os.path.join(self.build_lib, "statecraft"), ignore_errors=True)
        super().run()


# setuptools' own work folders go into the CMake build folder, not into the source tree.
SETUPTOOLS_DIR = os.path.join(cmake_build_dir(), "setuptools")
os.makedirs(SETUPTOOLS_DIR, exist_ok=True)

setup(
    version=program_version(),
    packages=["statecraft"],
    package_dir={"statecraft": "python/statecraft"},
    package_data={"statecraft": ["*.pyi", "py.typed"]},
    ext_modules=[Extension("statecraft._statecraft", sources=[])],
    cmdclass={"build_ext": CMakeBuild, "build_py": FreshBuildPy},
    options={"build": {"build_base": SETUPTOOLS_DIR}, "egg_info": {"egg_base": SETUPTOOLS_DIR}},
    zip_safe=False,
)
