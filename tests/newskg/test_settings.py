"""Settings are declared once and every one of them is documented."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from tests_support import ROOT, SEEDS

from newskg.cli import main
from newskg.settings import Settings, documented, env_var


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name, _, _ in documented() if f"| {name} | `{env_var(name)}`" not in readme]
    assert not missing, f"settings missing from the README table: {missing}"


def test_environment_overrides_defaults_and_explicit_values_override_both():
    env = {"NEWSKG_STORE": "/data/kg", "NEWSKG_BATCH_SIZE": "8"}
    settings = Settings.from_env(env, batch_size=16)
    assert (settings.store, settings.batch_size) == ("/data/kg", 16)
    assert Settings.from_env({}).store == "./newskg-store"


@pytest.mark.parametrize("env, limit", [({}, 60.0), ({"NEWSKG_MAX_SECONDS": "7"}, 7.0)])
def test_serve_ingests_its_paths_with_the_per_document_time_limit(
    tmp_path, monkeypatch, env: dict[str, str], limit: float
) -> None:
    from newskg.pipeline import Failed

    extractors: list[dict] = []

    def fake_extractor(spec, workers, **kwargs):  # type: ignore[no-untyped-def]
        extractors.append(kwargs)
        return lambda infos: (Failed(info, "not extracted in this test") for info in infos)

    monkeypatch.setattr("newskg.parallel.parallel_extractor", fake_extractor)
    monkeypatch.setattr("server.wsgi.serve", lambda app, **kw: app.extensions["newskg"].close())
    env = {"NEWSKG_WORKERS": "2", **env}  # no in-process model load: the extractor is faked
    result = CliRunner().invoke(
        main, ["serve", "--store", str(tmp_path / "s"), "--workers", "0", str(SEEDS)], env=env
    )
    assert result.exit_code == 0, result.output
    assert [e["max_seconds"] for e in extractors] == [limit]
    assert Settings().max_seconds == 60.0, "the declared default the first case relies on"


def test_a_bad_environment_value_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="NEWSKG_PORT"):
        Settings.from_env({"NEWSKG_PORT": "eighty"})


def test_serve_settings_come_from_the_one_declaration(tmp_path, monkeypatch) -> None:
    served: list = []
    monkeypatch.setattr("server.wsgi.serve", lambda app, **kw: served.append(app))
    env = {"NEWSKG_BASE_IRI": "http://example.org/id/", "NEWSKG_QUERY_TIMEOUT": "4"}
    result = CliRunner().invoke(
        main,
        ["serve", "--store", str(tmp_path / "s"), "--workers", "0", "--max-rows", "9"],
        env=env,
    )
    assert result.exit_code == 0, result.output
    config = served[0].extensions["newskg"].config
    served[0].extensions["newskg"].close()
    assert (config.base_iri, config.query_timeout_s, config.max_rows, config.workers) == (
        "http://example.org/id/",
        4.0,
        9,
        0,
    )
