#!/usr/bin/env python3
"""A phone in a real browser: headless Chromium at 360x740 opens the voting
room's page, taps a value, waits for "Thank you", and saves a screenshot.

    phone.py URL VALUE SCREENSHOT.png
Exit 0 when the vote was taken; 77 when Chromium or Selenium is not installed.
"""
import shutil, sys

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("selenium is not installed", file=sys.stderr)
    sys.exit(77)

url, value, screenshot = sys.argv[1], sys.argv[2], sys.argv[3]
chromium = shutil.which("chromium") or shutil.which("chromium-browser")
driver_path = shutil.which("chromedriver")
if not chromium or not driver_path:
    print("chromium or chromedriver is not installed", file=sys.stderr)
    sys.exit(77)

options = webdriver.ChromeOptions()
options.binary_location = chromium
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=360,740"]:
    options.add_argument(flag)
browser = webdriver.Chrome(service=Service(driver_path), options=options)
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
