"""Citizens' comments: limits at the door, moderation by the responsible agency, audit, notices."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from kehoach.audit.models import AuditEvent
from kehoach.portal import services
from kehoach.portal.choices import FeedbackStatus, SubjectKind
from kehoach.portal.models import Feedback, FeedbackNotice

pytestmark = pytest.mark.django_db
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def task(seed_plan, personas):
    return seed_plan.tasks.filter(lead=personas.agency.agency).order_by("order").first()


def _post(client, plan, **data):
    url = reverse("portal:feedback-form", args=[plan.code])
    return client.post(url, {"text": "Đường vào bản còn lầy lội.", **data}, REMOTE_ADDR="203.0.113.7")


def test_a_comment_on_a_task_reaches_its_lead_agency_by_notice_and_email(
    seed_plan, personas, task, django_capture_on_commit_callbacks
):
    personas.agency.email = "canbo@example.vn"
    personas.agency.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(Client(), seed_plan, ve="task", ma=task.code, contact="0912 000 111", consent="on")
    sent = reverse("portal:feedback-sent", args=[seed_plan.code])
    assert response.status_code == 302 and response["Location"] == sent
    assert "Cảm ơn" in Client().get(sent).content.decode()
    feedback = Feedback.objects.get()
    assert feedback.status == FeedbackStatus.PENDING and feedback.agency == task.lead
    assert feedback.due_on == timezone.localdate() + dt.timedelta(days=15)
    assert FeedbackNotice.objects.filter(feedback=feedback, agency=task.lead).exists()
    assert mail.outbox and mail.outbox[0].to == ["canbo@example.vn"]
    assert "0912" not in mail.outbox[0].body
    event = AuditEvent.objects.get(action="portal.feedback.submit")
    assert "0912" not in str(event.changes)


def test_the_honeypot_stores_nothing(seed_plan):
    response = _post(Client(), seed_plan, trang_web="http://spam.example")
    # Answered exactly like an accepted comment (a redirect to the thank-you page).
    assert response.status_code == 302 and not Feedback.objects.exists()


def test_refreshing_the_thank_you_page_does_not_send_the_comment_again(seed_plan):
    client = Client()
    response = _post(client, seed_plan)
    assert response.status_code == 302
    for _ in range(2):  # what a browser's refresh repeats is the GET of the redirect target
        page = client.get(response["Location"])
        assert page.status_code == 200 and "Cảm ơn" in page.content.decode()
        assert "no-store" in page["Cache-Control"]
    assert Feedback.objects.count() == 1


def test_the_moderation_queue_names_a_commune_once(seed_plan, personas):
    from kehoach.portal import selectors

    commune = selectors.communes(seed_plan)[0]
    assert commune.kind and commune.name.startswith(commune.kind)
    feedback = services.submit_feedback(
        plan=seed_plan, kind=SubjectKind.COMMUNE, subject=commune, text="Ý kiến.", today=timezone.localdate()
    )
    client = Client()
    client.force_login(personas.owner)
    queue = client.get(reverse("portal:moderation")).content.decode()
    assert f"Ý kiến số {feedback.pk} · {commune.name} ·" in queue
    assert f"{commune.kind} {commune.name}" not in queue


@override_settings(KEHOACH_PORTAL_FEEDBACK_PER_HOUR=2)
def test_a_flood_from_one_address_is_refused(seed_plan):
    client = Client()
    codes = [_post(client, seed_plan).status_code for _ in range(4)]
    assert codes == [302, 302, 429, 429] and Feedback.objects.count() == 2


def test_an_oversized_comment_is_refused(seed_plan):
    assert _post(Client(), seed_plan, text="a" * 2001).status_code == 400
    assert _post(Client(), seed_plan, text="a" * 30_000).status_code == 413
    assert not Feedback.objects.exists()


def test_contact_details_need_consent(seed_plan):
    assert _post(Client(), seed_plan, contact="0912 000 111").status_code == 400


def test_the_owner_publishes_with_an_answer_and_every_step_is_audited(seed_plan, personas):
    feedback = services.submit_feedback(
        plan=seed_plan, kind=SubjectKind.PLAN, subject=None, text=XSS, today=timezone.localdate()
    )
    client = Client()
    client.force_login(personas.owner)
    queue = client.get(reverse("portal:moderation")).content.decode()
    assert f"y-kien-{feedback.pk}" in queue and "<script>alert" not in queue
    url = reverse("portal:moderate", args=[feedback.pk, "cong-khai"])
    assert client.post(url, {"answer": "Đã giao UBND xã sửa."}).status_code == 302
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.PUBLISHED and feedback.answer == "Đã giao UBND xã sửa."
    assert AuditEvent.objects.filter(action="portal.feedback.publish", object_id=str(feedback.pk)).exists()
    page = Client().get(reverse("portal:feedback", args=[seed_plan.code])).content.decode()
    assert "&lt;script&gt;alert" in page and "<script>alert" not in page and "Đã giao UBND xã sửa." in page


def test_a_rejection_needs_a_reason_and_stays_private(seed_plan, personas):
    feedback = services.submit_feedback(
        plan=seed_plan,
        kind=SubjectKind.PLAN,
        subject=None,
        text="Nội dung riêng tư",
        today=timezone.localdate(),
    )
    client = Client()
    client.force_login(personas.owner)
    client.post(reverse("portal:moderate", args=[feedback.pk, "khong-cong-khai"]), {"reason": ""})
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.PENDING
    client.post(reverse("portal:moderate", args=[feedback.pk, "khong-cong-khai"]), {"reason": "Trùng lặp"})
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.REJECTED and feedback.reject_reason == "Trùng lặp"
    assert AuditEvent.objects.get(action="portal.feedback.reject").reason == "Trùng lặp"
    assert (
        "Nội dung riêng tư"
        not in Client().get(reverse("portal:feedback", args=[seed_plan.code])).content.decode()
    )


def test_the_lead_agency_moderates_its_comment_and_others_cannot(seed_plan, personas, task):
    feedback = services.submit_feedback(
        plan=seed_plan, kind=SubjectKind.TASK, subject=task, text="Ý kiến", today=timezone.localdate()
    )
    url = reverse("portal:moderate", args=[feedback.pk, "cong-khai"])
    outcomes = {}
    for name in ("agency", "commune", "viewer", "finance", "outsider_owner", "outsider_commune"):
        client = Client()
        client.force_login(getattr(personas, name))
        outcomes[name] = client.post(url, {"answer": ""}).status_code
    assert outcomes == {
        "agency": 302,
        "commune": 404,
        "viewer": 404,
        "finance": 404,
        "outsider_owner": 404,
        "outsider_commune": 404,
    }
    assert Client().post(url).status_code == 302  # anonymous: to the login page
    feedback.refresh_from_db()
    assert feedback.status == FeedbackStatus.PUBLISHED


def test_an_unanswered_comment_past_its_deadline_is_listed_as_overdue(seed_plan, personas):
    old = timezone.localdate() - dt.timedelta(days=30)
    feedback = services.submit_feedback(
        plan=seed_plan, kind=SubjectKind.PLAN, subject=None, text="Cũ", today=old
    )
    client = Client()
    client.force_login(personas.owner)
    page = client.get(reverse("portal:moderation")).content.decode()
    overdue = page.split('id="h-overdue"')[1].split("</section>")[0]
    assert f"#y-kien-{feedback.pk}" in overdue


def test_demo_comments_are_published_with_answers_and_one_waits(seed_plan):
    from kehoach.portal.demo import create_demo_feedback

    assert create_demo_feedback(seed_plan) == 4
    assert create_demo_feedback(seed_plan) == 0
    published = Feedback.objects.filter(plan=seed_plan, status=FeedbackStatus.PUBLISHED)
    assert published.count() == 3 and all(f.answer for f in published)
    assert Feedback.objects.filter(plan=seed_plan, status=FeedbackStatus.PENDING).count() == 1


def test_an_officer_of_the_successor_body_handles_a_comment_to_a_body_that_ceased(
    seed_plan, personas, task, django_capture_on_commit_callbacks
):
    from kehoach.accounts.choices import Role
    from kehoach.accounts.services import save_user
    from kehoach.assignments.selectors import active_successors

    today = timezone.localdate()
    successors = active_successors(task.lead, on=today)
    assert successors, "the seed's district offices ceased on 01/7/2025 and have successors"
    successor = successors[0]
    officer = save_user(
        username="can-bo-ke-nhiem",
        role=Role.AGENCY_OFFICER,
        password=None,
        actor=None,
        units=[seed_plan.admin_unit],
        agency=successor,
    )
    officer.email = "kenhiem@example.vn"
    officer.save()
    with django_capture_on_commit_callbacks(execute=True):
        feedback = services.submit_feedback(
            plan=seed_plan, kind=SubjectKind.TASK, subject=task, text="Ý kiến", today=today
        )
    assert feedback.agency == task.lead and "kenhiem@example.vn" in mail.outbox[0].to
    client = Client()
    client.force_login(officer)
    assert f"y-kien-{feedback.pk}" in client.get(reverse("portal:moderation")).content.decode()
    client.post(reverse("portal:moderate", args=[feedback.pk, "tra-loi"]), {"answer": "Đã tiếp nhận."})
    feedback.refresh_from_db()
    assert feedback.answer == "Đã tiếp nhận."
    assert AuditEvent.objects.get(action="portal.feedback.answer").actor == officer


@override_settings(KEHOACH_PORTAL_CONTACT_DAYS=90)
def test_contact_details_are_erased_once_the_comment_is_closed_for_the_retention_period(seed_plan, personas):
    today = timezone.localdate()

    def comment(text: str) -> Feedback:
        return services.submit_feedback(
            plan=seed_plan,
            kind=SubjectKind.PLAN,
            subject=None,
            text=text,
            contact="0912 000 111",
            today=today,
        )

    answered, rejected, waiting, recent, published = (comment(f"Ý kiến {n}") for n in range(5))
    services.publish_feedback(actor=personas.owner, feedback=answered, answer="Đã sửa.")
    services.reject_feedback(actor=personas.owner, feedback=rejected, reason="Trùng lặp")
    services.publish_feedback(actor=personas.owner, feedback=published)  # published, not answered yet
    services.answer_feedback(actor=personas.owner, feedback=recent, answer="Đang xem xét.")
    long_ago = timezone.now() - dt.timedelta(days=91)
    Feedback.objects.filter(pk=answered.pk).update(answered_at=long_ago)
    Feedback.objects.filter(pk__in=[rejected.pk, published.pk]).update(moderated_at=long_ago)
    Feedback.objects.filter(pk=waiting.pk).update(created_at=long_ago)

    assert services.purge_contacts(today=today) == 2
    erased = {f.pk for f in Feedback.objects.filter(contact="", contact_erased_at__isnull=False)}
    assert erased == {answered.pk, rejected.pk}
    # Still open (no answer), or closed less than 90 days ago: the reply still needs the contact.
    assert set(Feedback.objects.filter(contact="0912 000 111").values_list("pk", flat=True)) == {
        waiting.pk,
        recent.pk,
        published.pk,
    }
    event = AuditEvent.objects.get(action="portal.feedback.purge_contacts")
    assert event.changes["feedback"] == sorted([answered.pk, rejected.pk]) and "0912" not in str(
        event.changes
    )
    assert services.purge_contacts(today=today) == 0  # nothing left to erase: no second event
    assert AuditEvent.objects.filter(action="portal.feedback.purge_contacts").count() == 1

    client = Client()
    client.force_login(personas.owner)
    page = client.get(reverse("portal:moderation")).content.decode()
    start = page.index(f'id="y-kien-{answered.pk}"')
    item = page[start : page.index("</article>", start)]
    assert "đã xóa theo thời hạn lưu giữ" in item and "0912" not in item


def test_the_purge_command_reports_in_vietnamese(seed_plan, capsys):
    from kehoach.cli import main

    assert main(["portal", "purge-contacts"]) == 0
    assert "Đã xóa thông tin liên hệ của 0 ý kiến" in capsys.readouterr().out
