"""datatrove steps: arabic_extract where a corpus pipeline runs Trafilatura, and near-duplicate
filtering by the articles' fingerprints.

:class:`ArabicExtractor` is a datatrove ``BaseExtractor``: it drops in where datatrove's
``Trafilatura`` step sits (``WarcReader`` -> this step -> filters -> ``JsonlWriter``). Each
document's HTML becomes the article's body; the article's fields go into ``doc.metadata``
(:data:`METADATA_FIELDS`); pages that are not articles (``Article.page_type``: listings, live
blogs, galleries, videos) are dropped, or kept with ``keep_non_articles=True``, and counted in
the step's stats either way. Extraction runs in datatrove's sandbox process, so its per-document
``timeout`` holds (a page over it is dropped and counted as ``timeout``).

:class:`FingerprintDedup` is a datatrove filter that drops documents whose ``fingerprint``
metadata is within ``max_distance`` bits of one seen before in the same task
(:mod:`arabic_extract.dedup`).

Needs datatrove: ``pip install "arabic-news-extract[datatrove]"``. See docs/datatrove.md.
"""

from __future__ import annotations

from typing import Any, Final

from arabic_extract.api import extract
from arabic_extract.config import ExtractionConfig
from arabic_extract.dedup import DedupConfig, Deduplicator
from arabic_extract.errors import InputError
from arabic_extract.extras import install_hint
from arabic_extract.model import Article

INSTALL_HINT: Final = f"arabic_extract.datatrove needs datatrove: {install_hint('datatrove')}"

try:
    from datatrove.data import Document, DocumentsPipeline
    from datatrove.pipeline.extractors.base import BaseExtractor, ExtractorSandbox
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.pipeline.writers.disk_base import DiskWriter
    from datatrove.utils.logging import logger
    from datatrove.utils.typeshelper import StatHints
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(INSTALL_HINT) from exc

METADATA_FIELDS: Final = (
    "headline",
    "source",
    "author",
    "published",
    "date_text",
    "site_name",
    "page_type",
    "html_lang",
    "tags",
    "fingerprint",
)
"""The metadata keys the extractor sets. ``published`` is ISO 8601 (or None); ``html_lang`` is
``Article.language``, the page's ``lang`` attribute, under another name because datatrove's
``LanguageFilter`` writes its prediction to ``language``."""

Outcome = tuple[str, dict[str, Any]]


def article_metadata(article: Article) -> dict[str, Any]:
    """The document metadata of an article (:data:`METADATA_FIELDS`), JSON types only."""
    return {
        "headline": article.headline,
        "source": article.source,
        "author": article.author,
        "published": article.published.isoformat() if article.published else None,
        "date_text": article.date_text,
        "site_name": article.site_name,
        "page_type": article.page_type,
        "html_lang": article.language,
        "tags": list(article.tags),
        "fingerprint": article.fingerprint,
    }


def keeps(article_page_type: str, keep_non_articles: bool) -> bool:
    """Whether a page of this type goes on down the pipeline."""
    return keep_non_articles or article_page_type == "article"


class ArabicExtractor(BaseExtractor):  # type: ignore[misc]  # datatrove is untyped
    """Extract the Arabic article from each document's HTML (see the module docstring).

    Args:
        timeout: seconds one document may take (datatrove's sandbox); past it the document is
            dropped and counted as ``timeout``.
        keep_non_articles: keep listings, live blogs, galleries... (their body is what the
            engine found); by default they are dropped. Counted as ``non_article`` and
            ``page_type_<type>`` either way.
        config: the :class:`~arabic_extract.ExtractionConfig` (default thresholds if None).
    """

    name = "🌙 arabic_extract"

    def __init__(
        self,
        timeout: float = 1.0,
        keep_non_articles: bool = False,
        config: ExtractionConfig | None = None,
    ) -> None:
        super().__init__(timeout)
        self.keep_non_articles = keep_non_articles
        self.config = config or ExtractionConfig()
        self._warned_error: bool = False

    def extract(self, text: str) -> str:
        """The body of the article in ``text`` (BaseExtractor's interface)."""
        return extract(text, config=self.config).body

    def extract_record(self, text: str, url: str | None) -> Outcome | None:
        """The body and metadata of one page, or None when it is not a page (run in the
        sandbox process; the result is pickled back)."""
        try:
            article = extract(text, url=url, config=self.config)
        except InputError:
            return None
        return article.body, article_metadata(article)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        with ExtractorSandbox(timeout=self.timeout, warmup_text=("", None)) as sandbox:
            for doc in data:
                self.stat_update(StatHints.total)
                with self.track_time():
                    outcome = self._extract_in(sandbox, doc)
                if outcome is None:
                    continue
                body, metadata = outcome
                if self._dropped(body, metadata["page_type"]):
                    continue
                doc.text = body
                doc.metadata.update(metadata)
                self.stat_update(StatHints.forwarded)
                self.update_doc_stats(doc)
                yield doc

    def _extract_in(self, sandbox: ExtractorSandbox, doc: Document) -> Outcome | None:
        """The document's outcome from the sandbox, or None (counted) when it failed."""
        try:
            outcome: Outcome | None = sandbox.process_document(
                (doc.text, doc.metadata.get("url")), self.extract_record
            )
        except TimeoutError:
            self.stat_update("timeout")
            logger.warning("⏰ Timeout while extracting a document. Skipping it.")
            return None
        except EOFError:
            self.stat_update("broken_process")
            logger.warning("The extraction process died; a new one takes the next document.")
            return None
        except Exception as error:  # the sandbox re-raises the child's exception
            self.stat_update("clean_error")
            if not self._warned_error:
                logger.warning(f'❌ Error "{error}" while extracting a document. Skipping it.')
                self._warned_error = True
            return None
        if outcome is None:
            self.stat_update("not_a_page", StatHints.dropped)
        return outcome

    def _dropped(self, body: str, page_type: str) -> bool:
        """Count the document's page type; True when it leaves the pipeline here."""
        if page_type != "article":
            self.stat_update("non_article", f"page_type_{page_type}")
        if not keeps(page_type, self.keep_non_articles):
            self.stat_update(StatHints.dropped)
            return True
        if not body:
            self.stat_update("empty_body", StatHints.dropped)
            return True
        return False


class FingerprintDedup(BaseFilter):  # type: ignore[misc]  # datatrove is untyped
    """Drop a document whose ``fingerprint`` metadata (set by :class:`ArabicExtractor`) is
    within ``config.max_distance`` bits of one kept before it in the same task; the dropped
    document's metadata names the kept one (``duplicate_of``, ``duplicate_distance``), which an
    ``exclusion_writer`` saves. Documents without a fingerprint are kept.

    Each task compares its own documents: for a whole corpus, run it in a second stage with
    ``tasks=1`` (its memory is bounded, see :class:`~arabic_extract.dedup.DedupConfig`).
    """

    name = "🌙 near-duplicates"

    def __init__(
        self, config: DedupConfig | None = None, exclusion_writer: DiskWriter | None = None
    ) -> None:
        super().__init__(exclusion_writer)
        self.dedup_config = config or DedupConfig()
        self._dedup: Deduplicator | None = None

    def filter(self, doc: Document) -> bool | tuple[bool, str]:
        if self._dedup is None:  # built in the task's process, not pickled to it
            self._dedup = Deduplicator(self.dedup_config)
        fingerprint = doc.metadata.get("fingerprint")
        found = self._dedup.check(doc.id, fingerprint if isinstance(fingerprint, str) else None)
        if found is None:
            return True
        doc.metadata["duplicate_of"], doc.metadata["duplicate_distance"] = found
        return False, "near_duplicate"
