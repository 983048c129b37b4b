"""Every result class reads well: __repr__ is a titled table (not `<... object at 0x...>`),
_repr_html_ the same as a compact HTML table for Jupyter, to_pandas() a DataFrame of its rows;
and the results not compared with the CLI elsewhere are compared here."""

import html.parser

import pytest

import statecraft
from conftest import cli_json

TRUCE = "tests/scenarios/truce_question.yaml"


class _TableParser(html.parser.HTMLParser):
    """Collects the caption and the cells of an HTML table, so tests read what a notebook
    shows."""

    def __init__(self):
        super().__init__()
        self.caption, self.rows, self._cell, self._in = "", [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        if tag in ("td", "th", "caption"):
            self._in, self._cell = tag, ""

    def handle_endtag(self, tag):
        if tag == self._in:
            if tag == "caption":
                self.caption = self._cell
            else:
                self.rows[-1].append(self._cell)
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._cell += data


def parsed_html(result):
    parser = _TableParser()
    parser.feed(result._repr_html_())
    return parser


@pytest.fixture(scope="module")
def results():
    """One of each result class, on the built-in scenario with few draws."""
    return {
        "Result": statecraft.run(model="eum", rounds=5),
        "Comparison": statecraft.compare(models=["mean", "compromise"]),
        "WhatifResult": statecraft.whatif(plans=["relief"], models=["compromise", "median"],
                                          target="munitions<=25", draws=20, threads=2),
        "SweepResult": statecraft.sweep(model="compromise", plan="relief",
                                        target="munitions<=25", draws=30, threads=2),
        "OptimizeResult": statecraft.optimize(target="munitions<=25", probability=0.6,
                                              draws=10, threads=2),
        "AnswerResult": statecraft.answer(TRUCE, models=["median", "compromise"], draws=20,
                                          optimize_draws=5, threads=2),
        "BacktestResult": statecraft.backtest([statecraft.builtin()], ["median", "mean"],
                                              min_actors=1),
        "FlagshipBacktest": statecraft.backtest_flagship(models=["median", "mean"]),
        "Scenario": statecraft.builtin(),
    }


RESULTS = ["Result", "Comparison", "WhatifResult", "SweepResult", "OptimizeResult",
           "AnswerResult", "BacktestResult", "FlagshipBacktest"]
# A Scenario keeps its one-line repr (lists of a dataset's scenarios stay short); Jupyter shows
# its table.
CLASSES = RESULTS + ["Scenario"]


def test_scenario_repr_is_one_line():
    assert repr(statecraft.builtin()).startswith("<statecraft.Scenario 'Russia-DPRK")


@pytest.mark.parametrize("name", RESULTS)
def test_repr_is_a_titled_table(results, name):
    result = results[name]
    assert isinstance(result, getattr(statecraft, name))
    text = repr(result)
    assert " object at 0x" not in text
    lines = text.splitlines()
    assert lines[0].startswith("statecraft.%s" % name), lines[0]
    assert len(lines) >= 3, text
    # The header and the rows line up: every row is a row of the table's columns.
    assert all(line.startswith("  ") for line in lines[1:3])


@pytest.mark.parametrize("name", CLASSES)
def test_repr_html_is_the_same_table(results, name):
    result = results[name]
    table = parsed_html(result)
    text_lines = statecraft._display.text_table(*result._table()).splitlines()
    assert table.caption == text_lines[0]
    header, rows = table.rows[0], table.rows[1:]
    assert rows and all(len(row) == len(header) for row in rows)
    # The text table's rows hold the same cells (columns padded with spaces).
    for row, line in zip(rows, text_lines[2:]):
        assert line.split() == " ".join(row).split()


def test_tables_show_the_numbers_of_to_dict(results):
    result = results["Result"]
    rows = {row[0]: row for row in parsed_html(result).rows[1:]}
    for issue, value in result.to_dict()["outcome"].items():
        assert rows[issue][1] == "%.1f" % value
    sweep = results["SweepResult"].to_dict()
    rows = {row[0]: row for row in parsed_html(results["SweepResult"]).rows[1:]}
    for issue, quantiles in sweep["issues"].items():
        assert rows[issue][1:4] == ["%.1f" % quantiles[key] for key in ("q10", "median", "q90")]
    assert "P(munitions<=25) = %.0f%%" % (100 * sweep["probability"]) in repr(
        results["SweepResult"])
    whatif = results["WhatifResult"]
    table = parsed_html(whatif).rows
    assert table[0][-1] == "P(munitions<=25)"
    assert [row[0] for row in table[1:]] == ["baseline", "baseline", "relief", "relief"]
    backtest = results["BacktestResult"].to_dict()["models"]
    rows = {row[0]: row for row in parsed_html(results["BacktestResult"]).rows[1:]}
    assert rows["median"][1] == "%.1f" % backtest["median"]["mae"]


def test_html_escapes_names():
    builder = statecraft.ScenarioBuilder("<b>Toy</b> & co")
    builder.actor("A").actor("B")
    builder.issue("x<y", scale=(0, 10))
    builder.stake("A", "x<y", position=2, salience=0.5).stake("B", "x<y", position=8, salience=1)
    result = statecraft.run(builder.build(), "mean")
    page = result._repr_html_()
    assert "<b>Toy" not in page and "&lt;b&gt;Toy&lt;/b&gt; &amp; co" in page
    assert "x&lt;y" in page


@pytest.mark.parametrize("name", CLASSES)
def test_to_pandas_is_a_frame_of_the_rows(results, name):
    pandas = pytest.importorskip("pandas")
    frame = results[name].to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) > 0


