"""The newskg vocabulary: OWL ontology and SHACL shapes in Turtle, and their Python term constants.

The Turtle files in this package are the single source of truth; :mod:`ontology.vocab` mirrors them
and a test checks both directions.
"""

from importlib.resources import files
from pathlib import Path

ONTOLOGY_DIR = Path(str(files(__name__)))
ONTOLOGY_TTL = ONTOLOGY_DIR / "newskg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
EXAMPLES_TTL = ONTOLOGY_DIR / "examples.ttl"

__all__ = ["ONTOLOGY_DIR", "ONTOLOGY_TTL", "SHAPES_TTL", "EXAMPLES_TTL"]
