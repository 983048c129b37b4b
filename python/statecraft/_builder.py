"""ScenarioBuilder: a scenario built in code, checked exactly as a file is."""

from typing import Any, Dict, Iterable, Optional, Sequence, Tuple, Union

from ._statecraft import Scenario

# A number, or a (low, central, high) triple where the file format allows a range.
Estimate = Union[float, Tuple[float, float, float], Sequence[float]]


def _estimate(value):
    """A number or a (low, central, high) triple, in the native schema."""
    if isinstance(value, (tuple, list)):
        return list(value)
    return value


class ScenarioBuilder:
    """Builds a scenario in code; build() checks it exactly as a file is checked.

        builder = statecraft.ScenarioBuilder("Toy", salience_scale=100)
        builder.actor("A", capability=2).actor("B")
        builder.issue("tariff", scale=(0, 100), status_quo=50)
        builder.stake("A", "tariff", position=20, salience=80)
        builder.stake("B", "tariff", position=(60, 70, 80), salience=50)
        scenario = builder.build()

    A number may be a (low, central, high) triple wherever the file format allows a range.
    """

    def __init__(self, name: str = "", description: str = "", salience_scale: float = 1,
                 sources: Iterable[str] = ()) -> None:
        """name and description of the scenario; salience_scale: 1 when saliences are given
        in [0, 1], 100 when on 0-100; sources: where the numbers come from."""
        self._data = {"name": name}
        if description:
            self._data["description"] = description
        if sources:
            self._data["sources"] = list(sources)
        if salience_scale != 1:
            self._data["salience_scale"] = salience_scale
        self._data["actors"] = []
        self._data["issues"] = []
        self._data["stakes"] = {}

    def actor(self, name: str, capability: Optional[Estimate] = None,
              description: str = "") -> "ScenarioBuilder":
        """Adds an actor with its capability (default: the format's); returns the builder."""
        actor = {"name": name}
        if description:
            actor["description"] = description
        if capability is not None:
            actor["capability"] = _estimate(capability)
        self._data["actors"].append(actor)
        return self

    def issue(self, name: str, scale: Tuple[float, float] = (0, 100),
              status_quo: Optional[Estimate] = None, known_outcome: Optional[Estimate] = None,
              deciders: Optional[Iterable[str]] = None, description: str = "",
              anchors: Optional[Dict[float, str]] = None) -> "ScenarioBuilder":
        """Adds an issue: its scale (low, high), status quo (reference point), known outcome
        (for backtests), deciders (actors whose joint consent decides it; None: collective)
        and anchors ({value: what it means}); returns the builder."""
        issue = {"name": name}
        if description:
            issue["description"] = description
        issue["scale"] = list(scale)
        if anchors:
            issue["anchors"] = {str(value): meaning for value, meaning in anchors.items()}
        if status_quo is not None:
            issue["reference_point"] = _estimate(status_quo)
        if known_outcome is not None:
            issue["known_outcome"] = _estimate(known_outcome)
        if deciders is not None:
            issue["deciders"] = list(deciders)
        self._data["issues"].append(issue)
        return self

    def stake(self, actor: str, issue: str, position: Estimate, salience: Estimate,
              capability: Optional[Estimate] = None, source: str = "") -> "ScenarioBuilder":
        """Adds the actor's stake on the issue: position on the issue's scale, salience (on
        the builder's salience_scale), an optional capability of its own and a source; returns
        the builder."""
        stake = {"position": _estimate(position), "salience": _estimate(salience)}
        if capability is not None:
            stake["capability"] = _estimate(capability)
        if source:
            stake["source"] = source
        self._data["stakes"].setdefault(actor, {})[issue] = stake
        return self

    def to_dict(self) -> Dict[str, Any]:
        """The scenario so far, in the native schema."""
        import copy

        return copy.deepcopy(self._data)

    def build(self) -> Scenario:
        """The validated Scenario; ValueError naming what is wrong otherwise."""
        return Scenario.from_dict(self._data)
