"""The plan as a document: metadata, a section tree keeping the original text, typed elements.

Figures are kept exactly as the document states them (Decimal); inconsistencies are reported as
findings (kehoach.plans.selectors.plan_findings), never corrected in the data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kehoach.agencies.models import Agency
from kehoach.orgunits.models import OrgUnit
from kehoach.plans import choices as c


class Programme(models.Model):
    """A national target programme (CTMTQG) or other funding programme; national data, not per plan."""

    code = models.CharField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên"), max_length=300)
    short_name = models.CharField(_("tên ngắn"), max_length=120, blank=True)
    period_start = models.PositiveSmallIntegerField(_("từ năm"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("chương trình")
        verbose_name_plural = _("chương trình")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.short_name or self.name


class Plan(models.Model):
    code = models.CharField(_("mã kế hoạch"), max_length=60, unique=True)
    doc_type = models.CharField(_("loại văn bản"), max_length=10)
    doc_type_name = models.CharField(_("tên loại"), max_length=60, blank=True)
    number = models.CharField(_("số"), max_length=20, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=40, blank=True)
    issuer = models.ForeignKey(
        Agency, verbose_name=_("cơ quan ban hành"), on_delete=models.PROTECT, related_name="plans"
    )
    issuer_name = models.CharField(_("cơ quan ban hành (như văn bản)"), max_length=250, blank=True)
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issued_text = models.CharField(_("ngày tháng (như văn bản)"), max_length=100, blank=True)
    issued_year = models.PositiveSmallIntegerField(_("năm ban hành"), null=True, blank=True)
    issued_month = models.PositiveSmallIntegerField(_("tháng ban hành"), null=True, blank=True)
    title = models.TextField(_("trích yếu"))
    period_start = models.PositiveSmallIntegerField(_("từ năm"))
    period_end = models.PositiveSmallIntegerField(_("đến năm"))
    vision_year = models.PositiveSmallIntegerField(_("tầm nhìn đến năm"), null=True, blank=True)
    admin_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plans",
    )
    signer = models.JSONField(_("người ký"), default=dict, blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    source_name = models.CharField(_("tệp nguồn"), max_length=200, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="plan_period_order"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def number_symbol(self) -> str:
        """ "Số: 45/KH-UBND" as written; blank number kept blank ("/KH-UBND")."""
        return f"{self.number}/{self.symbol}" if self.symbol else self.number


class ImplementedDocument(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="implements")
    order = models.PositiveIntegerField()
    kind = models.CharField(_("loại văn bản"), max_length=60)
    number = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    date = models.DateField(_("ngày"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)
    relation = models.CharField(_("quan hệ"), max_length=20)

    class Meta:
        ordering = ["plan", "order"]
        verbose_name = _("văn bản căn cứ")
        verbose_name_plural = _("văn bản căn cứ")

    def __str__(self) -> str:
        return f"{self.kind} {self.number}"


class PlanElement(models.Model):
    """Fields shared by every element attached to a plan (abstract)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="%(class)ss")
    code = models.CharField(_("mã"), max_length=60)
    order = models.PositiveIntegerField(_("thứ tự"))

    class Meta:
        abstract = True
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.code


class Section(PlanElement):
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    label = models.CharField(_("ký hiệu mục"), max_length=20, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=c.SectionKind.choices)
    title = models.TextField(_("tiêu đề"), blank=True)
    text = models.TextField(_("nội dung"), blank=True)
    depth = models.PositiveSmallIntegerField(default=0)

    class Meta(PlanElement.Meta):
        verbose_name = _("mục")
        verbose_name_plural = _("mục")
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="section_code_unique_in_plan")]


class Objective(PlanElement):
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="objectives")
    text = models.TextField(_("nội dung"))

    class Meta(PlanElement.Meta):
        verbose_name = _("mục tiêu tổng quát")
        verbose_name_plural = _("mục tiêu tổng quát")
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="objective_code_unique_in_plan")]


class Target(PlanElement):
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="targets")
    text = models.TextField(_("nội dung như văn bản"))
    milestone_year = models.PositiveSmallIntegerField(_("mốc năm"))
    quantified = models.BooleanField(_("định lượng"), default=True)
    comparator = models.CharField(_("so sánh"), max_length=2, choices=c.Comparator.choices, blank=True)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=6, null=True, blank=True)
    unit = models.CharField(_("đơn vị tính"), max_length=40, choices=c.TargetUnit.choices, blank=True)
    kind = models.CharField(_("loại chỉ tiêu"), max_length=30, choices=c.TargetKind.choices)
    direction = models.CharField(_("chiều mong muốn"), max_length=10, choices=c.Direction.choices, blank=True)
    measure = models.CharField(_("đại lượng đo"), max_length=300, blank=True)
    sector = models.CharField(_("lĩnh vực"), max_length=20, choices=c.Sector.choices, blank=True)
    population = models.CharField(_("đối tượng"), max_length=20, choices=c.Population.choices, blank=True)
    relative_to = models.CharField(_("so với"), max_length=300, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("chỉ tiêu cha"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    search_text = models.TextField(editable=False, blank=True)

    class Meta(PlanElement.Meta):
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="target_code_unique_in_plan"),
            models.CheckConstraint(
                condition=Q(quantified=False) | (Q(value__isnull=False) & ~Q(comparator="") & ~Q(unit="")),
                name="target_quantified_has_value",
                violation_error_message=_(
                    "Chỉ tiêu định lượng phải có phép so sánh, giá trị và đơn vị tính."
                ),
            ),
        ]


