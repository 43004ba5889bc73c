"""Every table. Alembic and the app import this module to see the whole schema."""

from lexi.db.base import Base
from lexi.models.api_key import ApiKey
from lexi.models.audit import AuditEvent
from lexi.models.campaign import (
    Campaign,
    CampaignEnrolment,
    CampaignEvent,
    CampaignRevision,
    CampaignSend,
    CampaignStep,
    Suppression,
)
from lexi.models.contact import Contact, ContactList, ListMembership
from lexi.models.conversation import Conversation, Message
from lexi.models.credit import CreditEntry
from lexi.models.idempotency import IdempotencyRecord
from lexi.models.prospect import (
    Company,
    CompanyTechnology,
    JobPosting,
    JobTitle,
    KeywordPhrase,
    PeopleFacet,
    PeopleFacetMark,
    Person,
    PersonCompanyFact,
    PersonCompanyKeyword,
)
from lexi.models.task import Task
from lexi.models.user import Invite, Membership, User, UserSession
from lexi.models.workspace import Workspace

__all__ = [
    "ApiKey",
    "AuditEvent",
    "Base",
    "Campaign",
    "CampaignEnrolment",
    "CampaignEvent",
    "CampaignRevision",
    "CampaignSend",
    "CampaignStep",
    "Company",
    "CompanyTechnology",
    "Contact",
    "ContactList",
    "Conversation",
    "CreditEntry",
    "IdempotencyRecord",
    "Invite",
    "JobPosting",
    "JobTitle",
    "KeywordPhrase",
    "ListMembership",
    "Membership",
    "Message",
    "PeopleFacet",
    "PeopleFacetMark",
    "Person",
    "PersonCompanyFact",
    "PersonCompanyKeyword",
    "Suppression",
    "Task",
    "User",
    "UserSession",
    "Workspace",
]
