"""Sphinx configuration: Markdown pages (MyST) and an API reference from docstrings.

Sphinx with MyST rather than MkDocs: the pages are Markdown whose examples
pytest runs as doctests, autodoc reads the same docstrings the library's
users read in their editors (Google style, through napoleon), and the attrs
family of projects this library follows documents itself with Sphinx.  The
build runs with warnings as errors in CI (``.ci/run``).
"""

from __future__ import annotations

from importlib import metadata

project = "followup"
author = "The followup authors"
copyright = "2026, the followup authors"  # noqa: A001 - Sphinx's name for it
release = metadata.version("followup")
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "conf.py"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_default_options = {"members": True, "show-inheritance": False}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

html_theme = "alabaster"
html_title = "followup"
html_static_path: list[str] = []
