#!/usr/bin/env python3
"""A phone in a real browser: headless Chromium at 360x740 opens the voting
room's page, taps a value, waits for "Thank you", and saves a screenshot.

    phone.py URL VALUE SCREENSHOT.png
Exit 0 when the vote was taken; 77 when Chromium or Selenium is not installed.
"""
import sys

from headless import chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

url, value, screenshot = sys.argv[1], sys.argv[2], sys.argv[3]
browser = chromium("--window-size=360,740")
try:
    browser.set_window_size(360, 740)
    browser.get(url)
    buttons = browser.find_elements(By.CSS_SELECTOR, ".scale button")
    assert buttons, "no buttons on the page:\n" + browser.page_source
    # Every button is big enough to tap and the row fits a phone without sideways scrolling.
    for button in buttons:
        assert button.size["height"] >= 44, button.size
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= 360, f"the page is {width} px wide"
    next(b for b in buttons if b.get_attribute("value") == value).click()
    WebDriverWait(browser, 10).until(lambda b: "Thank you" in b.page_source)
    browser.save_screenshot(screenshot)
    print("voted")
finally:
    browser.quit()
