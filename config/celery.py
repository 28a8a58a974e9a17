"""The Celery app. Broker: Redis when REDIS_URL is set, otherwise kombu's filesystem transport under var/."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("mmsc")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
