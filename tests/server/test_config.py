"""ServerConfig: documented, immutable, validated, and never shows the token."""

from __future__ import annotations

import dataclasses

import pytest

from server.config import ServerConfig, parse_size, physical_memory, setting_help


def test_every_setting_is_documented() -> None:
    helps = setting_help()
    assert set(helps) == {f.name for f in dataclasses.fields(ServerConfig)}
    assert all(len(text) > 10 for text in helps.values())


def test_config_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ServerConfig().max_rows = 5  # type: ignore[misc]


def test_defaults_match_the_spec() -> None:
    c = ServerConfig()
    assert (
        c.store_path,
        c.query_timeout_s,
        c.max_rows,
        c.max_request_bytes,
        c.update_token,
        c.cors_origins,
        c.workers,
        c.debug,
    ) == (None, 30.0, 10000, 1_000_000, None, "*", 4, False)


def test_repr_hides_the_update_token() -> None:
    assert "hunter2" not in repr(ServerConfig(update_token="hunter2"))


@pytest.mark.parametrize(
    "bad", [{"max_rows": 0}, {"query_timeout_s": 0}, {"workers": -1}, {"update_token": " "}]
)
def test_invalid_settings_are_refused(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        ServerConfig(**bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "args, env, expected",
    [
        (["--model", "en_core_web_md"], {}, "en_core_web_md"),
        ([], {"NEWSKG_MODEL": "/models/news"}, "/models/news"),
        (["--model", "en_core_web_md"], {"NEWSKG_MODEL": "/models/news"}, "en_core_web_md"),
    ],
)
def test_serve_hands_the_model_to_the_server(
    tmp_path, monkeypatch, args: list[str], env: dict[str, str], expected: str
) -> None:
    from click.testing import CliRunner

    from newskg.cli import main

    served: list[ServerConfig] = []

    def fake_serve(app, **kwargs) -> None:  # type: ignore[no-untyped-def]
        served.append(app.extensions["newskg"].config)
        app.extensions["newskg"].close()

    monkeypatch.setattr("server.wsgi.serve", fake_serve)
    monkeypatch.delenv("NEWSKG_MODEL", raising=False)
    result = CliRunner().invoke(
        main, ["serve", "--store", str(tmp_path / "s"), "--workers", "0", *args], env=env
    )
    assert result.exit_code == 0, result.output
    assert [c.model for c in served] == [expected]


def test_an_empty_model_name_is_refused() -> None:
    with pytest.raises(ValueError, match="model"):
        ServerConfig(model=" ")


def test_sizes_read_bytes_and_binary_suffixes() -> None:
    assert parse_size("1000") == 1000
    assert parse_size("800M") == 800 << 20
    assert parse_size("1.5G") == 3 << 29
    assert parse_size("2GiB") == 2 << 30
    with pytest.raises(ValueError, match="not a size"):
        parse_size("lots")


def test_query_memory_limit_below_a_workers_own_need_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 256 MiB"):
        ServerConfig(max_query_memory=100 << 20)


def test_query_memory_default_halves_ram_over_the_most_workers() -> None:
    config = ServerConfig(workers=4)
    assert config.long_lane == 12
    assert config.query_memory_limit == max(256 << 20, physical_memory() // 32)
    assert ServerConfig(max_query_memory=1 << 30).query_memory_limit == 1 << 30


def test_serve_refuses_an_unreadable_memory_limit(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from newskg.cli import main

    result = CliRunner().invoke(
        main, ["serve", "--store", str(tmp_path / "s"), "--max-query-memory", "lots"]
    )
    assert result.exit_code == 2  # a usage error, as click reports a bad option value
    assert "'--max-query-memory'" in result.output
    assert "'lots' is not a size" in result.output
