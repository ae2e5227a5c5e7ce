"""Tests of the ``arabic-extract`` command line (arabic_extract.cli)."""

from __future__ import annotations

import io
import json
import os
import re
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import arabic_extract
from arabic_extract import Article
from arabic_extract.build_info import build_name
from arabic_extract.cli import main
from arabic_extract.explain import truncate
from arabic_extract.outputs import to_markdown as format_markdown

HEADLINE = "وزارة الموارد المائية تعلن خطة طارئة لمواجهة موجة الجفاف في المحافظات الجنوبية"
PARAGRAPHS = (
    "أعلنت وزارة الموارد المائية، اليوم الأحد، عن خطة طارئة لمواجهة موجة الجفاف التي تضرب "
    "المحافظات الجنوبية منذ مطلع الصيف، وذلك بعد تراجع منسوب المياه في الأنهار والسدود إلى "
    "مستويات غير مسبوقة.",
    "وقال المتحدث باسم الوزارة في مؤتمر صحفي إن الخطة تتضمن حفر عشرات الآبار الارتوازية، "
    "وإعادة تأهيل شبكات الري القديمة، وتوزيع المياه على القرى المتضررة بواسطة صهاريج متنقلة.",
    "وأضاف أن الحكومة خصصت مبالغ إضافية لتعويض المزارعين عن خسائر المحاصيل، مشيرا إلى أن "
    "اللجان الميدانية بدأت بالفعل في حصر الأضرار وتسجيل أسماء المستفيدين في كل منطقة.",
    "ودعا المتحدث المواطنين إلى ترشيد استهلاك المياه خلال الأشهر المقبلة، مؤكدا أن الوزارة "
    "ستتابع تنفيذ الخطة بشكل يومي بالتنسيق مع السلطات المحلية والمنظمات الدولية العاملة في البلاد.",
)
PAGE_TEXT = "\n".join([HEADLINE, "منذ 3 ساعات", *PARAGRAPHS]) + "\n"

PAGE_HTML = """<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>البنك المركزي يثبت أسعار الفائدة - صحيفة الاقتصاد</title>
<meta property="og:site_name" content="صحيفة الاقتصاد"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/eco">اقتصاد</a> <a href="/sport">رياضة</a></nav>
<article><h1>البنك المركزي يثبت أسعار الفائدة للمرة الثالثة على التوالي</h1>
<div class="byline">كتب: أحمد السيد</div>
<time datetime="2024-03-14T10:30:00+02:00">الخميس 14 مارس 2024</time>
<figure><img src="a.jpg"><figcaption>مقر البنك المركزي في العاصمة</figcaption></figure>
<p>قررت لجنة السياسة النقدية في البنك المركزي، خلال اجتماعها الدوري اليوم الخميس، الإبقاء على
أسعار الفائدة الأساسية دون تغيير للمرة الثالثة على التوالي.</p>
<p>وأوضح البنك في بيان له أن القرار يأتي في ضوء التطورات الأخيرة لمعدلات التضخم، التي سجلت
تراجعا ملحوظا خلال الأشهر الماضية بفضل استقرار أسعار الغذاء والطاقة.</p>
<p>وأضاف البيان أن اللجنة ستواصل متابعة المؤشرات الاقتصادية عن كثب، ولن تتردد في استخدام جميع
الأدوات المتاحة للحفاظ على استقرار الأسعار في المدى المتوسط.</p>
<p>ويتوقع محللون أن يبدأ البنك في خفض أسعار الفائدة تدريجيا خلال النصف الثاني من العام الجاري،
إذا استمر التضخم في التراجع نحو المستوى المستهدف.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>
"""
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"
ANSI = "\x1b["


