"""Settings are declared once and every one of them is documented."""

from __future__ import annotations

from tests_support import ROOT

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
