"""The engine: the stages a page goes through, from its text to the article's parts.

The public API (:func:`arabic_extract.extract`, :class:`arabic_extract.Article`,
:class:`arabic_extract.ExtractionConfig`) and everything around it (the command line, batch
runs, fetching, outputs, evaluation, the integrations) live one level up; :mod:`arabic_extract.api`
checks a call's arguments and limits, then hands the page to :func:`.html.extract_html`,
:func:`.pipeline.extract_text` or :func:`.pipeline.extract_markdown`. The modules here are the
ones a regular install compiles with mypyc (``setup.py``); they import nothing from the level
above but the config, the model, the errors and the rules (``tests/test_layout.py``).

In pipeline order:

- reading the input: :mod:`~.decode` (bytes to text), :mod:`~.reflow` (page text as scrapers
  hand it over), :mod:`~.markdown` and :mod:`~.inline` (Markdown pages), :mod:`~.html` (the
  DOM, read with selectolax), :mod:`~.metadata` (JSON-LD, OpenGraph, ``<title>``), all into
  :mod:`~.blocks`, with :mod:`~.normalize` giving each its matching form;
- judging the blocks: :mod:`~.features`, :mod:`~.classify` (two passes, after jusText),
  :mod:`~.structure` (the article's tables and lists), :mod:`~.segment` (the main run),
  :mod:`~.page_type` (article, listing, live blog, gallery), :mod:`~.language`;
- the fields: :mod:`~.fields` (headline, source, author, date, tags), with :mod:`~.dates`,
  :mod:`~.bylines`, :mod:`~.captions`, :mod:`~.tags`, :mod:`~.cuts`, :mod:`~.words` and
  :mod:`~.merge` (cross-checked with the page's metadata);
- the article: :mod:`~.content` (typed body nodes), :mod:`~.fingerprint` (near-duplicate
  SimHash), :mod:`~.fallback` (trafilatura's second opinion) and :mod:`~.pipeline`, which
  runs them all within the call's :mod:`~.deadline`.
"""
