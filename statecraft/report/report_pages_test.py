#!/usr/bin/env python3
"""The HTML report of every scenario and of a saved run of every kind, read as a browser would
parse it:

- the built-in scenario and every scenario file under scenarios/ and tests/scenarios (a file
  that is a bad input must be refused with exit code 2, a message naming the file, and no
  report written);
- `statecraft report --run ID` of a saved run, compare, whatif, sweep and optimize (in a
  temporary store), with the JSON the command printed.

Each page must lead with its answer section (the first section of the page); print no NaN or
infinity anywhere; have no empty chart (every chart draws the marks of its kind) and no empty
table; every figure it prints must equal the number at its data-path in the data embedded in
the page, printed with its data-format; and wherever the data sizes each model's own error
(model_error.models), every model's size is printed. The embedded data must equal `report --format json`
(the scenario reports) or hold the command's printed JSON unchanged (saved runs).

usage: report_pages_test.py BINARY SOURCE_DIR
"""
import glob
import html.parser
import json
import math
import os
import re
import subprocess
import sys
import tempfile

DRAWS = "16"
SEED = "3"

# What a chart of each kind must draw to be more than an empty frame.
MARKS = {
    "trajectory": ("polyline", "rect.band"),
    "distribution": ("rect.band",),
    "plans": ("rect.band",),
    "tornado": ("rect.bar",),
    "backtest": ("circle.error",),
    "probability": ("rect.bar",),
}


def check(condition, message):
    if not condition:
        raise SystemExit("FAIL " + message)


def run(binary, *args, expect=0):
    result = subprocess.run([binary, *args], capture_output=True, text=True, timeout=600)
    if result.returncode != expect:
        raise SystemExit(f"FAIL statecraft {' '.join(args)}: exit {result.returncode}, expected "
                         f"{expect}\n{result.stderr}")
    return result


def format_figure(value, form):
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value):
        return "-"
    if form == "pct":
        return "%.0f %%" % (value * 100.0)
    if form == "signed2":
        return "%+.2f" % value
    if form == "g4":
        return "%.4g" % value
    if abs(value) >= 1e15:  # as the report: fixed notation would print meaningless digits
        return "%.6g" % value
    return "%.*f" % ({"0": 0, "2": 2}.get(form, 1), value)


def resolve(data, pointer):
    node = data
    for part in pointer.split("/")[1:]:
        part = part.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(part)]
        else:
            node = node[part]
    return node


