"""The analyst's page in a real browser: load, filter, brush the timeline, click a map
point, read an event with its evidence highlighted, open an actor, paste a report."""

from __future__ import annotations

import time

import httpx
import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

pytestmark = pytest.mark.browser

WAIT = 30


def wait(browser) -> WebDriverWait:
    """Wait up to WAIT s; an element re-rendered while being read is just read again."""
    return WebDriverWait(browser, WAIT, ignored_exceptions=(StaleElementReferenceException,))


def open_page(browser, url: str) -> None:
    browser.get(url + "/")
    wait(browser).until(lambda b: b.execute_script("return document.body.dataset.loaded"))


def rows(browser) -> list:
    return browser.find_elements(By.CSS_SELECTOR, "#events tbody tr[data-id]")


def wait_rows(browser, n: int) -> list:
    wait(browser).until(lambda b: len(rows(b)) == n)
    return rows(browser)


def markers(browser) -> int:
    return browser.execute_script("return window.wirecoder.map.markers.length")


def drawer(browser):
    wait(browser).until(lambda b: b.find_element(By.ID, "drawer").is_displayed())
    return browser.find_element(By.ID, "drawer-body")


def test_page_shows_table_map_and_timeline(browser, server_url: str, shot) -> None:
    open_page(browser, server_url)
    assert len(wait_rows(browser, 28)) == 28
    assert browser.find_element(By.ID, "total").text == "28 events"
    assert markers(browser) == 28
    assert len(browser.find_elements(By.CSS_SELECTOR, "#timeline rect.bar")) > 5
    assert browser.execute_script("return document.querySelectorAll('.leaflet-overlay-pane path, .leaflet-overlay-pane canvas').length") > 0
    first = rows(browser)[0].find_elements(By.TAG_NAME, "td")[0].text
    assert first == "2025-09-02"  # newest first
    shot("overview")


def test_sorting_by_fatalities(browser, server_url: str) -> None:
    open_page(browser, server_url)
    wait_rows(browser, 28)
    header = browser.find_element(By.CSS_SELECTOR, "#events th[data-sort=fatalities]")
    header.click()
    header.click()  # descending
    values = [int(r.find_elements(By.TAG_NAME, "td")[7].text or 0) for r in rows(browser)]
    assert values == sorted(values, reverse=True) and values[0] == 15


def test_filter_by_country_narrows_table_and_map(browser, server_url: str, shot) -> None:
    open_page(browser, server_url)
    browser.find_element(By.CSS_SELECTOR, "#filters input[name=country]").send_keys("NGA")
    browser.find_element(By.ID, "apply").click()
    (row,) = wait_rows(browser, 1)
    assert "Maiduguri" in row.text and "Battles" in row.text
    wait(browser).until(lambda b: markers(b) == 1)
    csv_link = browser.find_element(By.ID, "export-csv").get_attribute("href")
    assert csv_link.endswith("/export.csv?country=NGA")
    assert "t-ng-1:e0" in httpx.get(csv_link).text
    shot("filtered")


def test_clicking_a_map_point_opens_the_event(browser, server_url: str, shot) -> None:
    open_page(browser, server_url)
    Select(browser.find_element(By.CSS_SELECTOR, "#filters select[name=event_type]")).select_by_visible_text("Battles")
    browser.find_element(By.ID, "apply").click()
    wait_rows(browser, 1)
    wait(browser).until(lambda b: markers(b) == 1)
    time.sleep(0.5)  # let fitBounds settle
    point = browser.execute_script("const p = window.wirecoder.map.pointOf('t-ng-1:e0'); return [p.x, p.y];")
    box = browser.find_element(By.ID, "map")
    size = box.size
    ActionChains(browser).move_to_element_with_offset(box, point[0] - size["width"] / 2, point[1] - size["height"] / 2).click().perform()
    body = drawer(browser)
    view = body.find_element(By.CSS_SELECTOR, ".event-view")
    assert view.get_attribute("data-id") == "t-ng-1:e0"
    marks = [m.text for m in body.find_elements(By.CSS_SELECTOR, "mark.ev")]
    assert any(m.startswith("Nigerian troops clashed with ISWAP") for m in marks)
    shot("map-click")


def test_event_view_highlights_evidence_fields_and_attribution(browser, server_url: str, shot) -> None:
    open_page(browser, server_url)
    wait_rows(browser, 28)
    next(r for r in rows(browser) if r.get_attribute("data-id") == "t-pk-1:e0").click()
    body = drawer(browser)
    assert "responsibility claimed" in body.find_element(By.CSS_SELECTOR, "tr[data-field=attribution]").text
    reports = body.find_elements(By.CSS_SELECTOR, "article.report")
    assert len(reports) == 2  # the bombing and the follow-up report of it
    own = body.find_element(By.CSS_SELECTOR, "article.report.own")
    texts = " | ".join(m.text for m in own.find_elements(By.TAG_NAME, "mark"))
    assert "Islamic State Pakistan Province claimed responsibility for the attack" in texts
    assert "killing 15 people" in texts
    ActionChains(browser).move_to_element(body.find_element(By.CSS_SELECTOR, "tr[data-field=fatalities]")).perform()
    lit = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "mark.lit"))
    assert "".join(m.text for m in lit) == "killing 15 people"
    shot("event")


