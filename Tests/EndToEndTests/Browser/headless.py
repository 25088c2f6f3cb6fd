"""Headless Chromium for the browser checks (phone.py, printed.py): the driver,
or exit 77 when Chromium, chromedriver or Selenium is not installed."""
import shutil, sys

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    print("selenium is not installed", file=sys.stderr)
    sys.exit(77)


def chromium(*flags):
    binary = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not binary or not driver_path:
        print("chromium or chromedriver is not installed", file=sys.stderr)
        sys.exit(77)
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", *flags]:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(driver_path), options=options)
