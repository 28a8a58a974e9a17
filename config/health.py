"""Health checks for operations: the database and the Celery broker."""

import dataclasses

from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable

from config.celery import app


@dataclasses.dataclass
class Broker(HealthCheck):
    """The broker accepts a connection (Redis, or the embedded filesystem transport)."""

    def run(self) -> None:
        try:
            with app.connection_for_write() as connection:
                connection.ensure_connection(max_retries=1, timeout=2)
        except Exception as exc:  # any failure to reach the broker is "unavailable"
            raise ServiceUnavailable("Broker unavailable") from exc
