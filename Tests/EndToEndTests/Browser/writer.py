#!/usr/bin/env python3
"""A phone writing an answer in a real browser with JavaScript off: headless
Chromium at 320x640 opens the voting room's page on a text card, writes an
answer, sends it, and finds it under "What you have sent"; nothing on the page
is wider than the screen. Saves a screenshot.

    writer.py URL TEXT SCREENSHOT.png
Exit 0 when the answer was taken; 77 when Chromium or Selenium is not installed.
"""
import sys

from headless import chromium
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

url, text, screenshot = sys.argv[1], sys.argv[2], sys.argv[3]
browser = chromium("--window-size=320,640", "--blink-settings=scriptEnabled=false")
try:
    browser.set_window_size(320, 640)
    browser.get(url)
    box = browser.find_element(By.CSS_SELECTOR, "textarea[name=value]")
    assert box.get_attribute("maxlength") == "280", box.get_attribute("maxlength")
    box.send_keys(text)
    browser.find_element(By.CSS_SELECTOR, "button.send").click()
    WebDriverWait(browser, 10).until(lambda b: "What you have sent" in b.page_source)
    mine = [item.text for item in browser.find_elements(By.CSS_SELECTOR, ".mine li")]
    assert mine == [text], mine
    viewport = browser.find_element(By.TAG_NAME, "html").size["width"]
    for element in browser.find_elements(By.CSS_SELECTOR, "main, main *"):
        right = element.rect["x"] + element.rect["width"]
        assert right <= viewport + 1, f"{element.tag_name} reaches {right} px on a {viewport} px screen"
    browser.save_screenshot(screenshot)
    print("written")
finally:
    browser.quit()
