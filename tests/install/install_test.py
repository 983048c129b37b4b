"""Installs statecraft into a temporary prefix and builds examples/cpp against it with
find_package(statecraft): the package finds its dependencies, the headers and libraries are all
there, and the example's forecasts equal those of the installed `statecraft run`."""

import argparse
import json
import os
import subprocess
import sys
import tempfile


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"FAIL {' '.join(command)}: exit {result.returncode}\n"
                 f"{result.stdout}\n{result.stderr}")
    return result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", required=True)
    parser.add_argument("--example", required=True)
    parser.add_argument("--generator", required=True)
    parser.add_argument("--compiler", required=True)
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory() as work:
        prefix = os.path.join(work, "prefix")
        run(["cmake", "--install", arguments.build, "--prefix", prefix])
        for installed in ["bin/statecraft", "include/statecraft/analysis/run.h",
                          "include/statecraft/io/scenario_reader.h"]:
            if not os.path.exists(os.path.join(prefix, installed)):
                sys.exit(f"FAIL the install has no {installed}")
        print("ok - cmake --install puts the command, the headers and the package in place")

        example_build = os.path.join(work, "example")
        run(["cmake", "-S", arguments.example, "-B", example_build, "-G", arguments.generator,
             f"-DCMAKE_CXX_COMPILER={arguments.compiler}", f"-DCMAKE_PREFIX_PATH={prefix}",
             "-DCMAKE_BUILD_TYPE=Release"])
        run(["cmake", "--build", example_build])
        print("ok - examples/cpp builds with find_package(statecraft)")

        lines = run([os.path.join(example_build, "forecast")]).splitlines()
        environment = dict(os.environ, XDG_DATA_HOME=os.path.join(work, "data"))
        models = json.loads(run([os.path.join(prefix, "bin/statecraft"), "models",
                                 "--format", "json"], env=environment))
        names = [model["name"] for model in models["models"]]
        if [line.split()[0] for line in lines] != names:
            sys.exit(f"FAIL the example ran {lines}, expected the models {names}")
        for line in lines:
            name = line.split()[0]
            forecast = json.loads(run([os.path.join(prefix, "bin/statecraft"), "run", "--model",
                                       name, "--format", "json", "--no-save"], env=environment))
            expected = name + "".join(f" {issue}={value:.1f}"
                                      for issue, value in forecast["outcome"].items())
            if line != expected:
                sys.exit(f"FAIL the example printed '{line}', the installed command '{expected}'")
        print(f"ok - the example's forecasts equal `statecraft run` for {len(lines)} models")


if __name__ == "__main__":
    main()
