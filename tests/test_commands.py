import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django_celery_beat.models import PeriodicTask

from accounts.models import Membership, Organisation, Role, User
from cases.models import Case, CaseShare
from cases.selectors import cases_visible_to

pytestmark = pytest.mark.django_db


def test_setup_periodic_tasks_upserts(capsys):
    call_command("setup_periodic_tasks")
    call_command("setup_periodic_tasks")
    assert PeriodicTask.objects.filter(task="accounts.tasks.clear_expired_sessions", enabled=True).count() == 1
    assert "Updated periodic task" in capsys.readouterr().out


def test_seed_demo_loads_a_partnership_once_and_prints_codes(capsys, settings):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert Organisation.objects.filter(name__startswith="Westmoor Council").count() == 7
    assert {role for role in Role} <= set(Membership.objects.values_list("role", flat=True))
    assert Case.objects.count() == 5
    assert CaseShare.objects.count() == 1
    assert "correct-horse-demo-2026" in out and "officer@westmoor-police.example" in out


def test_seed_demo_refuses_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(Exception, match="only with DEBUG on"):
        call_command("seed_demo")


def test_a_global_view_permission_opens_no_case(people, case_a):
    people.charlie.user_permissions.add(Permission.objects.get(codename="view_case"))
    charlie = User.objects.get(pk=people.charlie.pk)
    assert charlie.has_perm("cases.view_case")
    assert list(cases_visible_to(charlie)) == []
