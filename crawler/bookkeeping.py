"""Per-source bookkeeping of one crawl, kept by the two sides that own it:

- the spider keeps a `SourceCrawl` while it reads the source (requests, pages, what it skipped
  and why, whether the listing is complete) and, when the source is done, hands storage a frozen
  `SourceReport` of it inside the SourceDone item;
- storage keeps a `StoreTally` (statements saved, new, edited, marked deleted, dropped by
  validation, storage errors).

`SourceOutcome` joins the two into the source's `crawls` row and its one-line summary. Neither side
changes the other's counts.

Coverage: a crawl records the window it demonstrably read (`covered_from` .. `covered_to`): from
the oldest item on the listing pages it could use (or the account's creation, when it read the
whole listing; or the previous crawl's newest item, when the source answered "nothing new") to
the moment it started. A source with no usable listing page read nothing: no window, and when it
met faults, status `failed`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from onrecord.crawler.sources import Source
from onrecord.db.times import utc_now
from onrecord.vocabulary import FAILED, OK, PARTIAL

STORAGE_ERROR = "storage error"


@dataclass
class Skips:
    """Skipped items and responses by reason; `faults` counts the ones that make a source partial
    (an image-only post is expected, a malformed page is not)."""

    reasons: Counter = field(default_factory=Counter)
    count: int = 0
    faults: int = 0

    def add(self, reason: str, fault: bool = True, count: int = 1) -> None:
        self.count += count
        self.reasons[reason] += count
        if fault:
            self.faults += count

    def __add__(self, other: "Skips") -> "Skips":
        return Skips(self.reasons + other.reasons, self.count + other.count, self.faults + other.faults)

    def copy(self) -> "Skips":
        return Skips(Counter(self.reasons), self.count, self.faults)


@dataclass
class SourceCrawl:
    """The spider's bookkeeping for one source during one crawl. `state` and `recent` are what
    storage held before the crawl, read by crawler/crawl.py and handed in."""

    source: Source
    started_at: str
    state: dict = field(default_factory=dict)  # crawl_state as stored before this crawl
    recent: list = field(default_factory=list)  # (statement id, kind, published_at) of the re-read window
    requests: int = 0  # every request sent, retries included
    ok_responses: int = 0
    emitted: int = 0  # Statement items yielded
    skips: Skips = field(default_factory=Skips)
    consecutive_failures: int = 0
    failed: bool = False
    error: str | None = None
    pending: int = 0
    closing_started: bool = False
    done: bool = False
    complete: bool = False  # the listing reached the end or the re-read horizon
    incomplete: bool = False  # a listing response failed: no later page may mark it complete
    native_id: str | None = None
    newest: str | None = None  # newest time seen in the listing (high-water mark candidate)
    seen: set = field(default_factory=set)
    deleted: list = field(default_factory=list)  # statement ids the platform confirmed gone
    pages: int = 0
    extra: dict = field(default_factory=dict)  # a platform spider's own notes
    listed: int = 0  # usable listing responses (pages, feeds, searches): 0 means nothing was read
    oldest: str | None = None  # oldest time on those responses: how far back this crawl read
    reached_end: bool = False  # the listing ended by itself (not at the horizon or the page limit)
    created_at: str | None = None  # the account's creation, when the platform says
    covered: tuple = (None, None)  # (covered_from, covered_to), set by the spider when the source is done

    def skip(self, reason: str, fault: bool = True, count: int = 1) -> None:
        self.skips.add(reason, fault, count)

    @property
    def faults(self) -> int:
        """Faults the spider met reading this source (what validation and storage drop is theirs)."""
        return self.skips.faults

    def fail(self, message: str) -> None:
        if not self.failed:
            self.failed, self.error = True, message

    def saw(self, moment: str | None) -> None:
        if moment and (self.newest is None or moment > self.newest):
            self.newest = moment

    def read_back_to(self, moment: str | None) -> None:
        """This crawl read everything the source listed from now back to `moment`."""
        if moment and (self.oldest is None or moment < self.oldest):
            self.oldest = moment

    def read_page(self, oldest: str | None = None) -> None:
        """A usable listing response, whose oldest item is `oldest`."""
        self.listed += 1
        self.read_back_to(oldest)

    def unchanged(self) -> None:
        """The source answered "nothing new since your last complete read" (304, since_id): what
        was listed then, back to its newest item, is still all there is."""
        self.read_page(self.state.get("high_water"))

    def report(self) -> "SourceReport":
        covered_from, covered_to = self.covered
        return SourceReport(source=self.source, started_at=self.started_at, requests=self.requests,
                            ok_responses=self.ok_responses, skips=self.skips.copy(),
                            error=self.error if self.failed else None, listed=self.listed,
                            covered_from=covered_from, covered_to=covered_to)


@dataclass(frozen=True)
class SourceReport:
    """What the spider read of a source, as it stood when the source was done."""

    source: Source
    started_at: str
    requests: int = 0
    ok_responses: int = 0
    skips: Skips = field(default_factory=Skips)
    error: str | None = None  # the spider failed the source with this message
    listed: int = 0  # usable listing responses
    covered_from: str | None = None  # the window read (see the module's docstring)
    covered_to: str | None = None


@dataclass
class StoreTally:
    """What storage did with a source's items."""

    items: int = 0  # statements saved (new or seen again)
    new: int = 0
    edited: int = 0
    deleted_marked: int = 0
    skips: Skips = field(default_factory=Skips)  # dropped by validation, batches that failed to save
    error: str | None = None

    def storage_failed(self) -> bool:
        """True when a batch of this source could not be saved (its state must not advance)."""
        return any(reason.startswith(STORAGE_ERROR) for reason in self.skips.reasons)


