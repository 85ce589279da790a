"""``wirecoder eval``: score the pipeline on labelled data."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from .app import app, err_console, out_console


@app.command("eval")
def eval_command(
    dataset: str = typer.Argument(..., help="Dataset adapter (examples, acled, case2021, muc4, muc4-confidence, polnear, wikievents, plover), or a folder of gold examples."),
    path: Path | None = typer.Argument(None, help="The dataset file or folder (dev splits live under ../shared/data/)."),
    as_json: bool = typer.Option(False, "--json", help="Print only one JSON object on stdout."),
    errors: Path | None = typer.Option(None, "--errors", help="Write the misses here, one JSON object per line, for study."),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N items (a quick look; not for reported figures)."),
    split: str | None = typer.Option(
        None, "--split",
        help="Split to score when PATH is a dataset folder (test, dev, train). Default: test when the folder holds "
        "the test files (held-out data unpacked there), else dev. A split file (test.json) or split folder "
        "(polnear/test) given as PATH names its own split.",
    ),
) -> None:
    """Run the real pipeline over a labelled dataset and score it with the field's usual metric.

    Baselines (majority class, keywords, TF-IDF + SVM where the dataset has labels) are
    columns of the same table, so every figure has a floor. Examples:

      wirecoder eval examples ../shared/examples

      wirecoder eval acled ../shared/data/acled_pakistan_2015/dev.csv --json

      wirecoder eval muc4 ../shared/data/muc4 --split dev
    """
    from wirecoder.errors import WirecoderError
    from wirecoder.eval import EvalOptions, adapters, get_adapter
    from wirecoder.eval.report import result_table

    if path is None:
        # `wirecoder eval GOLD_DIR`: a folder shaped like shared/examples
        dataset, path = "examples", Path(dataset)
    try:
        if dataset not in adapters() and Path(dataset).is_dir():
            dataset, path = "examples", Path(dataset)
        result = get_adapter(dataset)(path, EvalOptions(limit=limit, split=split))
    except WirecoderError as exc:
        err_console.print(f"[red]{exc.message}[/]")
        raise typer.Exit(2) from exc
    if errors is not None:
        with errors.open("w", encoding="utf-8") as fh:
            for miss in result.errors:
                fh.write(json.dumps(miss, ensure_ascii=False) + "\n")
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    else:
        out_console.print(result_table(result))