class FakeStdin:
    """A stand-in for sys.stdin: only ``.buffer`` is read."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


class FakeTty(io.TextIOWrapper):
    """A text stdout over bytes that says it is a terminal."""

    def isatty(self) -> bool:
        return True


class BrokenBuffer(io.BytesIO):
    def write(self, data: object) -> int:
        raise BrokenPipeError(32, "Broken pipe")


class BrokenStdout:
    """A stdout whose reader has gone away."""

    def __init__(self) -> None:
        self.buffer = BrokenBuffer()

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_bytes(PAGE_TEXT.encode("utf-8"))
    return path


@pytest.fixture
def html_page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_bytes(PAGE_HTML.encode("utf-8"))
    return path


def assert_one_line_error(err: str, *needles: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("arabic-extract: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0]


# --- formats ------------------------------------------------------------------------------


def test_json_output_parses_and_has_the_body(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(page)]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.count("\n") == 1
    data = json.loads(out)
    assert data["headline"] == HEADLINE
    assert data["paragraphs"] == list(PARAGRAPHS)
    assert data["body"] == "\n".join(PARAGRAPHS)
    assert data["date_text"] == "منذ 3 ساعات"
    assert data["published"] is None  # no reference time given
    assert data["blocks"] == []  # only with --explain


def test_json_indent_pretty_prints(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--indent", "2", str(page)]) == 0
    out = capsys.readouterr().out
    assert '\n  "headline": ' in out
    assert json.loads(out)["headline"] == HEADLINE


def test_text_format_is_headline_blank_line_body(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", "--format", "text", str(page)]) == 0
    out = capsys.readouterr().out
    assert out == HEADLINE + "\n\n" + "\n".join(PARAGRAPHS) + "\n"


def test_markdown_format_from_html(html_page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--format", "markdown", str(html_page)]) == 0
    out = capsys.readouterr().out
    sections = out.rstrip("\n").split("\n\n")
    assert sections[0] == "# البنك المركزي يثبت أسعار الفائدة للمرة الثالثة على التوالي"
    meta = sections[1].splitlines()
    assert all(line.startswith("- **") for line in meta)
    assert "- **Author:** أحمد السيد" in meta
    assert "- **Site:** صحيفة الاقتصاد" in meta
    assert any(line.startswith("- **Date:** الخميس 14 مارس 2024") for line in meta)
    assert sections[2] == "*مقر البنك المركزي في العاصمة*"  # the figure, where it stands
    assert sections[3].startswith("قررت لجنة السياسة النقدية")
    assert sections[6].startswith("ويتوقع محللون")


def test_markdown_lists_only_set_fields_and_captions() -> None:
    article = Article(
        headline="افتتاح معرض الكتاب الدولي بمشاركة واسعة",
        author="سارة محمود",
        tags=["ثقافة", "معرض الكتاب"],
        captions=["جانب من حفل الافتتاح"],
        paragraphs=["افتتح وزير الثقافة المعرض صباح اليوم.", "- 300 دار نشر تشارك هذا العام."],
    )
    assert format_markdown(article) == (
        "# افتتاح معرض الكتاب الدولي بمشاركة واسعة\n\n"
        "- **Author:** سارة محمود\n"
        "- **Tags:** ثقافة, معرض الكتاب\n\n"
        "افتتح وزير الثقافة المعرض صباح اليوم.\n\n"
        "\\- 300 دار نشر تشارك هذا العام.\n\n"
        "*جانب من حفل الافتتاح*\n"
    )


def test_markdown_lists_every_author_the_dateline_and_the_update() -> None:
    article = Article(
        headline="افتتاح معرض الكتاب الدولي بمشاركة واسعة",
        author="سارة محمود",
        authors=["سارة محمود", "أحمد علي"],
        dateline="الرياض",
        published=datetime(2024, 3, 23, 10, 15),
        date_text="السبت 13 رمضان 1445هـ الموافق 23 مارس 2024م - 10:15 ص",
        updated=datetime(2024, 3, 23, 13, 40),
        paragraphs=["افتتح وزير الثقافة المعرض صباح اليوم."],
    )
    meta = format_markdown(article).split("\n\n")[1].splitlines()
    assert meta == [
        "- **Author:** سارة محمود، أحمد علي",
        "- **Dateline:** الرياض",
        "- **Date:** السبت 13 رمضان 1445هـ الموافق 23 مارس 2024م - 10:15 ص (2024-03-23T10:15:00)",
        "- **Updated:** 2024-03-23T13:40:00",
    ]


def test_several_paths_give_one_json_line_each(
    page: Path, html_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(page), str(html_page), str(page)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    headlines = [json.loads(line)["headline"] for line in lines]
    assert headlines[0] == headlines[2] == HEADLINE
    assert headlines[1].startswith("البنك المركزي")


def test_several_paths_in_text_format_get_headers(
    page: Path, html_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", "-f", "text", str(page), str(html_page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"==> {page} <==\n{HEADLINE}\n\n")
    assert f"\n\n==> {html_page} <==\n" in out


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(PAGE_TEXT.encode("utf-8")))
    assert main(["extract", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["headline"] == HEADLINE
    assert data["body"].startswith("أعلنت وزارة الموارد المائية")


def test_stdin_legacy_arabic_code_page(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(PAGE_TEXT.encode("cp1256")))
    assert main(["extract", "-f", "text", "-"]) == 0
    assert capsys.readouterr().out.startswith(HEADLINE + "\n\n")


def test_output_is_utf8_whatever_the_stdout_encoding(
    page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    assert main(["extract", "-f", "text", str(page)]) == 0
    assert raw.getvalue().decode("utf-8").startswith(HEADLINE)


# --- explain ------------------------------------------------------------------------------


def test_explain_shows_labels_reasons_and_summary(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", "--explain", str(page)]) == 0
    out = capsys.readouterr().out
    assert ANSI not in out  # capsys is not a terminal
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["0", "headline"]
    assert lines[0].endswith(HEADLINE)
    assert lines[1].split()[:2] == ["1", "date"]
    body_lines = [line for line in lines if line.split()[1:2] == ["body"]]
    assert len(body_lines) == len(PARAGRAPHS)
    assert body_lines[-1].endswith(PARAGRAPHS[-1])  # full text when not a terminal
    assert all(len(line.split()) > 3 for line in body_lines)  # a reasons column
    assert f"headline:   {HEADLINE}" in lines
    assert "date_text:  منذ 3 ساعات" in lines
    assert f"paragraphs: {len(PARAGRAPHS)} " in out


def test_explain_reasons_are_comma_joined(
    html_page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", "--explain", str(html_page)]) == 0
    out = capsys.readouterr().out
    labels = {line.split()[1] for line in out.split("\n\n")[0].splitlines()}
    assert {"headline", "byline", "date", "body", "noise"} <= labels
    assert "dom:figcaption" in out


def tty_stdout(monkeypatch: pytest.MonkeyPatch, columns: int) -> io.BytesIO:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", FakeTty(raw, encoding="utf-8"))
    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setenv("TERM", "xterm-256color")
    return raw


def test_explain_on_a_terminal_is_coloured_and_truncated(
    page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    raw = tty_stdout(monkeypatch, columns=60)
    assert main(["extract", "--explain", str(page)]) == 0
    lines = raw.getvalue().decode("utf-8").splitlines()
    assert lines[0].startswith("\x1b[1;33m")  # bold yellow headline
    body = [line for line in lines if line.startswith("\x1b[32m")]
    assert len(body) == len(PARAGRAPHS)
    for line in body:
        text = line.removeprefix("\x1b[32m").removesuffix("\x1b[0m")
        assert len(text) <= 60
        assert text.endswith("…")


def test_no_color_disables_colours_on_a_terminal(
    page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    raw = tty_stdout(monkeypatch, columns=200)
    assert main(["extract", "--explain", str(page)]) == 0
    assert ANSI not in raw.getvalue().decode("utf-8")


def test_truncate_counts_columns_not_marks() -> None:
    assert truncate("قَالَ الوزير", 100) == "قَالَ الوزير"
    assert truncate("قَالَ الوزير", 5) == "قَالَ …"
    assert truncate("abcdef", 4) == "abc…"


# --- reference time -----------------------------------------------------------------------


def test_reference_time_resolves_relative_date(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", "--reference-time", "2024-05-01T12:00:00+03:00", str(page)]) == 0
    data = json.loads(capsys.readouterr().out)
    published = datetime.fromisoformat(data["published"])
    reference = datetime(2024, 5, 1, 12, tzinfo=timezone(timedelta(hours=3)))
    assert published == reference - timedelta(hours=3)


def test_reference_time_accepts_z_suffix(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", "--reference-time", "2024-05-01T12:00:00Z", str(page)]) == 0
    published = datetime.fromisoformat(json.loads(capsys.readouterr().out)["published"])
    assert published == datetime(2024, 5, 1, 9, tzinfo=timezone.utc)


# --- errors -------------------------------------------------------------------------------


def test_missing_file_is_exit_1_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "لا-يوجد.html"
    assert main(["extract", str(missing)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert_one_line_error(err, str(missing), "no such file")


def test_png_is_exit_1_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    image = tmp_path / "photo.html"
    image.write_bytes(PNG_BYTES)
    assert main(["extract", str(image)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert_one_line_error(err, str(image), "PNG")


def test_directory_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path)]) == 1
    assert_one_line_error(capsys.readouterr().err, "directory")


def test_one_failed_input_does_not_stop_the_others(
    page: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["extract", str(page), str(missing), str(page)]) == 1
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row.get("headline") for row in rows] == [HEADLINE, None, HEADLINE]
    assert rows[1]["id"] == str(missing)
    assert rows[1]["error"]["type"] == "ReadError"
    assert_one_line_error(err, str(missing))


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "pdf"],
        ["--reference-time", "أمس"],
        ["--reference-time", "2024-13-45"],
        ["--indent", "-1"],
        ["--explain", "--format", "text"],
        ["--format", "text", "--indent", "2"],
        [],
    ],
)
def test_bad_usage_is_exit_2(
    args: list[str], page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(page)] if args else []
    assert main(["extract", *args, *paths]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "arabic-extract extract: error:" in err
    assert "Traceback" not in err


def test_indent_with_several_inputs_is_exit_2(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", "--indent", "2", str(page), str(page)]) == 2
    assert "single input" in capsys.readouterr().err


def _closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (connections are refused at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("scheme", ["http", "HTTP"])
def test_url_that_cannot_be_fetched_is_exit_1(
    scheme: str, page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """URLs are fetched (tests/test_fetch.py); one that fails is reported like a bad file."""
    url = f"{scheme}://127.0.0.1:{_closed_port()}/news/1"
    assert main(["extract", str(page), url]) == 1
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row.get("headline") for row in rows] == [HEADLINE, None]
    assert rows[1]["id"] == url
    assert rows[1]["error"]["type"] == "FetchError"
    assert_one_line_error(err, url, "cannot fetch")


@pytest.mark.parametrize("columns", ["200", "20"])
def test_version(
    columns: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", columns)  # one line however narrow the terminal
    assert main(["--version"]) == 0
    version = f"arabic-extract {arabic_extract.__version__} ({build_name()})"
    assert capsys.readouterr().out == version + "\n"


def test_broken_pipe_is_quiet(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", BrokenStdout())
    assert main(["extract", str(page)]) == 141
    assert capsys.readouterr().err == ""


# --- the installed module -----------------------------------------------------------------


def run_module(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "NO_COLOR": "1", "COLUMNS": "30"}
    return subprocess.run(
        [sys.executable, "-m", "arabic_extract", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_python_dash_m_runs_the_command(page: Path, tmp_path: Path) -> None:
    missing = tmp_path / "مفقود.txt"  # stderr is ASCII here: the name must not crash it
    done = run_module("extract", str(page), "-", str(missing), stdin=PAGE_TEXT.encode("utf-8"))
    assert done.returncode == 1
    rows = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    assert [row.get("headline") for row in rows] == [HEADLINE, HEADLINE, None]
    assert "error" in rows[2]
    err = done.stderr.decode("utf-8")
    assert_one_line_error(err, "no such file")


def test_python_dash_m_version() -> None:
    done = run_module("--version")
    assert done.returncode == 0
    # (the subprocess may import the installed, compiled package)
    version = re.escape(arabic_extract.__version__)
    shown = done.stdout.decode()
    assert re.fullmatch(rf"arabic-extract {version} \((compiled|pure Python)\)\n", shown)


def test_python_dash_m_help_has_arabic_whatever_the_locale() -> None:
    done = run_module("extract", "--help")
    assert done.returncode == 0
    assert "منذ 3 ساعات" in done.stdout.decode("utf-8")
    assert done.stderr == b""
