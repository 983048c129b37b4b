"""A tour of the Python package as a notebook uses it: a forecast, the levers, and the charts.

Every result prints as a table (in Jupyter, as an HTML table), turns into a pandas DataFrame
with to_pandas(), and run, whatif and sweep results draw the report's charts with plot() when
matplotlib is installed.

    pip install --no-index --no-build-isolation .   # in a venv made with --system-site-packages
    python examples/python/levers_tour.py [--draws 200] [--out DIR]
"""

import argparse
import os

import statecraft


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=200, help="Monte Carlo draws per case")
    parser.add_argument("--threads", type=int, default=0, help="0: every core")
    parser.add_argument("--out", default=".", help="folder for the charts (PNG)")
    arguments = parser.parse_args()

    scenario = statecraft.builtin()
    print(scenario, end="\n\n")

    # One model, with a switch of its own: Bueno de Mesquita's model without capitulation.
    forecast = statecraft.run(scenario, model="eum", rounds=10, capitulation=False)
    print(forecast, end="\n\n")

    # Every model side by side.
    print(statecraft.compare(scenario), end="\n\n")

    # The baseline against the sanctions-relief plan, with and without Russia's counter-levers.
    target = "munitions<=25"
    counter = scenario.levers["counter_levers"]["levers"][0]["name"]
    whatif = statecraft.whatif(scenario, plans=["relief"], models=["compromise", "smp"],
                               target=target, draws=arguments.draws, threads=arguments.threads)
    countered = statecraft.whatif(scenario, plans=["relief"], models=["compromise", "smp"],
                                  target=target, counter=counter, draws=arguments.draws,
                                  threads=arguments.threads)
    print(whatif, end="\n\n")
    print("With Russia's counter-lever %s:" % counter)
    print(countered, end="\n\n")

    # One model under the plan, draw by draw, and what drives the outcome.
    sweep = statecraft.sweep(scenario, model="compromise", plan="relief", target=target,
                             draws=arguments.draws, threads=arguments.threads)
    print(sweep, end="\n\n")

    try:
        frame = sweep.to_pandas()
    except ImportError as error:
        print(error)
    else:
        print("The draws as a DataFrame: %d rows, columns %s ..." % (len(frame),
                                                                     list(frame.columns)[:4]))

    try:
        charts = {"trajectories.png": forecast.plot(), "whatif.png": whatif.plot(),
                  "sweep.png": sweep.plot("munitions")}
    except ImportError as error:
        print(error)
        return
    os.makedirs(arguments.out, exist_ok=True)
    for name, figure in charts.items():
        path = os.path.join(arguments.out, name)
        figure.savefig(path, dpi=90)
        print("wrote", path)


if __name__ == "__main__":
    main()