class Task(PlanElement):
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="tasks")
    kind = models.CharField(_("loại"), max_length=20, choices=c.TaskKind.choices)
    title = models.TextField(_("tên nhiệm vụ"))
    text = models.TextField(_("nội dung"), blank=True)
    sector = models.CharField(_("lĩnh vực"), max_length=20, choices=c.Sector.choices, blank=True)
    lead = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan chủ trì"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_tasks",
    )
    coordinating = models.ManyToManyField(
        Agency, verbose_name=_("cơ quan phối hợp"), blank=True, related_name="coordinated_tasks"
    )
    assignment_basis = models.CharField(
        _("căn cứ phân công"), max_length=10, choices=c.AssignmentBasis.choices, blank=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("nhiệm vụ cha"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )
    search_text = models.TextField(editable=False, blank=True)

    class Meta(PlanElement.Meta):
        verbose_name = _("nhiệm vụ, giải pháp")
        verbose_name_plural = _("nhiệm vụ, giải pháp")
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="task_code_unique_in_plan")]


class BudgetLine(PlanElement):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="budget_lines")
    section = models.ForeignKey(
        Section, null=True, blank=True, on_delete=models.PROTECT, related_name="budget_lines"
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("chương trình"), on_delete=models.PROTECT, related_name="budget_lines"
    )
    phase = models.CharField(_("giai đoạn"), max_length=20, blank=True)
    source = models.CharField(_("nguồn vốn"), max_length=20, choices=c.FundingSource.choices)
    kind = models.CharField(_("loại vốn"), max_length=20, choices=c.SpendingKind.choices)
    amount_million_vnd = models.DecimalField(_("số tiền (triệu đồng)"), max_digits=20, decimal_places=3)
    text = models.TextField(_("nội dung như văn bản"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc dòng"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
    )

    class Meta(PlanElement.Meta):
        verbose_name = _("dòng nguồn lực")
        verbose_name_plural = _("nguồn lực")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="budgetline_code_unique_in_plan"),
            models.CheckConstraint(
                condition=Q(amount_million_vnd__gte=0),
                name="budgetline_amount_not_negative",
                violation_error_message=_("Số tiền không được âm."),
            ),
        ]


class Responsibility(PlanElement):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="responsibilities")
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="responsibilities")
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="responsibilities"
    )
    text = models.TextField(_("nội dung"))
    duties = models.JSONField(_("nhiệm vụ"), default=list, blank=True)

    class Meta(PlanElement.Meta):
        verbose_name = _("trách nhiệm")
        verbose_name_plural = _("trách nhiệm")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="responsibility_code_unique_in_plan")
        ]


class Obligation(PlanElement):
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="obligations")
    kind = models.CharField(_("loại"), max_length=20, choices=c.ObligationKind.choices)
    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan thực hiện"), on_delete=models.PROTECT, related_name="obligations"
    )
    recipients = models.ManyToManyField(Agency, verbose_name=_("gửi đến"), blank=True, related_name="+")
    frequency = models.CharField(_("tần suất"), max_length=10, choices=c.Frequency.choices)
    due_year = models.PositiveSmallIntegerField(_("năm thực hiện"), null=True, blank=True)
    text = models.TextField(_("nội dung"))

    class Meta(PlanElement.Meta):
        verbose_name = _("nghĩa vụ báo cáo")
        verbose_name_plural = _("nghĩa vụ báo cáo")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="obligation_code_unique_in_plan")
        ]


class UnitTarget(models.Model):
    """A unit's own target for a plan target (a commune's own plan, decided by its own document).

    Where it exists the judgement at that unit uses its value (and comparator, if given) instead of
    the plan's; everything else stays the plan's. One per target and unit: the milestone year says
    when the unit means to reach it (the target's milestone, or an earlier milestone of the plan).
    """

    target = models.ForeignKey(
        Target, verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE, related_name="unit_targets"
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="own_targets"
    )
    milestone_year = models.PositiveSmallIntegerField(_("mốc năm"))
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=6)
    comparator = models.CharField(
        _("so sánh"),
        max_length=2,
        choices=c.Comparator.choices,
        blank=True,
        help_text=_("Để trống: như kế hoạch."),
    )
    note = models.TextField(_("ghi chú"), blank=True)
    decision_number = models.CharField(_("số văn bản quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("ngày văn bản"), null=True, blank=True)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người đặt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    set_at = models.DateTimeField(_("thời điểm đặt"), auto_now=True)

    class Meta:
        verbose_name = _("mục tiêu riêng của đơn vị")
        verbose_name_plural = _("mục tiêu riêng của đơn vị")
        ordering = ["target__plan", "target__order", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["target", "unit"], name="unit_target_one_per_unit"),
        ]

    def __str__(self) -> str:
        return f"{self.target.code} – {self.unit}"
