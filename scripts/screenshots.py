"""Take the README screenshots: a fresh demo install in a temp dir, served locally, walked by Chromium.

Usage: .venv/bin/python scripts/screenshots.py [OUTDIR]   (default docs/screenshots)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
KEHOACH = str(Path(sys.executable).with_name("kehoach"))
PORT = 8765
PAGES = [
    ("plan", "/ke-hoach/MUONGTE-CTDT-2021-2030/"),
    ("progress", "/tien-do/ke-hoach/MUONGTE-CTDT-2021-2030/"),
    ("targets", "/ke-hoach/MUONGTE-CTDT-2021-2030/chi-tieu/?milestone=2025"),
    ("tasks", "/ke-hoach/MUONGTE-CTDT-2021-2030/nhiem-vu/"),
    ("budget", "/ke-hoach/MUONGTE-CTDT-2021-2030/nguon-luc/"),
    ("findings", "/ke-hoach/MUONGTE-CTDT-2021-2030/phat-hien/"),
    ("units", "/don-vi/?q=muong+te"),
    ("money", "/von/ke-hoach/MUONGTE-CTDT-2021-2030/"),
    ("task-board", "/nhiem-vu/ke-hoach/MUONGTE-CTDT-2021-2030/"),
    ("target", "/nhiem-vu/ke-hoach/MUONGTE-CTDT-2021-2030/chi-tieu/T2025-02/"),
    ("data", "/so-lieu/ke-hoach/MUONGTE-CTDT-2021-2030/"),
    ("catalogue", "/chi-so/"),
    ("indicator", "/tien-do/ke-hoach/MUONGTE-CTDT-2021-2030/chi-so/TL_HO_NGHEO/"),
    ("performance", "/tien-do/ke-hoach/MUONGTE-CTDT-2021-2030/bang-chi-tieu/?milestone=2025"),
    ("reports", "/bao-cao/ke-hoach/MUONGTE-CTDT-2021-2030/"),
]
PUBLIC = [  # no account: what a citizen sees
    ("portal", "/cong-khai/MUONGTE-CTDT-2021-2030/"),
    ("portal-target", "/cong-khai/MUONGTE-CTDT-2021-2030/chi-tieu/T2025-02/"),
    ("portal-money", "/cong-khai/MUONGTE-CTDT-2021-2030/von/"),
]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="kehoach-shots-"))
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    init = subprocess.run(
        [KEHOACH, "init", "--demo"], cwd=work, env=env, capture_output=True, text=True, check=True
    )
    password = re.search(r"demo-chutri\s+(\S+)", init.stdout)
    assert password, init.stdout
    server = subprocess.Popen(
        [KEHOACH, "serve", "--port", str(PORT)],
        cwd=work,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            for name, viewport in (
                ("desktop", {"width": 1280, "height": 900}),
                ("phone", {"width": 390, "height": 844}),
            ):
                page = browser.new_page(viewport=viewport)
                base = f"http://127.0.0.1:{PORT}"
                if name == "desktop":  # the public portal, as a visitor sees it
                    for shot, path in PUBLIC:
                        page.goto(base + path)
                        page.screenshot(path=str(out / f"{shot}-{name}.png"), full_page=False)
                page.goto(base + "/dang-nhap/")
                page.get_by_label("Tên đăng nhập").fill("demo-chutri")
                page.get_by_label("Mật khẩu").fill(password.group(1))
                page.get_by_role("button", name="Đăng nhập").click()
                page.wait_for_load_state()
                for shot, path in PAGES if name == "desktop" else PAGES[:3]:
                    page.goto(base + path)
                    page.screenshot(path=str(out / f"{shot}-{name}.png"), full_page=False)
                page.close()
            browser.close()
    finally:
        server.terminate()
    print(f"Screenshots in {out}")


if __name__ == "__main__":
    main()
