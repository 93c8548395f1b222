"""The layering of the design card holds: ontology <- extract <- graph <- server <- newskg."""

from __future__ import annotations

import os

from importlinter.cli import lint_imports
from tests_support import ROOT


def test_import_contracts_are_kept():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        # no_cache: the import graph is not cached in .import_linter_cache/ of the source tree.
        assert lint_imports(no_cache=True) == 0, "an import crosses the layers (run lint-imports)"
    finally:
        os.chdir(cwd)
