"""Fill a PostgreSQL database with fictional cases for the benchmarks, with COPY rather than ORM saves.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mmsc_bench DEBUG=1 \
        .venv/bin/python bench/generate.py --cases 1000000 --organisations 50 --users 5000

Creates the database if missing, migrates it, and replaces any earlier benchmark data. Never point it at a
database whose data you want to keep.
"""

import argparse
import io
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DEBUG", "1")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.models import Group, Permission  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Membership, Organisation, OrganisationType, Role, User  # noqa: E402
from cases.models import Case, CaseGroupObjectPermission, CaseState, RiskLevel, YesNoNotSure  # noqa: E402

ROLES = [Role.FRONTLINE] * 60 + [Role.CASE_WORKER] * 30 + [Role.MANAGER] * 5 + [Role.COORDINATOR] * 5
STATES = [s for s in CaseState if s != CaseState.DRAFT]


def _copy(table: str, columns: list[str], rows: list[tuple]) -> None:
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join("\\N" if v is None else str(v).replace("\t", " ") for v in row) + "\n")
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)  # type: ignore[attr-defined]


def reset() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE cases_casegroupobjectpermission, cases_caseuserobjectpermission, cases_caseshare, "
            "cases_caseevent, cases_casetask, cases_casenote, cases_casedocument, cases_sharingdecision, "
            "cases_caseindicator, cases_caseexploitation, cases_case, accounts_membership, accounts_auditevent, "
            "auditlog_logentry, guardian_groupobjectpermission, accounts_user_groups CASCADE"
        )
    User.objects.filter(email__endswith="@bench.invalid").delete()
    Organisation.objects.filter(name__startswith="Bench ").delete()
    Group.objects.filter(name__startswith="org:bench-").delete()


def _naive_world(*, orgs: list[Organisation], view_id: int, shares: list[tuple[int, int, int]]) -> None:
    """The same access expressed the way a team without an organisation column would: every case granted to
    its organisation's group in guardian's generic permission table, and staff put in their groups. Only
    bench/case_list.py's comparison (3) reads these rows; the service never does."""
    started = time.monotonic()
    content_type = ContentType.objects.get_for_model(Case).pk
    group_of = {o.pk: o.group_id for o in orgs}
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, owning_organisation_id FROM cases_case")
        owned = cursor.fetchall()
    rows = [(group_of[owner], view_id, content_type, str(case_id)) for case_id, owner in owned]
    rows += [(group, view_id, content_type, str(case_id)) for group, _, case_id in shares]
    _copy("guardian_groupobjectpermission", ["group_id", "permission_id", "content_type_id", "object_pk"], rows)
    members = Membership.objects.filter(role__in=[Role.CASE_WORKER, Role.MANAGER, Role.COORDINATOR])
    _copy(
        User.groups.through._meta.db_table,
        ["user_id", "group_id"],
        [(m.user_id, group_of[m.organisation_id]) for m in members],
    )
    print(f"naive guardian rows: {len(rows):,} in {time.monotonic() - started:.1f}s")


def generate(*, cases: int, organisations: int, users: int, shared: float, seed: int, naive: bool) -> None:
    rng = random.Random(seed)
    started = time.monotonic()
    orgs = [
        Organisation(
            name=f"Bench Organisation {i:02d}",
            org_type=OrganisationType.LOCAL_AUTHORITY,
            group=Group.objects.create(name=f"org:bench-{i:02d}"),
        )
        for i in range(organisations)
    ]
    Organisation.objects.bulk_create(orgs)
    people = User.objects.bulk_create(
        User(email=f"user{i:05d}@bench.invalid", password="!", first_name="Bench", last_name=f"{i:05d}")  # noqa: S106
        for i in range(users)
    )
    Membership.objects.bulk_create(
        Membership(user=user, organisation=orgs[i % organisations], role=ROLES[(i // organisations) % len(ROLES)])
        for i, user in enumerate(people)
    )
    members_of: dict[int, list[int]] = {}
    for i, user in enumerate(people):
        members_of.setdefault(orgs[i % organisations].pk, []).append(user.pk)
    print(f"organisations, users, memberships: {time.monotonic() - started:.1f}s")

    # Half the cases belong to the five largest organisations, so a "large organisation" has ~100,000.
    weights = [10 if i < 5 else 1 for i in range(organisations)]
    now = timezone.now()
    skip = {"id", "reference", "owning_organisation", "created_by", "created", "updated", "status", "risk_level"}
    fields = [f for f in Case._meta.concrete_fields if f.name not in skip and not f.generated]
    columns = ["reference", "owning_organisation_id", "created_by_id", "created", "updated", "status", "risk_level"]
    columns += [f.column for f in fields]
    defaults = [f.get_default() for f in fields]
    overrides = {
        "what_was_seen": "Fictional benchmark concern.",
        "under_18": YesNoNotSure.NO,
        "immediate_danger": YesNoNotSure.NO,
    }
    defaults = [overrides.get(f.name, d) for f, d in zip(fields, defaults, strict=True)]
    location_at = [f.name for f in fields].index("location_description")
    batch = 100_000
    for start in range(0, cases, batch):
        rows = []
        for n in range(start, min(start + batch, cases)):
            org = rng.choices(orgs, weights)[0]
            created = now - timedelta(minutes=n)
            row = [
                f"MS-{created.year}-{n + 1:07d}",
                org.pk,
                rng.choice(members_of[org.pk]),
                created.isoformat(),
                created.isoformat(),
                rng.choice(STATES),
                rng.choice(list(RiskLevel)),
                *defaults,
            ]
            row[len(columns) - len(fields) + location_at] = f"Fictional Street {n % 5000}"
            rows.append(tuple("t" if v is True else "f" if v is False else v for v in row))
        _copy("cases_case", columns, rows)
        print(f"cases: {start + len(rows):,} after {time.monotonic() - started:.1f}s")

    view = Permission.objects.get(codename="view_case", content_type__app_label="cases")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, owning_organisation_id FROM cases_case ORDER BY random() LIMIT %s", [int(cases * shared)]
        )
        picked = cursor.fetchall()
    share_rows = []
    for case_id, owner in picked:
        recipient = rng.choice([o for o in orgs if o.pk != owner])
        share_rows.append((recipient.group_id, view.pk, case_id))
    _copy(CaseGroupObjectPermission._meta.db_table, ["group_id", "permission_id", "content_object_id"], share_rows)
    if naive:
        _naive_world(orgs=orgs, view_id=view.pk, shares=share_rows)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"shares: {len(share_rows):,}; done in {time.monotonic() - started:.1f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--organisations", type=int, default=50)
    parser.add_argument("--users", type=int, default=5_000)
    parser.add_argument("--shared", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--no-naive", action="store_true", help="skip the rows comparison (3) needs")
    args = parser.parse_args()
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        sys.exit("Set DATABASE_URL to a throwaway PostgreSQL database.")
    call_command("migrate", verbosity=0)
    reset()
    generate(
        cases=args.cases,
        organisations=args.organisations,
        users=args.users,
        shared=args.shared,
        seed=args.seed,
        naive=not args.no_naive,
    )


if __name__ == "__main__":
    main()