def test_optimize_to_pandas_lists_the_candidates(results):
    pytest.importorskip("pandas")
    result = results["OptimizeResult"]
    frame = result.to_pandas()
    data = result.to_dict()
    expected = ([data["best"]] if data["best"] else []) + data["runners_up"] + data.get(
        "closest", [])
    assert list(frame["cost"]) == [plan["cost"] for plan in expected]
    assert list(frame["probability"]) == [plan["probability"] for plan in expected]
    assert frame["meets_target"].dtype == bool
    assert set(frame["rank"]) <= {"best", "runner-up", "closest"}


def test_answer_to_pandas_has_every_model_and_plan(results):
    pytest.importorskip("pandas")
    result = results["AnswerResult"]
    frame = result.to_pandas()
    data = result.to_dict()
    for model, entry in data["models"].items():
        plans = [case["plan"] for case in entry["whatif"]]
        assert list(frame[frame["model"] == model]["plan"]) == plans
        baseline = entry["whatif"][0]["models"][model]
        row = frame[(frame["model"] == model) & (frame["plan"] == "baseline")].iloc[0]
        issue = data["target"].split("<")[0].split(">")[0]
        assert row["median"] == baseline["issues"][issue]["median"]
        assert row["probability"] == baseline["probability"]


def test_flagship_to_pandas_has_both_scorings(results):
    pytest.importorskip("pandas")
    frame = results["FlagshipBacktest"].to_pandas()
    assert list(frame.index.names) == ["decision_rules", "model"]
    data = results["FlagshipBacktest"].to_dict()
    assert frame.loc[("with", "median"), "mae"] == data["with_decision_rules"]["models"][
        "median"]["mae"]
    assert frame.loc[("without", "mean"), "mae"] == data["without_decision_rules"]["models"][
        "mean"]["mae"]


def test_answer_and_backtest_to_dict_equal_the_cli(results):
    assert results["AnswerResult"].to_dict() == cli_json(
        "answer", TRUCE, "--model", "median", "--model", "compromise", "--draws", "20",
        "--optimize-draws", "5", "--threads", "2")
    assert results["FlagshipBacktest"].to_dict() == cli_json(
        "backtest", "flagship", "--model", "median", "--model", "mean")


def test_sweep_and_whatif_counter_equal_the_cli():
    """whatif(counter=...) is the CLI's --counter."""
    counter_levers = statecraft.builtin().levers["counter_levers"]["levers"]
    counter = counter_levers[0]["name"]
    result = statecraft.whatif(plans=["relief"], models=["compromise"], counter=counter,
                               draws=15, threads=2)
    assert result.to_dict() == cli_json("whatif", "--plan", "relief", "--model", "compromise",
                                        "--counter", counter, "--draws", "15", "--threads", "2")
    plain = statecraft.whatif(plans=["relief"], models=["compromise"], draws=15, threads=2)
    assert result.to_dict() != plain.to_dict()
