"""`wirecoder eval` finds the split a PATH means on tiny layouts written here in each
dataset's own format: held-out test layouts as well as dev, never a silent n=0."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.errors import WirecoderError
from wirecoder.eval import EvalOptions, get_adapter
from wirecoder.eval.base import EvalResult, find_split_file, resolve_split
from wirecoder.eval.muc4 import raw_doc, read_raw, resolve_muc4
from wirecoder.eval.polnear import is_split_dir
from wirecoder.eval.report import result_table


def csv_locate(root: Path, name: str) -> Path | None:
    return find_split_file(root, name, [".csv"])


def touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the shared rule ------------------------------------------------------------------------
def test_test_only_dev_only_and_both(tmp_path: Path) -> None:
    only_test, only_dev, both = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    touch(only_test / "test.csv")
    touch(only_dev / "dev.csv")
    touch(both / "test.csv")
    touch(both / "dev.csv")
    assert resolve_split(only_test, EvalOptions(), csv_locate, "{split}.csv").name == "test"
    assert resolve_split(only_dev, EvalOptions(), csv_locate, "{split}.csv").target == only_dev / "dev.csv"
    assert resolve_split(both, EvalOptions(), csv_locate, "{split}.csv").name == "test"
    assert resolve_split(both, EvalOptions(split="dev"), csv_locate, "{split}.csv").target == both / "dev.csv"


def test_a_file_names_its_split_and_its_folder_is_the_root(tmp_path: Path) -> None:
    f = touch(tmp_path / "muc4" / "test.json")
    split = resolve_split(f, EvalOptions(split="dev"), csv_locate, "{split}.csv")
    assert (split.name, split.root, split.target) == ("test", tmp_path / "muc4", f)


def test_nothing_found_is_e302_naming_what_was_looked_for(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(WirecoderError) as exc:
        resolve_split(tmp_path / "empty", EvalOptions(), csv_locate, "{split}.csv")
    assert exc.value.code == "E302" and "test.csv or dev.csv" in exc.value.message
    touch(tmp_path / "d" / "dev.csv")
    with pytest.raises(WirecoderError, match="train.csv"):
        resolve_split(tmp_path / "d", EvalOptions(split="train"), csv_locate, "{split}.csv")
    with pytest.raises(WirecoderError, match="E302"):
        resolve_split(tmp_path / "missing", EvalOptions(), csv_locate, "{split}.csv")


def test_split_json_and_table_title() -> None:
    result = EvalResult(dataset="x", path="p", n=1, split="test")
    assert result.to_dict()["split"] == "test"
    assert str(result_table(result).title).startswith("x, test split: p")


# --- polnear: split folders -----------------------------------------------------------------
TEXT = "The mayor said the bridge would reopen on Monday."
ANN = "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 48\tthe bridge would reopen on Monday\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"


def polnear_split(folder: Path, articles: int) -> Path:
    for i in range(articles):
        touch(folder / "text" / f"a{i}.txt", TEXT)
        touch(folder / "attributions" / f"a{i}_00ff.ann", ANN)
    return folder


@pytest.mark.filterwarnings("ignore")
def test_polnear_dataset_folder_and_split_folder(tmp_path: Path) -> None:
    root = tmp_path / "polnear"
    polnear_split(root / "dev", 1)
    polnear_split(root / "test", 2)
    evaluate = get_adapter("polnear")
    assert (evaluate(root, EvalOptions()).split, evaluate(root, EvalOptions()).n) == ("test", 2)
    assert (evaluate(root, EvalOptions(split="dev")).split, evaluate(root, EvalOptions(split="dev")).n) == ("dev", 1)
    direct = evaluate(root / "dev", EvalOptions())  # the split folder itself: the dev layout bug of before
    assert direct.split == "dev" and direct.n == 1 and direct.systems["wirecoder"]["source_exact_f1"] == 1.0
    assert is_split_dir(root / "test") and not is_split_dir(root)
    with pytest.raises(WirecoderError, match="E302"):
        evaluate(root / "dev" / "text" / "a0.txt", EvalOptions())  # PolNeAR has no split files


# --- muc4: GTT JSON + raw texts and keys ----------------------------------------------------
KEY = """\
0.  MESSAGE: ID                     {id}
1.  MESSAGE: TEMPLATE               1
2.  INCIDENT: DATE                  03 MAR 90
3.  INCIDENT: LOCATION              PERU: CUZCO (CITY)
4.  INCIDENT: TYPE                  BOMBING
10. PERP: ORGANIZATION ID           "SHINING PATH"
11. PERP: ORGANIZATION CONFIDENCE   CLAIMED OR ADMITTED: "SHINING PATH"
12. PHYS TGT: ID                    "POWER PYLON"
"""
STORY = "{id}\n\n   LIMA (PERU), 4 MAR 90 (EFE) -- [TEXT] THE SHINING PATH CLAIMED A BOMB ATTACK ON A POWER PYLON IN CUZCO\nYESTERDAY.\n"
MIXED = "{id}\n\n   Lima (Peru), 4 Mar 90 (EFE) -- [Text] The Shining Path claimed a bomb attack on a power pylon in Cuzco\nyesterday.\n"


def gtt_row(doc_id: str) -> str:
    t = {"incident_type": "bombing", "PerpInd": [], "PerpOrg": [[["shining path", 0]]],
         "Target": [[["power pylon", 0]]], "Victim": [], "Weapon": []}  # fmt: skip
    return json.dumps({"docid": doc_id, "doctext": "...", "templates": [t]})


def muc4_test_layout(root: Path) -> Path:
    """The held-out layout: ``test.json`` + ``test_raw/tst3``, ``test_raw/tst4`` (TST4 twice:
    upper case and ``.mixed-case``); no train files."""
    touch(root / "test.json", "\n".join(gtt_row(i) for i in ("TST3-MUC4-0001", "TST4-MUC4-0001")) + "\n")
    touch(root / "test_raw" / "tst3" / "key-tst3.v2", KEY.format(id="TST3-MUC4-0001"))
    touch(root / "test_raw" / "tst3" / "tst3-muc4", STORY.format(id="TST3-MUC4-0001"))
    touch(root / "test_raw" / "tst4" / "key-tst4.v2", KEY.format(id="TST4-MUC4-0001"))
    touch(root / "test_raw" / "tst4" / "tst4-muc4", STORY.format(id="TST4-MUC4-0001"))
    touch(root / "test_raw" / "tst4" / "tst4-muc4.mixed-case", MIXED.format(id="TST4-MUC4-0001"))
    return root


def test_muc4_mixed_case_twin_is_one_document_in_mixed_case(tmp_path: Path) -> None:
    root = muc4_test_layout(tmp_path / "muc4")
    split, raw, gtt = resolve_muc4(root, EvalOptions())
    assert (split.name, raw, gtt) == ("test", root / "test_raw", root / "test.json")
    keys, texts = read_raw(raw)
    assert [i for i, _ in texts] == ["TST3-MUC4-0001", "TST4-MUC4-0001"] and len(keys) == 2
    doc = raw_doc(*texts[1])
    assert doc.published == "1990-03-04" and doc.place == "Lima"
    assert "The Shining Path claimed" in doc.text and "[Text]" not in doc.text  # its own case, not re-cased


def test_muc4_split_parts_missing_is_e302(tmp_path: Path) -> None:
    touch(tmp_path / "a" / "test.json", gtt_row("TST3-MUC4-0001"))
    with pytest.raises(WirecoderError, match="test_raw"):
        resolve_muc4(tmp_path / "a", EvalOptions())
    touch(tmp_path / "b" / "raw" / "dev" / "tst1" / "key-tst1.v7", KEY.format(id="TST1-MUC3-0001"))
    assert resolve_muc4(tmp_path / "b", EvalOptions(), need_gtt=False)[0].name == "dev"
    with pytest.raises(WirecoderError, match=r"dev\.json"):
        resolve_muc4(tmp_path / "b", EvalOptions())


@pytest.mark.filterwarnings("ignore")
def test_muc4_adapters_on_test_layout_without_train(tmp_path: Path) -> None:
    root = muc4_test_layout(tmp_path / "muc4")
    result = get_adapter("muc4")(root / "test.json", EvalOptions())
    assert result.split == "test" and result.n == 2  # the TST4 twin is not counted twice
    assert result.details["gold_templates"] == 2 and result.details["key_templates"] == 2
    assert "majority" not in result.systems and len(result.details["baseline_notes"]) == 2
    conf = get_adapter("muc4-confidence")(root, EvalOptions())
    assert conf.split == "test" and conf.n == 2
    assert "majority" not in conf.systems and conf.details["baseline_notes"]


# --- wikievents: split files + coref ---------------------------------------------------------
WIKI = {"doc_id": "w1", "text": "A car bomb exploded in Kabul, killing five soldiers.", "entity_mentions": [],
        "event_mentions": [], "sentences": []}  # fmt: skip


@pytest.mark.filterwarnings("ignore")
def test_wikievents_split_file_and_folder(tmp_path: Path) -> None:
    root = tmp_path / "wikievents"
    touch(root / "dev.jsonl", json.dumps(WIKI) + "\n")
    touch(root / "test.jsonl", "\n".join(json.dumps({**WIKI, "doc_id": f"t{i}"}) for i in range(2)) + "\n")
    touch(root / "coref" / "test.jsonlines", json.dumps({"doc_key": "t0", "clusters": []}) + "\n")
    evaluate = get_adapter("wikievents")
    folder = evaluate(root, EvalOptions())
    assert folder.split == "test" and folder.n == 2
    direct = evaluate(root / "dev.jsonl", EvalOptions())
    assert direct.split == "dev" and direct.n == 1


# --- single-file adapters given a folder, through the CLI -----------------------------------
PLOVER = [
    {"id": "X-DOCUMENT-0001", "event": "DOCUMENT", "eventText": "header"},
    {"id": "X-DEMAND-1", "event": "DEMAND", "text": "The opposition demanded the resignation of the prime minister."},
    {"id": "X-ASSAULT-1", "event": "ASSAULT", "text": "A car bomb killed ten people in a market in Baghdad."},
]


def test_cli_plover_folder_default_and_split_option(tmp_path: Path) -> None:
    root = tmp_path / "plover_gsr"
    touch(root / "dev.json", json.dumps(PLOVER[:2]))
    touch(root / "test.json", json.dumps(PLOVER))
    runner = CliRunner()
    out = runner.invoke(app, ["eval", "plover", str(root), "--json"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.stdout)
    assert (got["split"], got["n"], got["path"]) == ("test", 2, str(root / "test.json"))
    out = runner.invoke(app, ["eval", "plover", str(root), "--split", "dev", "--json"])
    assert out.exit_code == 0 and json.loads(out.stdout)["n"] == 1


@pytest.mark.parametrize("dataset", ["acled", "case2021", "plover", "polnear", "muc4", "muc4-confidence", "wikievents"])
def test_cli_empty_folder_is_e302_and_a_failing_exit(tmp_path: Path, dataset: str) -> None:
    (tmp_path / "empty").mkdir()
    out = CliRunner().invoke(app, ["eval", dataset, str(tmp_path / "empty"), "--json"])
    assert out.exit_code == 2
    assert "E302" in out.output and "test" in out.output and "dev" in out.output
