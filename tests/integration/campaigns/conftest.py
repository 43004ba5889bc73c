"""Fixtures shared by the campaign tests: a loopback SMTP server that accepts everything, and
settings that send to it (modules that need another sink define their own)."""

from __future__ import annotations

import pytest

from tests.helpers.smtp import SmtpSink


@pytest.fixture
def sink():
    with SmtpSink() as s:
        yield s


@pytest.fixture
def mail_settings(settings, sink):
    return settings.model_copy(
        update={
            "smtp_url": sink.url,
            "public_url": "http://testserver",
            "campaign_limits_enabled": False,
        }
    )
