"""Bad input raises ValueError whose message is exactly what the CLI prints after
"statecraft: error: "; wrong Python types raise TypeError."""


import pytest

import statecraft
from conftest import CliError, run_cli, source_path

PREFIX = "statecraft: error: "


def _bad_input_cases():
    """The bad-input corpus (tests/bad_inputs/*.cases): `statecraft validate [--from F] FILE`
    with the expected message."""
    cases = []
    path = source_path("tests/bad_inputs/scenario_files.cases")
    command = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("$ "):
            command = line[2:].split()
        elif line.startswith("! ") and command and command[1] == "validate":
            arguments = command[2:]
            options = {}
            if "--from" in arguments:
                index = arguments.index("--from")
                options["format"] = arguments[index + 1]
                del arguments[index:index + 2]
            cases.append(pytest.param(arguments[0], options, line[2:], command[2:],
                                      id=arguments[0]))
            command = None
    return cases


CASES = _bad_input_cases()


def test_corpus_found():
    assert len(CASES) >= 40


@pytest.mark.parametrize("path,options,expected,cli_arguments", CASES)
def test_bad_inputs_raise_the_cli_message(path, options, expected, cli_arguments):
    with pytest.raises(ValueError) as raised:
        statecraft.validate(path, **options)
    message = str(raised.value)
    # The corpus gives the start of the message (the CLI cases check it as a substring); the
    # live CLI gives all of it.
    assert expected in PREFIX + message
    assert message == _cli_message("validate", *cli_arguments)
    with pytest.raises(ValueError) as loaded:
        statecraft.load(path, **options)
    assert str(loaded.value) == message


def _cli_message(*args):
    with pytest.raises(CliError) as failed:
        run_cli(*args)
    assert failed.value.code == 2
    stderr = failed.value.stderr.strip()
    assert stderr.startswith(PREFIX)
    return stderr[len(PREFIX):]


def test_unknown_model():
    with pytest.raises(ValueError) as raised:
        statecraft.run(None, "nosuch")
    assert str(raised.value) == _cli_message("run", "--model", "nosuch")
    with pytest.raises(ValueError) as info:
        statecraft.model_info("nosuch")
    assert str(info.value) == str(raised.value)


def test_unknown_parameter():
    with pytest.raises(ValueError) as raised:
        statecraft.run(None, "mean", wieghts="none")
    assert str(raised.value) == _cli_message("run", "--model", "mean", "--param", "wieghts=none")


def test_bad_parameter_values():
    for info in statecraft.models():
        for spec in info["params"]:
            bad = {"integer": "ten", "number": "x", "boolean": "maybe", "choice": "nosuch"}
            value = bad[spec["type"]]
            with pytest.raises(ValueError) as raised:
                statecraft.run(None, info["name"], **{spec["name"]: value})
            assert str(raised.value) == _cli_message(
                "run", "--model", info["name"], "--param", "%s=%s" % (spec["name"], value))


def test_missing_file():
    with pytest.raises(ValueError) as raised:
        statecraft.load("tests/no_such_file.yaml")
    assert str(raised.value) == _cli_message("validate", "tests/no_such_file.yaml")


def test_wrong_types_raise_type_error():
    with pytest.raises(TypeError):
        statecraft.run(42, "mean")
    with pytest.raises(TypeError):
        statecraft.run(None, "mean", 3)
