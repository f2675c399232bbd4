"""The college as data: programmes, governance, people, teaching teams and staff, students,
quality and milestones.

Every number a visitor reads comes from one of these records; shares and other derived
figures are properties, never stored. Visitor-facing text is translated with django-parler;
dates, counts and order are shared by both languages. One module per concept.
"""

from pages.dates import DatePrecision, format_precise_date, iso_precise_date
from pages.models.admissions import (
    SYSTEM_TRACKS,
    AdmissionRecord,
    AdmissionRecordQuerySet,
    Province,
    Track,
    TrackSystem,
)
from pages.models.base import (
    DisplayOrdered,
    KeyedModel,
    PreciseDateMixin,
    Snapshot,
    SnapshotQuerySet,
    University,
)
from pages.models.charter import AdmissionsCharter, CharterChanges
from pages.models.contact import (
    ContactKind,
    ContactPoint,
    display_contact_points,
    schema_contact_point,
)
from pages.models.costs import Amount, CostOfStudy, CostStage
from pages.models.curriculum import CurriculumStage, DegreeAward
from pages.models.enquiries import Enquiry, EnquiryStatus, ProvinceChoice
from pages.models.facts import KEY_DATES, Currency, ProgrammeFacts
from pages.models.faqs import Faq, FaqQuerySet
from pages.models.governance import Committee, CommitteeRole, Post
from pages.models.milestones import Milestone, MilestoneCategory, MilestoneQuerySet
from pages.models.people import Person, Supervision, TitleRank
from pages.models.plugins import (
    AccreditationsPluginModel,
    CommitteePluginModel,
    FaqPluginModel,
    KeyFactsPluginModel,
    KeyFactsSubject,
    ProgrammeCardsPluginModel,
    TimelinePluginModel,
)
from pages.models.programmes import (
    LEVEL_AWARDS,
    LEVEL_ROUTES,
    Award,
    EntryRoute,
    Level,
    Programme,
    ProgrammeQuerySet,
)
from pages.models.quality import Accreditation, AccreditationKind
from pages.models.students import LearningResource, ResourceKind, StudentBody
from pages.models.teaching import Figure, TeachingStaffProfile, share
from pages.models.teams import School, TeachingTeam, TeamRole, TeamRoleKind

__all__ = [
    "SYSTEM_TRACKS",
    "AdmissionRecord",
    "AdmissionRecordQuerySet",
    "AdmissionsCharter",
    "Amount",
    "CharterChanges",
    "CostOfStudy",
    "CostStage",
    "ProvinceChoice",
    "Track",
    "TrackSystem",
    "KEY_DATES",
    "Currency",
    "CurriculumStage",
    "DegreeAward",
    "DisplayOrdered",
    "Faq",
    "FaqPluginModel",
    "FaqQuerySet",
    "ProgrammeFacts",
    "LEVEL_AWARDS",
    "LEVEL_ROUTES",
    "Accreditation",
    "AccreditationKind",
    "AccreditationsPluginModel",
    "Award",
    "Committee",
    "CommitteePluginModel",
    "CommitteeRole",
    "ContactKind",
    "ContactPoint",
    "DatePrecision",
    "Enquiry",
    "EnquiryStatus",
    "EntryRoute",
    "Figure",
    "KeyFactsPluginModel",
    "KeyFactsSubject",
    "KeyedModel",
    "LearningResource",
    "Level",
    "Milestone",
    "MilestoneCategory",
    "MilestoneQuerySet",
    "Person",
    "Post",
    "PreciseDateMixin",
    "Programme",
    "ProgrammeCardsPluginModel",
    "ProgrammeQuerySet",
    "Province",
    "ResourceKind",
    "Snapshot",
    "SnapshotQuerySet",
    "School",
    "Supervision",
    "TeachingTeam",
    "TeamRole",
    "TeamRoleKind",
    "TitleRank",
    "StudentBody",
    "TeachingStaffProfile",
    "TimelinePluginModel",
    "University",
    "display_contact_points",
    "format_precise_date",
    "iso_precise_date",
    "schema_contact_point",
    "share",
]
