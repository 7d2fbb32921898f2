"""Run the web service: `python -m madoguchi.web`."""

import logging

from aiohttp import web

from madoguchi.settings import settings
from madoguchi.web.app import create_app

if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    config = settings()
    web.run_app(create_app(config), port=config.web_port, access_log=None)
