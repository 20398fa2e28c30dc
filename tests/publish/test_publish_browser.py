"""A real headless Chromium: open the board, search, follow a facet, and check that a hostile
post shows as text. Screenshots go to test-artifacts/ (gitignored)."""
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium absent (apt install chromium)")


@pytest.fixture(scope="module")
def page(served):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.errors = errors
        # Offline: any request leaving the served site fails the test that made it.
        outside = []
        page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
                   if not route.request.url.startswith(served) else route.continue_())
        page.outside = outside
        yield page
        browser.close()


def test_board(page, served, expected_stances):
    page.goto(served + "/board")
    cards = page.locator("article.card")
    assert cards.count() == len(expected_stances)
    shown = {card.get_attribute("data-leader"): card.get_attribute("data-stance") for card in cards.all()}
    assert shown == expected_stances
    marked = page.locator('article[data-leader="ada-okafor"] mark')
    assert marked.inner_text() == "cruel and must stop now"
    # each card says what its headline rests on, in words
    basis = {leader: page.locator(f'article[data-leader="{leader}"] .coverage').inner_text()
             for leader in ("cy-marsh", "ed-unwatched")}
    assert basis["cy-marsh"].startswith("Silent: nothing either way in 1 post on RSS since 2026-01-01 and 0 news "
                                        "articles that name them")
    assert basis["ed-unwatched"].startswith("Not enough to call silence: Bluesky failed: HTTP 503 from the AppView")
    # too little read is no one's verdict: no "machine" pill on it, unlike a judged card
    assert page.locator('article[data-leader="ed-unwatched"] .verdict').count() == 0
    assert page.locator('article[data-leader="cy-marsh"] .verdict').inner_text() == "machine"
    page.locator('article[data-leader="ed-unwatched"] .coverage a', has_text="what was read").click()
    page.wait_for_load_state()
    assert "leader_coverage" in page.url and "Bluesky failed: HTTP 503" in page.locator("table.rows-and-columns").inner_text()
    page.goto(served + "/board")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "board.png"), full_page=True)


def test_hostile_post_shows_as_text(page, served, hostile_text):
    page.goto(served + "/board")
    card = page.locator('article[data-leader="di-quartz"] blockquote.statement')
    assert card.inner_text() == hostile_text  # the markup is shown, not run
    assert page.title() != "pwned"
    assert page.locator('article[data-leader="di-quartz"] script, article[data-leader="di-quartz"] img').count() == 0
    page.goto(served + "/onrecord/statements?_search=fine")
    assert "<script>document.title" in page.locator("table.rows-and-columns").inner_text()
    assert page.title() != "pwned"
    assert not page.errors


def test_search(page, served):
    page.goto(served + "/onrecord/search")
    page.fill('input[name="q"]', "raids")
    page.locator('form.sql input[type="submit"]').click()
    page.wait_for_load_state()
    rows = page.locator("table.rows-and-columns tbody tr")
    assert rows.count() == 3
    assert "these raids went too far" in page.locator("table.rows-and-columns").inner_text()
    page.screenshot(path=str(ARTIFACTS / "search.png"), full_page=True)


def test_follow_a_facet(page, served):
    page.goto(served + "/onrecord/statements")
    page.locator('.facet-info[data-column="platform"] a', has_text="bluesky").first.click()
    page.wait_for_load_state()
    assert "platform=bluesky" in page.url
    cells = page.locator("table.rows-and-columns td.col-platform")
    assert cells.count() == 2
    assert set(cells.all_inner_texts()) == {"bluesky"}


def test_dashboard_draws_charts_offline(page, served):
    page.goto(served + "/-/dashboards/stances")
    page.wait_for_selector("#card-over-time svg, #card-over-time canvas", timeout=15000)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    assert not page.outside, page.outside
