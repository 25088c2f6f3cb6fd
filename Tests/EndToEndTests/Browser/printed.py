#!/usr/bin/env python3
"""Deck text in a real browser: headless Chromium opens a printed deck
(`tillit print`) or the voting room's phone page and checks that deck text
stayed text: no element, script or redirect came from it, and no script
changed the title.

    printed.py FILE.html|URL TEXT...
Each TEXT must show on the page as written. Exit 0 when all holds; 77 when
Chromium or Selenium is not installed.
"""
import pathlib, sys, time

from headless import chromium
from selenium.webdriver.common.by import By

target, texts = sys.argv[1], sys.argv[2:]
address = target if target.startswith("http://") else pathlib.Path(target).resolve().as_uri()
browser = chromium()
try:
    browser.get(address)
    time.sleep(0.5)  # an onerror or a refresh would have fired by now
    assert browser.current_url == address, f"the page went to {browser.current_url}"
    assert "XSS" not in browser.title, f"a script ran: the title is {browser.title!r}"
    # The phone page's own refresh script and its one link back to itself are the page's, not the deck's.
    for tag in ["img", "script:not([src$='refresh.js'])", "a:not([href$='/'])", "svg", "iframe"]:
        found = browser.find_elements(By.CSS_SELECTOR, tag)
        assert not found, f"<{tag}> on the page: {[e.get_attribute('outerHTML') for e in found]}"
    assert not browser.find_elements(By.CSS_SELECTOR, "meta[http-equiv=refresh]"), "a refresh from the deck"
    body = browser.find_element(By.TAG_NAME, "body").text
    for text in texts:
        assert text in body, f"{text!r} does not show as written"
    print("text stayed text")
finally:
    browser.quit()