def test_timeline_brush_filters_table_and_map(browser, server_url: str, shot) -> None:
    open_page(browser, server_url)
    wait_rows(browser, 28)
    svg = browser.find_element(By.ID, "timeline")
    width = svg.size["width"]
    # Drag over the right third: only the late-2025 bombing reports lie there.
    ActionChains(browser).move_to_element_with_offset(svg, width // 2 - 150, 0).click_and_hold().move_by_offset(140, 0).release().perform()
    label = wait(browser).until(lambda b: b.find_element(By.ID, "brush-label").text)
    start, end = label.split(" – ")
    wait(browser).until(lambda b: 0 < len(rows(b)) < 28)
    dates = [r.find_elements(By.TAG_NAME, "td")[0].text for r in rows(browser)]
    assert all(start <= d <= end for d in dates), (label, dates)
    assert markers(browser) == len(dates)
    shot("brush")


def test_actor_view_shows_aliases_and_graph(browser, server_url: str, shot) -> None:
    open_page(browser, server_url)
    browser.execute_script("window.wirecoder.openActorByName('Baloch Voice for Justice')")
    body = drawer(browser)
    view = wait(browser).until(lambda b: b.find_element(By.CSS_SELECTOR, ".actor-view"))
    assert "the BVJ" in view.text
    names = [n.get_attribute("data-name") for n in body.find_elements(By.CSS_SELECTOR, ".actor-graph .node")]
    assert "Military Forces of Pakistan" in names
    assert body.find_elements(By.CSS_SELECTOR, ".actor-graph line.edge.alleges")
    # Clicking a node opens that actor: the army, accused by BVJ.
    body.find_element(By.CSS_SELECTOR, ".actor-graph .node[data-name='Military Forces of Pakistan'] circle").click()
    wait(browser).until(lambda b: "Military Forces of Pakistan" in b.find_element(By.CSS_SELECTOR, ".actor-view h3").text)
    assert "Allegations received (1)" in browser.find_element(By.CSS_SELECTOR, ".actor-view").text
    shot("actor")


def test_highlight_offsets_are_python_code_points(browser, server_url: str) -> None:
    """Offsets index the stored text as Python ``str``: an emoji before a span must not shift it."""
    open_page(browser, server_url)
    text = "Alert 😀 a bomb hit Quetta.\n\nNext paragraph."
    start = text.index("a bomb")
    end = text.index("\n\nNext") + 1  # the span ends after a line break
    html = browser.execute_async_script(
        """const [text, start, end, done] = arguments;
        import('/static/js/highlight.js').then((m) => done(m.highlightText(text, [{start, end, label: 'x', cls: 'ev'}])));""",
        text, start, end,
    )
    assert '<mark class="ev" title="x" data-keys="">a bomb hit Quetta.</mark><br><br>Next' in html


def test_actor_name_in_the_table_opens_the_actor(browser, server_url: str) -> None:
    open_page(browser, server_url)
    wait_rows(browser, 28)
    row = next(r for r in rows(browser) if r.get_attribute("data-id") == "t-ng-1:e0")
    row.find_element(By.CSS_SELECTOR, ".actor-link[data-name='Military Forces of Nigeria']").click()
    drawer(browser)
    heading = wait(browser).until(lambda b: b.find_element(By.CSS_SELECTOR, "#drawer-body .actor-view h3").text)
    assert heading.startswith("Military Forces of Nigeria")
    assert not browser.find_elements(By.CSS_SELECTOR, "#drawer-body .event-view")


# Last: it stores a new report, which changes the counts the tests above expect.
def test_paste_a_report_shows_the_record_quickly(browser, server_url: str, shot, shared_dir) -> None:
    seed = (shared_dir / "examples" / "ians-quetta-2025-09-05" / "article.txt").read_text(encoding="utf-8")
    httpx.post(f"{server_url}/documents", json={"text": "Warm-up report."}, timeout=300)  # builds and warms the pipeline
    open_page(browser, server_url)
    browser.find_element(By.ID, "tab-paste").click()
    area = browser.find_element(By.ID, "paste-text")
    browser.execute_script("arguments[0].value = arguments[1];", area, seed)
    start = time.monotonic()
    browser.find_element(By.ID, "paste-submit").click()
    record = wait(browser).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#paste-result .record"))[0]
    elapsed = time.monotonic() - start
    assert elapsed < 2.0, f"paste-to-record took {elapsed:.2f} s"
    assert record.find_element(By.CSS_SELECTOR, ".report-text").text.startswith("date 2025-09-05 Quetta")
    assert record.find_elements(By.CSS_SELECTOR, ".report-text mark")  # something is highlighted
    shot("paste")
