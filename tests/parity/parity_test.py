#!/usr/bin/env python3
"""The parity suite: every case of cases.json runs through the three clients — the CLI (the
real binary), the HTTP API (a real `statecraft serve` on 127.0.0.1) and the Python module — and
their answers must agree: the same JSON for a success, and for a failure the same error code and
the same message, word for word.

A case is data:

    {"name": "...", "command": "run", "scenario": "tests/scenarios/x.yaml",
     "request": {"model": "eum", "params": {"rounds": 3}},
     "error": "bad_input", "message": "exact text" | "message_starts": "prefix"}

`request` holds the request's fields as the HTTP API and Python take them (statecraft/app/
json_requests.h); this runner writes them as the CLI's flags (--draws=30, --model X for each of
"models", --param k=v for each of "params"), as an API body (the scenario file becomes its
"document", converted to JSON by `statecraft convert`) and as keyword arguments. `scenario`
absent: the built-in scenario. Without `error` the case must succeed in all three.

The runs cases read a store that the runner fills first with two runs (`statecraft run` and
`statecraft compare`); the server reads the same store. Computing commands save nothing
(--no-save, "save": false), so no run ids or times enter the compared JSON.

Usage: parity_test.py --binary build/statecraft [--cases tests/parity/cases.json]
(run from the repository root, with PYTHONPATH holding the built module).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import statecraft

EXIT_STATUS = {"bad_input": 2, "not_found": 2, "conflict": 2, "internal": 1}
HTTP_STATUS = {"bad_input": 400, "not_found": 404, "conflict": 409, "internal": 500}
PYTHON_ERROR = {"bad_input": statecraft.InputError, "not_found": statecraft.NotFoundError,
                "conflict": statecraft.ConflictError, "internal": RuntimeError}
PREFIX = "statecraft: error: "

# Request fields and the CLI flags that carry them.
FLAGS = {"draws": "--draws", "seed": "--seed", "threads": "--threads",
         "distribution": "--distribution", "target": "--target", "counter": "--counter",
         "plan": "--plan", "drivers": "--drivers", "probability": "--probability",
         "budget": "--budget", "runners_up": "--runners-up", "optimize_draws": "--optimize-draws",
         "model": "--model", "limit": "--limit", "exhaustive": "--exhaustive"}
REPEATED = {"models": "--model", "plans": "--plan"}
SAVING = {"run", "compare", "whatif", "sweep", "optimize"}
JOBS = {"whatif", "sweep", "optimize", "answer"}


class Failure(Exception):
    pass


def text(value):
    return json.dumps(value) if isinstance(value, bool) else str(value)


# ---------------------------------------------------------------------------------------------
# The CLI


def cli_arguments(case, db):
    command, request = case["command"], dict(case.get("request", {}))
    scenario = [case["scenario"]] if "scenario" in case else []
    if command == "models":
        return ["models", "--format", "json"]
    if command == "validate":
        return ["validate"] + scenario + ["--format", "json"]
    if command == "scenarios":
        return ["scenarios", "--format", "json"]
    if command.startswith("runs_"):
        verb = command[len("runs_"):]
        words = ["runs", verb]
        if "id" in request:
            words.append(str(request.pop("id")))
        words += ["--db", db]
        if verb == "list":
            words += ["--format", "json"]
    elif command == "backtest":
        words = ["backtest", "flagship"] + scenario + ["--format", "json"]
    elif command == "backtest_gallery":
        words = ["backtest", "gallery", "--format", "json"]
    elif command == "report":
        words = ["report"] + scenario + ["--format", "json", "-o", "-"]
    else:
        words = [command] + scenario + ["--format", "json"]
        if command in SAVING:
            words.append("--no-save")
    for key, value in request.items():
        if key in REPEATED:
            for item in value:
                words.append("%s=%s" % (REPEATED[key], item))
        elif key == "params":
            for name, item in value.items():
                words.append("--param=%s=%s" % (name, text(item)))
        elif key == "model_error":
            words.append("--model-error=%s" % ("on" if value else "off"))
        elif key in FLAGS:
            words.append("%s=%s" % (FLAGS[key], text(value)))
        else:
            raise Failure("no CLI flag for the field '%s'" % key)
    return words


def run_cli(binary, case, db):
    arguments = cli_arguments(case, db)
    result = subprocess.run([binary] + arguments, capture_output=True, text=True, timeout=600)
    if result.returncode == 0:
        return {"ok": json.loads(result.stdout)}
    lines = result.stderr.strip().splitlines()
    if len(lines) != 1 or not lines[0].startswith(PREFIX):
        raise Failure("CLI %s: exit %d, expected one error line, got %r"
                      % (arguments, result.returncode, result.stderr))
    return {"error": lines[0][len(PREFIX):], "status": result.returncode}


# ---------------------------------------------------------------------------------------------
# The HTTP API


class Server:
    def __init__(self, binary, db):
        self.process = subprocess.Popen(
            [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--db", db, "--no-save"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if "serving http://" not in line:
            raise Failure("serve did not start: %r %r" % (line, self.process.stderr.read()))
        self.base = line.split("serving ")[1].split("/ ")[0]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=600) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def api_route(case, documents):
    command, request = case["command"], dict(case.get("request", {}))
    body = dict(request)
    if "scenario" in case:
        body["document"] = documents[case["scenario"]]
    if command == "models":
        return "GET", "/api/models", None
    if command == "validate":
        return "POST", "/api/validate", {"document": body.get("document")}
    if command == "scenarios":
        return "GET", "/api/scenarios", None
    if command == "backtest_gallery":
        return "POST", "/api/backtest/gallery", body
    if command == "runs_list":
        return "GET", "/api/runs?limit=%d" % request["limit"], None
    if command == "runs_export":
        return "GET", "/api/runs/%d" % request["id"], None
    if command == "runs_delete":
        return "DELETE", "/api/runs/%d" % request["id"], None
    if command in SAVING:
        body["save"] = False
    return "POST", "/api/" + command, body


def run_api(server, case, documents):
    method, path, body = api_route(case, documents)
    status, answer = server.call(method, path, body)
    if case["command"] in JOBS and status == 202:
        deadline = time.time() + 600
        while True:
            status, job = server.call("GET", answer["status_url"])
            if job["status"] != "running" or time.time() > deadline:
                break
            time.sleep(0.05)
        if job["status"] == "done":
            return {"ok": job["result"]}
        if job["status"] != "failed":
            raise Failure("API job ended %s" % job["status"])
        return {"error": job["error"], "code": job["code"], "status": 400}
    if status == 200:
        if case["command"] == "scenarios":
            # The API lists each scenario with its document beside the fields the others give.
            for listing in answer["scenarios"]:
                listing.pop("document")
        return {"ok": answer}
    return {"error": answer["error"], "code": answer.get("code"), "status": status}


# ---------------------------------------------------------------------------------------------
# Python


def python_call(case, db):
    command, request = case["command"], dict(case.get("request", {}))
    scenario = case.get("scenario")
    if command == "models":
        return {"models": statecraft.models()}
    if command == "validate":
        return statecraft.validate(scenario)
    if command == "run":
        params = request.pop("params", {})
        return statecraft.run(scenario, **request, **params).to_dict()
    if command == "compare":
        return statecraft.compare(scenario, **request).to_dict()
    if command == "scenarios":
        return {"scenarios": statecraft.scenarios()}
    if command == "backtest_gallery":
        return statecraft.backtest_gallery(**request)
    if command == "backtest":
        return statecraft.backtest_flagship(scenario, **request).to_dict()
    if command == "report":
        return statecraft.report_data(scenario, **request)
    if command == "runs_list":
        return statecraft.list_runs(request["limit"], db=db)
    if command == "runs_export":
        return statecraft.export_run(request["id"], db=db)
    if command == "runs_delete":
        return statecraft.delete_run(request["id"], db=db)
    function = getattr(statecraft, command)
    return function(scenario, **request).to_dict()


def run_python(case, db):
    try:
        # Through JSON, as the other clients' answers are read.
        return {"ok": json.loads(json.dumps(python_call(case, db)))}
    except (ValueError, LookupError, RuntimeError) as error:
        return {"error": str(error), "code": getattr(error, "code", None), "type": type(error)}


# ---------------------------------------------------------------------------------------------


def check(case, cli, api, python):
    expected = case.get("error")
    if expected is None:
        for name, answer in (("CLI", cli), ("API", api), ("Python", python)):
            if "ok" not in answer:
                raise Failure("%s failed: %s" % (name, answer["error"]))
        if cli["ok"] != api["ok"]:
            raise Failure("the API's JSON differs from the CLI's:\n%s" % first_difference(
                cli["ok"], api["ok"]))
        if cli["ok"] != python["ok"]:
            raise Failure("Python's JSON differs from the CLI's:\n%s" % first_difference(
                cli["ok"], python["ok"]))
        return
    for name, answer in (("CLI", cli), ("API", api), ("Python", python)):
        if "error" not in answer:
            raise Failure("%s succeeded, expected %s" % (name, expected))
    if cli["status"] != EXIT_STATUS[expected]:
        raise Failure("CLI exit %d, expected %d" % (cli["status"], EXIT_STATUS[expected]))
    if api["code"] != expected or api["status"] != HTTP_STATUS[expected]:
        raise Failure("API %s %s, expected %s" % (api["status"], api["code"], expected))
    if python["code"] != expected or not issubclass(python["type"], PYTHON_ERROR[expected]):
        raise Failure("Python %s %s, expected %s" % (python["type"].__name__, python["code"],
                                                     expected))
    messages = {cli["error"], api["error"], python["error"]}
    if len(messages) != 1:
        raise Failure("the messages differ:\n  CLI:    %s\n  API:    %s\n  Python: %s"
                      % (cli["error"], api["error"], python["error"]))
    if "message" in case and cli["error"] != case["message"]:
        raise Failure("message %r, expected %r" % (cli["error"], case["message"]))
    if "message_starts" in case and not cli["error"].startswith(case["message_starts"]):
        raise Failure("message %r, expected it to start %r" % (cli["error"],
                                                              case["message_starts"]))


def first_difference(a, b, path="$"):
    if type(a) != type(b):
        return "%s: %r vs %r" % (path, a, b)
    if isinstance(a, dict):
        if list(a) != list(b):
            return "%s: keys %s vs %s" % (path, list(a), list(b))
        for key in a:
            if a[key] != b[key]:
                return first_difference(a[key], b[key], "%s.%s" % (path, key))
    if isinstance(a, list):
        if len(a) != len(b):
            return "%s: %d items vs %d" % (path, len(a), len(b))
        for k, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return first_difference(x, y, "%s[%d]" % (path, k))
    return "%s: %r vs %r" % (path, a, b)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--cases", default="tests/parity/cases.json")
    arguments = parser.parse_args()
    with open(arguments.cases, encoding="utf-8") as handle:
        cases = json.load(handle)
    commands = {case["command"] for case in cases}
    print("%d cases, %d of them errors, commands: %s"
          % (len(cases), sum("error" in case for case in cases), ", ".join(sorted(commands))))
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_DATA_HOME"] = folder
        db = os.path.join(folder, "runs.sqlite")
        for words in (["run", "--model", "median"],
                      ["compare", "--model", "mean", "--model", "median", "--plan", "china"]):
            subprocess.run([arguments.binary] + words + ["--db", db], check=True,
                           capture_output=True)
        documents = {}
        for case in cases:
            if "scenario" in case and case["scenario"] not in documents:
                converted = subprocess.run(
                    [arguments.binary, "convert", case["scenario"], "--to", "json"],
                    check=True, capture_output=True, text=True)
                documents[case["scenario"]] = json.loads(converted.stdout)
        server = Server(arguments.binary, db)
        failures = 0
        try:
            for case in cases:
                started = time.time()
                try:
                    check(case, run_cli(arguments.binary, case, db),
                          run_api(server, case, documents), run_python(case, db))
                    print("ok   %-55s %5.1f s" % (case["name"], time.time() - started))
                except Failure as failure:
                    failures += 1
                    print("FAIL %s\n     %s" % (case["name"], failure))
        finally:
            server.stop()
    print("%d of %d cases failed" % (failures, len(cases)) if failures else
          "all %d cases agree" % len(cases))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
