"""The citizen's comment form: short, with a honeypot for robots and a plain privacy notice."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kehoach.portal.models import MAX_CONTACT, MAX_NAME, MAX_TEXT

HONEYPOT = "trang_web"


class FeedbackForm(forms.Form):
    text = forms.CharField(
        label=_("Ý kiến của bạn"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_TEXT}),
        help_text=_("Tối đa %(n)s ký tự. Ý kiến được cơ quan có trách nhiệm xem trước khi công khai.")
        % {"n": MAX_TEXT},
    )
    name = forms.CharField(
        label=_("Họ và tên (không bắt buộc, sẽ hiện cùng ý kiến)"), max_length=MAX_NAME, required=False
    )
    contact = forms.CharField(
        label=_("Số điện thoại hoặc thư điện tử (không bắt buộc, không bao giờ công khai)"),
        max_length=MAX_CONTACT,
        required=False,
    )
    # Hidden from people by CSS (and from screen readers by aria-hidden on its wrapper); robots fill it.
    trang_web = forms.CharField(label=_("Để trống ô này"), required=False)
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để cơ quan nhà nước dùng thông tin liên hệ trên chỉ để trả lời ý kiến này."),
        required=False,
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("contact") and not data.get("consent"):
            self.add_error("consent", _("Xin vui lòng đồng ý, hoặc xóa thông tin liên hệ."))
        return data


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do không công khai"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 2})
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Trả lời"), max_length=MAX_TEXT, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
