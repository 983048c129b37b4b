"""The package installs as a user installs it, offline, and works from the install.

1. `pip wheel` builds the wheel from this build folder (setup.py reuses the CMake build: the
   module's target is already up to date, so nothing is compiled again);
2. the wheel is installed into a fresh virtual environment made with --system-site-packages
   (numpy, pandas and matplotlib from Debian), with pip's dependency check on;
3. `pip install --no-index --no-build-isolation SOURCE` installs into a second fresh one;
4. each environment's python, started outside the source tree and without PYTHONPATH, imports
   statecraft from its site-packages, finds the type stubs and py.typed beside it, runs a
   forecast and checks it against the CLI's JSON.

    python3 python/wheel_test.py --source . --build build --cli build/statecraft
"""

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECK = r"""
import json, os, sys
import statecraft
package = os.path.dirname(statecraft.__file__)
assert package.startswith(sys.prefix), (package, sys.prefix)
for name in ("__init__.pyi", "py.typed"):
    assert os.path.exists(os.path.join(package, name)), name
result = statecraft.run(model="eum", rounds=10, capitulation=True)
print(json.dumps({"version": statecraft.__version__, "run": result.to_dict(),
                  "repr": repr(result)}))
"""


def call(command, **options):
    completed = subprocess.run(command, capture_output=True, text=True, **options)
    if completed.returncode != 0:
        sys.exit("failed (%d): %s\n%s\n%s" % (completed.returncode, " ".join(command),
                                              completed.stdout, completed.stderr))
    return completed.stdout


def fresh_environment(path):
    shutil.rmtree(path, ignore_errors=True)
    call([sys.executable, "-m", "venv", "--system-site-packages", path])
    return os.path.join(path, "bin", "python")


def check_installed(python, expected, work_dir):
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    output = json.loads(call([python, "-c", CHECK], cwd=work_dir, env=environment))
    if output["run"] != expected:
        sys.exit("%s: the installed module's run differs from the CLI's JSON" % python)
    if "object at 0x" in output["repr"] or "munitions" not in output["repr"]:
        sys.exit("%s: unreadable repr: %s" % (python, output["repr"]))
    print("%s: statecraft %s imported and ran eum" % (python, output["version"]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--cli", required=True)
    arguments = parser.parse_args()
    source, build = os.path.abspath(arguments.source), os.path.abspath(arguments.build)
    cli = os.path.abspath(arguments.cli)
    work = os.path.join(build, "wheel-test")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    pip_environment = dict(os.environ, STATECRAFT_BUILD_DIR=build, PIP_NO_INPUT="1",
                           PIP_DISABLE_PIP_VERSION_CHECK="1")
    pip_environment.pop("PYTHONPATH", None)

    dist = os.path.join(work, "dist")
    call([sys.executable, "-m", "pip", "wheel", "--no-index", "--no-build-isolation",
          "--no-deps", "--wheel-dir", dist, source], cwd=source, env=pip_environment)
    wheels = glob.glob(os.path.join(dist, "statecraft-*.whl"))
    if len(wheels) != 1:
        sys.exit("expected one wheel in %s, found %s" % (dist, wheels))
    print("built", os.path.basename(wheels[0]))

    expected = json.loads(call([cli, "run", "--model", "eum", "--param", "rounds=10",
                                "--param", "capitulation=true", "--format", "json",
                                "--no-save"], cwd=work))
    with tempfile.TemporaryDirectory(dir=work) as outside:
        from_wheel = fresh_environment(os.path.join(work, "venv-wheel"))
        call([from_wheel, "-m", "pip", "install", "--no-index", wheels[0]], env=pip_environment)
        check_installed(from_wheel, expected, outside)

        from_source = fresh_environment(os.path.join(work, "venv-source"))
        call([from_source, "-m", "pip", "install", "--no-index", "--no-build-isolation", source],
             cwd=source, env=pip_environment)
        check_installed(from_source, expected, outside)


if __name__ == "__main__":
    main()
