"""``GET /ask?q=...``: a question in plain English, answered with the SPARQL that answers it.

``Accept: application/json`` (or ``format=json``) gives ``{"question", "status", "sparql",
"results", "understood", ...}``, the same JSON as ``newskg ask --format json``; browsers get a
page showing what was understood, the SPARQL (one click opens it in the query editor) and the
rows. A question no pattern fits, or a name that means several resources, is an answer too
(200, with ``status`` saying which); only a missing or overlong question is a 400.

The question parser needs the spaCy pipeline: it is loaded on the first question (the model of
``NEWSKG_MODEL``, as for ingest), or taken from ``app.extensions["newskg.ask.nlp"]`` when the
embedding program put one there.
"""

from __future__ import annotations

import os
import threading
from typing import Any
from urllib.parse import quote

from flask import Blueprint, Response, current_app, jsonify, render_template, request, url_for

from extract.nlp import DEFAULT_MODEL, ModelNotFound, load_pipeline
from extract.questions import QuestionError, parse_question
from graph.questions import answer
from server.errors import BadRequest, ServerError
from server.state import get_state

bp = Blueprint("ask", __name__)

NLP_EXTENSION = "newskg.ask.nlp"
_LOCK = threading.Lock()
_PARSING = threading.Lock()


class ParserUnavailable(ServerError):
    status, title = 503, "Service Unavailable"


def _nlp() -> Any:
    """The app's spaCy pipeline, loaded once (the lock keeps two first questions from both
    loading it)."""
    with _LOCK:
        nlp = current_app.extensions.get(NLP_EXTENSION)
        if nlp is None:
            model = os.environ.get("NEWSKG_MODEL") or DEFAULT_MODEL
            try:
                nlp = load_pipeline(model)
            except (ModelNotFound, OSError, ValueError) as exc:
                raise ParserUnavailable(f"questions cannot be read: {exc}") from exc
            current_app.extensions[NLP_EXTENSION] = nlp
        return nlp


def _wants_json() -> bool:
    if request.args.get("format") == "json":
        return True
    accept = request.accept_mimetypes
    return accept.best_match(["text/html", "application/json"]) == "application/json"


def _local_link(iri: str) -> str:
    """Where an IRI of this graph is shown on this server (its /resource/ page)."""
    base = get_state().config.base_iri
    if iri.startswith(base) and len(iri) > len(base):
        return url_for("pages.resource", rest=iri[len(base):])
    return iri


@bp.route("/ask", methods=["GET"])
def ask() -> Response | str:
    text = request.args.get("q", "")
    if not text.strip():
        if _wants_json():
            raise BadRequest("no question: give it as ?q=, e.g. ?q=what did Xi say about Taiwan")
        return render_template("ask.html", answer=None, data=None)
    nlp = _nlp()
    try:
        with _PARSING:  # one question at a time through the shared pipeline
            question = parse_question(nlp, text)
    except QuestionError as exc:
        raise BadRequest(str(exc)) from exc
    result = answer(get_state().store, question)
    data = result.as_json()
    if _wants_json():
        response = jsonify(data)
        response.vary.add("Accept")
        return response
    editor = url_for("pages.index") + "#query=" + quote(result.sparql, safe="")
    plain = url_for("pages.index", query=result.sparql)
    html = render_template("ask.html", answer=result, data=data, editor_link=editor,
                           plain_link=plain, local=_local_link,
                           nearest_links=[(p.example, url_for("ask.ask", q=p.example))
                                          for p in result.nearest])
    response = Response(html, mimetype="text/html")
    response.vary.add("Accept")
    return response
