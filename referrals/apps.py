from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    """Referral pathways (NRM, Duty to Notify, safeguarding...), decisions and deadlines. Depends on survivors."""

    name = "referrals"
