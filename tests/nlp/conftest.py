"""What the attribution tests share: `said`, the (leader, normalised words) pairs a finder gives."""
import pytest

from onrecord.nlp.quotes import normalize_quote


@pytest.fixture(scope="session")
def said():
    """said(finder, text, kind=None) -> {(leader id, normalised words)}, of one kind ("quote" or
    "paraphrase") when kind is given."""
    def pairs(finder, text, kind=None):
        return {(q.leader_id, normalize_quote(q.quote)) for q in finder.find(text) if kind is None or q.kind == kind}
    return pairs
