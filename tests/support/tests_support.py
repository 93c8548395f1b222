"""Constants shared by tests (importable: pytest puts tests/support on sys.path)."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

XI_TAIWAN_SENTENCE = (
    "Xi also reiterated China’s long-held position that Taiwan’s return to the mainland is "
    "part of the post-war international order."
)
XI_TAIWAN_QUERY = """
PREFIX nkg: <https://w3id.org/newskg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?text WHERE {
  ?s a nkg:Statement ; nkg:speaker ?who ; nkg:about ?topic ; nkg:text ?text .
  ?who rdfs:label ?name . FILTER(CONTAINS(?name, "Xi"))
  ?topic rdfs:label ?t . FILTER(CONTAINS(?t, "Taiwan"))
}
"""

# Research data that is not part of the repository: the read-only shared/ folder beside the
# clone (CI lays a copy there); NEWSKG_SHARED overrides. A test that needs it skips with a reason
# starting with NEEDS_SHARED; tests/conftest.py counts those skips, and under CI=true each one
# is a failure.
SHARED = Path(os.environ.get("NEWSKG_SHARED", ROOT.parent / "shared"))
EVAL_DEV = SHARED / "eval" / "dev"
NEEDS_SHARED = "needs ../shared"
NEEDS_DEV = f"{NEEDS_SHARED}/eval/dev (the dev evaluation articles and their gold files)"

# The W3C SPARQL 1.1 Protocol and Graph Store Protocol manifests, vendored (tests/data/w3c).
W3C = ROOT / "tests" / "data" / "w3c"


def serving(server):
    """Run an ``http.server`` server in a thread for a ``with`` block; shut it down after."""
    import contextlib
    import threading

    @contextlib.contextmanager
    def running():
        thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
        thread.start()
        try:
            yield server
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)

    return running()
