"""statecraft as a subproject: a project that adds the source tree with add_subdirectory and
links statecraft::io configures, gets the libraries and the command under the same target names
as an install gives, and none of statecraft's tests, benchmarks or Python module. (Configuring
only: building the libraries again would repeat what the main build already proves.)"""

import argparse
import os
import subprocess
import sys
import tempfile

WRAPPER = """cmake_minimum_required(VERSION 3.25)
project(analysis_tool LANGUAGES CXX)
add_subdirectory("{source}" statecraft)
add_executable(forecast "{source}/examples/cpp/forecast.cc")
target_link_libraries(forecast PRIVATE statecraft::io statecraft::store statecraft::report)
foreach(target statecraft::engine statecraft::io statecraft::store statecraft::report
               statecraft_cli)
  if(NOT TARGET ${{target}})
    message(FATAL_ERROR "the subproject gives no target ${{target}}")
  endif()
endforeach()
foreach(target statecraft_python sweep_bench)
  if(TARGET ${{target}})
    message(FATAL_ERROR "the subproject builds ${{target}}")
  endif()
endforeach()
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True)
    parser.add_argument("--generator", required=True)
    parser.add_argument("--compiler", required=True)
    arguments = parser.parse_args()
    source = os.path.abspath(arguments.source).replace("\\", "/")

    with tempfile.TemporaryDirectory() as work:
        project = os.path.join(work, "project")
        os.makedirs(project)
        with open(os.path.join(project, "CMakeLists.txt"), "w") as file:
            file.write(WRAPPER.format(source=source))
        build = os.path.join(work, "build")
        configure = subprocess.run(
            ["cmake", "-S", project, "-B", build, "-G", arguments.generator,
             f"-DCMAKE_CXX_COMPILER={arguments.compiler}"],
            capture_output=True, text=True)
        if configure.returncode != 0:
            sys.exit(f"FAIL configuring a project that adds statecraft:\n{configure.stdout}\n"
                     f"{configure.stderr}")
        print("ok - a project with add_subdirectory(statecraft) configures, with its libraries "
              "and command and without its benchmarks and Python module")

        listed = subprocess.run(["ctest", "--test-dir", build, "-N"], capture_output=True,
                                text=True).stdout
        if "Total Tests: 0" not in listed:
            sys.exit(f"FAIL the subproject registers statecraft's tests:\n{listed}")
        print("ok - it registers none of statecraft's tests")


if __name__ == "__main__":
    main()
