"""Codes from DOMAIN.md §4: exploitation types and subtypes, indicators, closure reasons, person status."""

from django.db import models


class ExploitationType(models.TextChoices):
    LABOUR = "LABOUR", "Labour"
    SEXUAL = "SEXUAL", "Sexual"
    CRIMINAL = "CRIMINAL", "Criminal"
    DOMESTIC_SERVITUDE = "DOMESTIC_SERVITUDE", "Domestic servitude"
    ORGAN_HARVESTING = "ORGAN_HARVESTING", "Organ harvesting"
    NOT_SPECIFIED_OR_UNKNOWN = "NOT_SPECIFIED_OR_UNKNOWN", "Not specified or unknown"


class ExploitationSubtype(models.TextChoices):
    FORCED_WORK_LITTLE_OR_NO_PAY = "FORCED_WORK_LITTLE_OR_NO_PAY", "Forced to work for (almost) nothing"
    WAGES_TAKEN = "WAGES_TAKEN", "Wages taken by force or coercion"
    FORCED_FRAUD = "FORCED_FRAUD", "Forced to commit fraud (e.g. benefits)"
    FORCED_PROSTITUTION = "FORCED_PROSTITUTION", "Forced into prostitution"
    CHILD_SEXUAL_EXPLOITATION = "CHILD_SEXUAL_EXPLOITATION", "Child sexual exploitation"
    HELD_AND_SEXUALLY_ASSAULTED = "HELD_AND_SEXUALLY_ASSAULTED", "Held against their will and sexually assaulted"
    FORCED_CRIMINALITY = "FORCED_CRIMINALITY", "Forced to commit crime (cannabis, drug dealing, begging)"
    ORGANS_REMOVED = "ORGANS_REMOVED", "Organs removed against their will"
    FORCED_HOUSEHOLD_WORK = "FORCED_HOUSEHOLD_WORK", "Unpaid or low-paid household work"


SUBTYPE_PARENT: dict[str, str] = {
    ExploitationSubtype.FORCED_WORK_LITTLE_OR_NO_PAY: ExploitationType.LABOUR,
    ExploitationSubtype.WAGES_TAKEN: ExploitationType.LABOUR,
    ExploitationSubtype.FORCED_FRAUD: ExploitationType.LABOUR,
    ExploitationSubtype.FORCED_PROSTITUTION: ExploitationType.SEXUAL,
    ExploitationSubtype.CHILD_SEXUAL_EXPLOITATION: ExploitationType.SEXUAL,
    ExploitationSubtype.HELD_AND_SEXUALLY_ASSAULTED: ExploitationType.SEXUAL,
    ExploitationSubtype.FORCED_CRIMINALITY: ExploitationType.CRIMINAL,
    ExploitationSubtype.ORGANS_REMOVED: ExploitationType.ORGAN_HARVESTING,
    ExploitationSubtype.FORCED_HOUSEHOLD_WORK: ExploitationType.DOMESTIC_SERVITUDE,
}


class IndicatorGroup(models.TextChoices):
    PHYSICAL = "PHYSICAL", "Physical"
    PSYCHOLOGICAL = "PSYCHOLOGICAL", "Psychological"
    SITUATIONAL = "SITUATIONAL", "Situational"
    ENVIRONMENTAL = "ENVIRONMENTAL", "Environmental"
    CHILD = "CHILD", "Child"


