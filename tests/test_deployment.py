"""What operations rely on: production settings pass Django's deploy check, compose parses, health answers."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.exceptions import ImproperlyConfigured

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "prod-like-key-" + "k7Qz9xW2mP4vR8tY1uI3oL6aS5dF0gH" * 2,
    "ALLOWED_HOSTS": "cases.example.org",
    "SITE_URL": "https://cases.example.org",
}


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_env_helpers_reject_nonsense(monkeypatch):
    from config.env import env_bool, env_int

    monkeypatch.setenv("X_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_FLAG", default=False)
    monkeypatch.setenv("X_NUM", "ten")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_NUM", 1)


def test_docker_compose_parses_and_has_every_service():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"web", "worker", "beat", "db", "redis"} <= set(services)
    for name in ("web", "worker", "beat"):
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgres://")
        assert services[name]["environment"]["REDIS_URL"].startswith("redis://redis:")
    assert "DatabaseScheduler" in services["beat"]["command"]
    assert (ROOT / "Dockerfile").exists()


@pytest.mark.django_db
def test_health_check_answers_for_database_cache_and_broker(client):
    response = client.get("/health/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    body = response.json()
    assert {"Database", "Cache", "Broker"} <= {key.split("(")[0] for key in body}


def test_env_file_fills_only_what_is_unset(tmp_path, monkeypatch):
    from config.env import load_env_file

    env_file = tmp_path / "dev.env"
    env_file.write_text("# comment\nX_ONE=1\nX_TWO = two words\n")
    monkeypatch.setenv("X_ONE", "already")
    monkeypatch.delenv("X_TWO", raising=False)
    load_env_file(env_file)
    load_env_file(tmp_path / "missing.env")
    assert os.environ["X_ONE"] == "already"
    assert os.environ["X_TWO"] == "two words"


def test_the_image_collects_static_files_for_production_storage():
    dockerfile = (ROOT / "Dockerfile").read_text()
    collect = next(line for line in dockerfile.splitlines() if "collectstatic" in line)
    assert "DEBUG=0" in collect  # the manifest storage only runs with DEBUG off