INTERRUPTED_REASON = "crawl interrupted before the source finished"


@dataclass
class SourceOutcome:
    """A source's crawl as recorded: its `crawls` row and its summary line. Two outcomes get no
    row: a source the crawl was interrupted (Ctrl-C, SIGTERM) before it stored anything of, which
    did not fail (`interrupted`), and any source once the database could no longer be written
    (`unrecorded`, the reason)."""

    report: SourceReport
    tally: StoreTally = field(default_factory=StoreTally)
    interrupted: bool = False
    unrecorded: Exception | None = None  # the database problem that kept it from being recorded

    @property
    def recorded(self) -> bool:
        # interrupted: recorded (partial) only when some of its statements were stored
        return not self.unrecorded and not (self.interrupted and not self.tally.items and not self.report.error)

    @property
    def skips(self) -> Skips:
        return self.report.skips + self.tally.skips

    @property
    def error(self) -> str | None:
        return self.report.error or self.tally.error

    @property
    def status(self) -> str:
        faults = self.skips.faults
        # A lookup that answered is no reading: without one usable listing page, faults fail it.
        if self.error or (faults and not (self.report.ok_responses and self.report.listed)):
            return FAILED
        return PARTIAL if faults else OK

    @property
    def covered(self) -> tuple[str | None, str | None]:
        """The window this crawl read, as stored: none when it failed or its statements were not saved."""
        if self.status == FAILED or self.tally.storage_failed():
            return None, None
        return self.report.covered_from, self.report.covered_to

    def error_message(self) -> str | None:
        if self.error:
            return self.error
        skips = self.skips
        if skips.faults:
            reasons = "; ".join(f"{reason} ({n})" for reason, n in skips.reasons.most_common(3))
            # failed: no response could be used; partial: some items or pages were skipped
            return f"nothing could be read: {reasons}" if self.status == FAILED else f"skipped: {reasons}"
        return None

    def row(self) -> dict:
        source, skips = self.report.source, self.skips
        covered_from, covered_to = self.covered
        return {
            "platform": source.platform,
            "account_id": source.account_id,
            "source_url": source.url,
            "started_at": self.report.started_at,
            "finished_at": utc_now(),
            "status": self.status,
            "items": self.tally.items,
            "new_items": self.tally.new,
            "error": self.error_message(),
            "skipped": skips.count,
            "skip_reasons": dict(skips.reasons),
            "requests": self.report.requests,
            "covered_from": covered_from,
            "covered_to": covered_to,
        }

    def line(self) -> str:
        if self.unrecorded:
            return f"{self.report.source.id}  not recorded  {self.unrecorded}"
        if not self.recorded:
            return f"{self.report.source.id}  interrupted  nothing read yet; not recorded (the next crawl reads it)"
        status = self.status
        line = f"{self.report.source.id}  {status}"
        if status == FAILED:
            return f"{line}  {self.error_message()}"
        tally, skips = self.tally, self.skips
        line += f"  {tally.new} new / {tally.items} seen"
        if tally.edited:
            line += f", {tally.edited} edited"
        if tally.deleted_marked:
            line += f", {tally.deleted_marked} deleted"
        if skips.count:
            reasons = ", ".join(f"{reason}: {n}" for reason, n in skips.reasons.most_common(3))
            line += f"; skipped {skips.count} ({reasons})"
        covered_from = self.covered[0]
        if covered_from:
            line += f"; read back to {covered_from[:10]}"
        return line