class Page(html.parser.HTMLParser):
    """Sections, charts and their marks, tables and their rows, figures, the data block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections = []
        self.charts = []  # [kind, {mark: count}]
        self.tables = []  # [id, body rows]
        self.figures = []  # [path, format, text]
        self.data_text = None
        self.stack = []
        self.in_data = False
        self.text_outside_data = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.stack.append((tag, attributes))
        classes = attributes.get("class", "").split()
        if tag == "section":
            self.sections.append(attributes.get("id"))
        if tag == "svg" and "chart" in classes:
            self.charts.append([attributes.get("data-chart"), {}])
        elif self.charts and any(t == "svg" and "chart" in a.get("class", "").split()
                                 for t, a in self.stack[:-1]):
            marks = self.charts[-1][1]
            marks[tag] = marks.get(tag, 0) + 1
            for name in classes:
                marks[tag + "." + name] = marks.get(tag + "." + name, 0) + 1
        if tag == "table":
            self.tables.append([attributes.get("id"), 0])
        if tag == "tr" and self.tables and any(t == "tbody" for t, _ in self.stack):
            self.tables[-1][1] += 1
        if "data-path" in attributes:
            self.figures.append([attributes["data-path"], attributes.get("data-format"), ""])
        if tag == "script":
            check(attributes.get("type") == "application/json" and
                  attributes.get("id") == "report-data", "the only script is the data block")
            self.in_data = True
            self.data_text = ""
        for name, value in attrs:
            self.text_outside_data.append(value or "")

    def handle_endtag(self, tag):
        while self.stack:
            top, attributes = self.stack.pop()
            if top == tag:
                break
        if tag == "script":
            self.in_data = False

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_data(self, text):
        if self.in_data:
            self.data_text += text
            return
        self.text_outside_data.append(text)
        if self.figures and any("data-path" in a for _, a in self.stack):
            self.figures[-1][2] += text


NOT_A_NUMBER = re.compile(r"(?<![A-Za-z])-?(nan|inf|infinity)(?![A-Za-z])", re.IGNORECASE)


def check_page(path, label):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    page = Page()
    page.feed(text)
    page.close()
    check(page.sections and page.sections[0] == "answer",
          f"{label}: the answer section comes first (sections: {page.sections})")
    check(page.data_text is not None, f"{label}: the report's data is embedded")
    data = json.loads(page.data_text)
    visible = "\n".join(page.text_outside_data)
    found = NOT_A_NUMBER.search(visible)
    check(found is None, f"{label}: no NaN or infinity printed (found {found and found.group(0)!r})")
    check(page.charts, f"{label}: the page has charts")
    for kind, marks in page.charts:
        check(kind in MARKS, f"{label}: a known kind of chart ({kind})")
        check(any(marks.get(mark, 0) > 0 for mark in MARKS[kind]),
              f"{label}: a {kind} chart draws its marks ({MARKS[kind]})")
    for table_id, rows in page.tables:
        check(rows > 0, f"{label}: table {table_id} has rows")
    for pointer, form, shown in page.figures:
        try:
            value = resolve(data, pointer)
        except (KeyError, IndexError, ValueError, TypeError):
            raise SystemExit(f"FAIL {label}: the figure at {pointer} is not in the data")
        check(format_figure(value, form) == shown.strip(),
              f"{label}: the figure at {pointer} reads {shown!r}, the data "
              f"{format_figure(value, form)!r}")
    sizes = error_sizes_shown(data, page, label)
    print(f"ok - {label}: answer first, {len(page.charts)} charts drawn, {len(page.tables)} "
          f"tables, {len(page.figures)} figures equal the data ({sizes} of them the models' own "
          f"error sizes), no NaN")
    return data, sizes


def error_sizes_shown(data, page, label):
    """Every part of the data that sizes each model's own error (model_error.models.{model}.
    issues.{issue}.half_width_80: the answer, optimisation, what-if and distributions) has it
    printed for every model it sizes, on the target's issue or on every issue; the figures
    themselves were checked against the data above. Returns how many were printed."""
    printed = [pointer for pointer, _, _ in page.figures if pointer.endswith("/half_width_80")]
    for part in ("answer", "optimize", "whatif", "distributions"):
        error = data.get(part, {}).get("model_error") if isinstance(data.get(part), dict) else None
        if not isinstance(error, dict) or not isinstance(error.get("models"), dict):
            continue
        for model, size in error["models"].items():
            if not isinstance(size, dict) or not size.get("issues"):
                continue
            prefix = f"/{part}/model_error/models/{model}/issues/"
            check(any(pointer.startswith(prefix) for pointer in printed),
                  f"{label}: {model}'s own error ({part}) is printed in points")
    return len(printed)


def scenario_reports(binary, source, out):
    files = [None] + sorted(glob.glob(os.path.join(source, "scenarios", "*.yaml")) +
                            glob.glob(os.path.join(source, "tests", "scenarios", "*")))
    reports = 0
    sized = 0
    for scenario in files:
        label = "built-in scenario" if scenario is None else os.path.relpath(scenario, source)
        name = "builtin" if scenario is None else re.sub(r"\W", "_", label)
        page = os.path.join(out, name + ".html")
        args = ([] if scenario is None else [scenario]) + ["--draws", DRAWS, "--seed", SEED]
        result = subprocess.run([binary, "report", *args, "-o", page], capture_output=True,
                                text=True, timeout=600)
        if result.returncode == 2 and scenario is not None:
            # A bad input (the test corpus holds some) is refused by every command alike, with a
            # message naming the file, and no report is written.
            other = subprocess.run([binary, "whatif", scenario, "--draws", "1", "--model", "mean",
                                    "--no-save"], capture_output=True, text=True, timeout=120)
            check(other.returncode == 2 and other.stderr == result.stderr,
                  f"{label}: refused by report as by whatif ({result.stderr.strip()})")
            check(os.path.basename(scenario) in result.stderr and not os.path.exists(page),
                  f"{label}: refused with a message naming the file, nothing written")
            print(f"ok - {label}: a bad input, refused: {result.stderr.strip()}")
            continue
        check(result.returncode == 0, f"{label}: report exits 0 ({result.stderr.strip()})")
        data, sizes = check_page(page, label)
        sized += sizes > 0
        as_json = os.path.join(out, name + ".json")
        run(binary, "report", *args, "--format", "json", "-o", as_json)
        with open(as_json, encoding="utf-8") as file:
            check(json.load(file) == data, f"{label}: the embedded data equals report --format json")
        reports += 1
    check(reports >= 5, f"{reports} scenario reports checked")
    check(sized >= 3, f"{sized} scenario reports print each model's own error in points")


def saved_runs(binary, out):
    db = os.path.join(out, "runs.sqlite")
    commands = {
        "run": ["run", "--model", "eum"],
        "compare": ["compare"],
        "whatif": ["whatif", "--model", "compromise", "--target", "munitions<=60", "--draws", DRAWS],
        "sweep": ["sweep", "--model", "eum", "--target", "munitions<=60", "--draws", DRAWS],
        "optimize": ["optimize", "--target", "munitions<=60", "--probability", "0.6", "--draws",
                     DRAWS],
    }
    for kind, args in commands.items():
        printed = json.loads(run(binary, *args, "--format", "json", "--db", db).stdout)
        listed = json.loads(run(binary, "runs", "list", "--format", "json", "--db", db,
                                "--limit", "1").stdout)
        run_id = str(listed["runs"][0]["id"] if isinstance(listed, dict) else listed[0]["id"])
        page = os.path.join(out, f"run-{kind}.html")
        run(binary, "report", "--run", run_id, "--db", db, "-o", page)
        data, sizes = check_page(page, f"report --run ({kind})")
        if kind in ("whatif", "sweep", "optimize"):
            check(sizes > 0, f"report --run ({kind}): each model's own error is printed in points")
        part = {"run": ("forecasts", 0), "compare": ("forecasts", None), "whatif": ("whatif", None),
                "optimize": ("optimize", None)}.get(kind)
        if part:
            held = data[part[0]] if part[1] is None else data[part[0]][part[1]]
            expected = printed["models"] if kind == "compare" else printed
            check(held == expected, f"report --run ({kind}): holds the printed JSON unchanged")
        else:
            check(data["distributions"]["models"][printed["model"]] == printed["issues"],
                  "report --run (sweep): its quantiles as printed")
        print(f"ok - report --run ({kind}): the data holds what the command printed")


def main():
    binary, source = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as out:
        scenario_reports(binary, source, out)
        saved_runs(binary, out)


if __name__ == "__main__":
    main()