# Stable codes with their starting labels; labels live in the database and can be edited (DOMAIN.md §4.3).
INDICATORS: list[tuple[str, IndicatorGroup, str]] = [
    ("PHY_ASSAULT_INJURY", IndicatorGroup.PHYSICAL, "Injuries from assault"),
    ("PHY_WORK_INJURY", IndicatorGroup.PHYSICAL, "Injuries from work or from being controlled"),
    ("PHY_UNTREATED", IndicatorGroup.PHYSICAL, "Untreated medical conditions"),
    ("PHY_NEGLECT", IndicatorGroup.PHYSICAL, "Malnourished or unkempt"),
    ("PHY_UNSUITABLE_KIT", IndicatorGroup.PHYSICAL, "Clothing or kit unfit for the work or weather"),
    ("PHY_OWNERSHIP_MARKS", IndicatorGroup.PHYSICAL, "Tattoos or marks showing 'ownership'"),
    ("PHY_EXHAUSTION", IndicatorGroup.PHYSICAL, "Exhaustion"),
    ("PHY_SUBSTANCE", IndicatorGroup.PHYSICAL, "Dependency on drugs or alcohol used to control them"),
    ("PSY_FEAR", IndicatorGroup.PSYCHOLOGICAL, "Fearful or withdrawn"),
    ("PSY_DISTRUST_AUTHORITY", IndicatorGroup.PSYCHOLOGICAL, "Afraid of police or of disclosing immigration status"),
    ("PSY_CANNOT_LEAVE", IndicatorGroup.PSYCHOLOGICAL, "Believes they cannot leave"),
    ("PSY_INSTRUCTED", IndicatorGroup.PSYCHOLOGICAL, "Story seems scripted, acts as if instructed"),
    ("PSY_DEBT", IndicatorGroup.PSYCHOLOGICAL, "Believes they owe a debt they must work off"),
    ("PSY_TRAUMA", IndicatorGroup.PSYCHOLOGICAL, "Signs of trauma"),
    ("PSY_NO_SELF_ID", IndicatorGroup.PSYCHOLOGICAL, "Does not see themself as a victim"),
    ("SIT_DOCS_HELD", IndicatorGroup.SITUATIONAL, "Identity documents held by someone else"),
    ("SIT_FALSE_OR_NO_DOCS", IndicatorGroup.SITUATIONAL, "False documents or none"),
    ("SIT_MOVEMENT_CONTROLLED", IndicatorGroup.SITUATIONAL, "Escorted or movements restricted"),
    ("SIT_SPOKEN_FOR", IndicatorGroup.SITUATIONAL, "Others speak for them"),
    ("SIT_NO_EARNINGS", IndicatorGroup.SITUATIONAL, "Little or no pay"),
    ("SIT_EXCESSIVE_HOURS", IndicatorGroup.SITUATIONAL, "Long hours, no days off"),
    ("SIT_THREATS", IndicatorGroup.SITUATIONAL, "Threats to them or their family"),
    ("SIT_PUNISHMENT", IndicatorGroup.SITUATIONAL, "Punished or fined"),
    ("SIT_DEPENDENCE", IndicatorGroup.SITUATIONAL, "Dependent on the 'employer'"),
    ("SIT_FALSE_PROMISES", IndicatorGroup.SITUATIONAL, "Deceived, or owes a travel debt"),
    ("SIT_ISOLATED", IndicatorGroup.SITUATIONAL, "Isolated"),
    ("SIT_LANGUAGE", IndicatorGroup.SITUATIONAL, "Does not speak the local language"),
    ("SIT_ADDRESS_UNKNOWN", IndicatorGroup.SITUATIONAL, "Does not know their address"),
    ("SIT_AUTHORITY_THREAT", IndicatorGroup.SITUATIONAL, "Threatened with the authorities"),
    ("ENV_LIVES_AT_WORK", IndicatorGroup.ENVIRONMENTAL, "Lives at their place of work"),
    ("ENV_SUBSTANDARD_HOUSING", IndicatorGroup.ENVIRONMENTAL, "Overcrowded or poor housing"),
    (
        "ENV_HIGH_RISK_SETTING",
        IndicatorGroup.ENVIRONMENTAL,
        "High-risk setting (brothel, cannabis farm, car wash, nail bar, building site)",
    ),
    ("ENV_TRANSPORTED", IndicatorGroup.ENVIRONMENTAL, "Moved in groups at odd hours"),
    ("ENV_VISITORS", IndicatorGroup.ENVIRONMENTAL, "Many visitors at odd hours"),
    ("ENV_UNSAFE_WORK", IndicatorGroup.ENVIRONMENTAL, "Unsafe work"),
    ("ENV_SOURCE_AREA", IndicatorGroup.ENVIRONMENTAL, "From a known source area"),
    ("CHD_NO_GUARDIAN", IndicatorGroup.CHILD, "No access to a parent or guardian"),
    ("CHD_NO_EDUCATION", IndicatorGroup.CHILD, "Out of school"),
    ("CHD_UNACCOMPANIED", IndicatorGroup.CHILD, "Travels alone or with non-relatives"),
    ("CHD_UNEXPLAINED_ITEMS", IndicatorGroup.CHILD, "Unexplained cash or phones"),
    ("CHD_OLDER_ASSOCIATES", IndicatorGroup.CHILD, "Older, controlling associates"),
    ("CHD_MISSING", IndicatorGroup.CHILD, "Goes missing, found out of area"),
    ("CHD_ADULT_WORK", IndicatorGroup.CHILD, "Does work unsuitable for a child"),
    ("CHD_TREATED_APART", IndicatorGroup.CHILD, "Kept apart from the rest of the household"),
]


class PersonKnown(models.TextChoices):
    NAMED = "NAMED", "We know their name"
    DESCRIBED_ONLY = "DESCRIBED_ONLY", "We can only describe them"
    ANONYMOUS = "ANONYMOUS", "Person not identified"


class ExploitationLocation(models.TextChoices):
    UK = "UK", "In the UK"
    OVERSEAS = "OVERSEAS", "Overseas"
    UK_AND_OVERSEAS = "UK_AND_OVERSEAS", "Both in the UK and overseas"
    UNKNOWN = "UNKNOWN", "Not known"


class Gender(models.TextChoices):
    FEMALE = "FEMALE", "Female"
    MALE = "MALE", "Male"
    OTHER = "OTHER", "Does not identify as male or female"
    NOT_KNOWN = "NOT_KNOWN", "Not known"


class CaseClosureReason(models.TextChoices):
    NO_MODERN_SLAVERY_CONCERN = "NO_MODERN_SLAVERY_CONCERN", "No modern slavery concern"
    DUPLICATE = "DUPLICATE", "Duplicate"
    SUPPORT_COMPLETED = "SUPPORT_COMPLETED", "Support completed"
    DECLINED_SUPPORT = "DECLINED_SUPPORT", "Declined support"
    LOST_CONTACT = "LOST_CONTACT", "Lost contact"
    TRANSFERRED_OUT_OF_AREA = "TRANSFERRED_OUT_OF_AREA", "Moved out of area"
    TRANSFERRED_TO_AGENCY = "TRANSFERRED_TO_AGENCY", "Lead passed to another agency"
    RETURNED_HOME = "RETURNED_HOME", "Returned home"
    DETAINED_OR_REMOVED = "DETAINED_OR_REMOVED", "Detained or removed"
    DECEASED = "DECEASED", "Deceased"
    OTHER = "OTHER", "Other"
