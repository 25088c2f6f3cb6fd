#!/usr/bin/env python3
"""A printed deck (`tillit print`) in a real browser: headless Chromium opens
the file and checks that deck text stayed text: no element, script or redirect
came from it, and the page title is the deck's.

    printed.py FILE.html TEXT...
Each TEXT must show on the page as written. Exit 0 when all holds; 77 when
Chromium or Selenium is not installed.
"""
import pathlib, sys, time

from headless import chromium
from selenium.webdriver.common.by import By

path, texts = pathlib.Path(sys.argv[1]).resolve(), sys.argv[2:]
browser = chromium()
try:
    browser.get(path.as_uri())
    time.sleep(0.5)  # an onerror or a refresh would have fired by now
    assert browser.current_url == path.as_uri(), f"the page went to {browser.current_url}"
    assert "XSS" not in browser.title, f"a script ran: the title is {browser.title!r}"
    for tag in ["img", "script", "a", "svg", "iframe"]:
        found = browser.find_elements(By.TAG_NAME, tag)
        assert not found, f"<{tag}> on the page: {[e.get_attribute('outerHTML') for e in found]}"
    assert not browser.find_elements(By.CSS_SELECTOR, "meta[http-equiv=refresh]"), "a refresh from the deck"
    body = browser.find_element(By.TAG_NAME, "body").text
    for text in texts:
        assert text in body, f"{text!r} does not show as written"
    print("text stayed text")
finally:
    browser.quit()
