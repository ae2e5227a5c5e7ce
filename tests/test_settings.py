"""Settings from the command line (``arabic_extract.settings``) and the subcommands' surface:
``--config FILE``, ``--set NAME=VALUE``, presets, ``--explain --format json``, ``schema``,
gzip-compressed saved pages, and a page given without its command."""

from __future__ import annotations

import argparse
import gzip
import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from arabic_extract import ExtractionConfig, extract
from arabic_extract.cli import main
from arabic_extract.config import PRESETS
from arabic_extract.settings import SettingsError, add_arguments, config_from

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "article.html"


def namespace(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(list(argv))


def test_no_settings_is_the_default_config() -> None:
    assert config_from(namespace()) == ExtractionConfig()


def test_presets_are_fields_of_the_config() -> None:
    for name, values in PRESETS.items():
        config = config_from(namespace(f"--{name}"))
        assert {key: getattr(config, key) for key in values} == dict(values)


def test_file_then_set_then_options(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        "good_min_words = 8\nnear_weight = 0.6\nreference_time = 2024-07-17T16:00:00\n",
        encoding="utf-8",
    )
    config = config_from(
        namespace("--precision", "--config", str(path), "--set", "near_weight=0.3"),
        explain=True,
    )
    assert config.good_min_words == 8  # from the file
    assert config.near_weight == 0.3  # --set wins over the file and the preset
    assert config.short_penalty == PRESETS["precision"]["short_penalty"]
    assert config.reference_time == datetime(2024, 7, 17, 16, 0)
    assert config.explain is True


@pytest.mark.parametrize(
    "item,name,value",
    [
        ("max_blocks=500", "max_blocks", 500),
        ("use_trafilatura_fallback=false", "use_trafilatura_fallback", False),
        ("lead_share = 0.5", "lead_share", 0.5),
        ("reference_time=2024-07-17T16:00:00", "reference_time", datetime(2024, 7, 17, 16)),
    ],
)
def test_set_reads_values_as_toml(item: str, name: str, value: object) -> None:
    assert getattr(config_from(namespace("--set", item)), name) == value


@pytest.mark.parametrize(
    "argv,message",
    [
        (
            ["--set", "goodminwords=3"],
            "--set: unknown setting 'goodminwords' (did you mean 'good_min_words'?)",
        ),
        (
            ["--set", "good_min_words=ten"],
            "--set: good_min_words = 'ten': Input should be a valid integer",
        ),
        (["--set", "no equals sign"], "expected NAME=VALUE"),
        (["--config", "/nonexistent/settings.toml"], "/nonexistent/settings.toml: "),
    ],
)
def test_bad_settings_say_what_and_where(argv: list[str], message: str) -> None:
    with pytest.raises(SettingsError) as error:
        config_from(namespace(*argv))
    assert message in str(error.value)


@pytest.mark.parametrize(
    "content,message",
    [
        ("good_min_words = \n", "not valid TOML"),
        ("[extract]\ngood_min_words = 8\n", "top-level keys, not tables"),
        ("max_blocks = 10\nbogus = 1\nnear_weight = 'high'\n", "unknown setting 'bogus'"),
        ("near_weight = 'high'\n", "near_weight = 'high': Input should be a valid number"),
    ],
)
def test_bad_files_say_what(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SettingsError, match=r"settings\.toml") as error:
        config_from(namespace("--config", str(path)))
    assert message in str(error.value)


# --- the command line --------------------------------------------------------------------------


def test_settings_reach_the_extraction(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(EXAMPLE), "--set", "max_blocks=3"]) == 0
    article = json.loads(capsys.readouterr().out)
    assert any("max_blocks" in note for note in article["notes"])


def test_bad_setting_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(EXAMPLE), "--set", "max_blocks=many"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("usage: arabic-extract extract")
    assert "arabic-extract extract: error: --set: max_blocks = 'many'" in err


def test_a_page_without_its_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(EXAMPLE)]) == 2
    err = capsys.readouterr().err
    assert f"to extract a page: arabic-extract extract {EXAMPLE}" in err


def test_a_folder_named_like_a_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "schema"
    folder.mkdir()
    (folder / "page.html").write_bytes(EXAMPLE.read_bytes())
    assert main(["extract", str(folder), "-q"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["headline"]


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("extract", "eval", "explain", "schema"):
        # (a command's description may wrap onto the next line on a narrow terminal)
        assert re.search(rf"^    {command}(?: |$)", out, re.MULTILINE)


def test_explain_as_json_carries_the_blocks(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(EXAMPLE), "--explain", "--format", "json"]) == 0
    article = json.loads(capsys.readouterr().out)
    assert article["blocks"] and {"index", "label", "reasons"} <= set(article["blocks"][0])


def test_schema_is_the_serialisation_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    row = json.loads(extract(EXAMPLE.read_bytes()).model_dump_json())
    assert set(row) == set(schema["properties"])  # body included


def test_gzip_saved_pages_are_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html.gz").write_bytes(gzip.compress(EXAMPLE.read_bytes()))
    (folder / "b.md").write_text("# عنوان الخبر\n\nنص الخبر كاملاً في فقرة واحدة.\n", "utf-8")
    assert main(["extract", str(folder), "-q", "-w", "1"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(row["id"]).name for row in rows] == ["a.html.gz", "b.md"]
    assert "input was gzip-compressed; read decompressed" in rows[0]["notes"]
