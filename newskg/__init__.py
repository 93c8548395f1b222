"""newskg: a knowledge graph of who said and did what in English news."""

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """``newskg.open`` and ``newskg.KnowledgeGraph`` (the notebook API, :mod:`newskg.notebook`),
    imported on first use so that ``import newskg`` stays light for the CLI."""
    if name in ("open", "KnowledgeGraph"):
        from newskg import notebook

        return getattr(notebook, name)
    raise AttributeError(f"module 'newskg' has no attribute {name!r}")
