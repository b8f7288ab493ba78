"""Enumerations of the plan model; values are the codes of the data file format."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Comparator(models.TextChoices):
    GTE = ">=", _("≥ (ít nhất, đạt)")
    GT = ">", _("> (trên)")
    LTE = "<=", _("≤ (không quá, xuống)")
    LT = "<", _("< (dưới)")
    EQ = "=", _("= (bằng)")


class TargetUnit(models.TextChoices):
    PERCENT = "percent", _("%")
    PP_PER_YEAR = "pp_per_year", _("điểm %/năm")
    PERCENT_PER_YEAR = "percent_per_year", _("%/năm")
    MILLION_VND_PER_PERSON_PER_YEAR = "million_vnd_per_person_per_year", _("triệu đồng/người/năm")
    MILLION_VND = "million_vnd", _("triệu đồng")
    YEARS = "years", _("năm")
    INDEX = "index", _("chỉ số")
    COUNT = "count", _("số lượng")
    PERCENT_OF_BASELINE = "percent_of_baseline", _("% so với năm gốc")


class TargetKind(models.TextChoices):
    LEVEL = "level", _("Đạt mức")
    CHANGE_PER_YEAR = "change_per_year", _("Thay đổi mỗi năm")
    GROWTH_PER_YEAR = "growth_per_year", _("Tăng trưởng mỗi năm")
    REDUCTION_FROM_BASELINE = "reduction_from_baseline", _("Giảm so với năm gốc")
    RELATIVE_TO_MEASURE = "relative_to_measure", _("So với chỉ tiêu khác")
    ELIMINATION = "elimination", _("Xóa bỏ")
    QUALITATIVE = "qualitative", _("Định tính")


class Direction(models.TextChoices):
    INCREASE = "increase", _("Tăng")
    DECREASE = "decrease", _("Giảm")
    MAINTAIN = "maintain", _("Duy trì")


class Sector(models.TextChoices):
    ECONOMY = "economy", _("Kinh tế")
    POVERTY = "poverty", _("Giảm nghèo")
    INFRASTRUCTURE = "infrastructure", _("Hạ tầng")
    POPULATION = "population", _("Dân cư")
    EDUCATION = "education", _("Giáo dục")
    HEALTH = "health", _("Y tế")
    LABOUR = "labour", _("Lao động, việc làm")
    CULTURE = "culture", _("Văn hóa")
    CADRES = "cadres", _("Cán bộ")
    ENVIRONMENT = "environment", _("Môi trường")
    OTHER = "other", _("Khác")


class Population(models.TextChoices):
    ETHNIC_MINORITY = "ethnic_minority", _("Đồng bào DTTS")
    ALL = "all", _("Toàn dân")
    OTHER = "other", _("Khác")


class SectionKind(models.TextChoices):
    PART = "part", _("Phần (I.)")
    ITEM = "item", _("Mục (1.)")
    POINT = "point", _("Điểm (a)")
    BULLET = "bullet", _("Gạch đầu dòng (-)")
    SUB_BULLET = "sub_bullet", _("Dấu cộng (+)")
    PREAMBLE = "preamble", _("Phần mở đầu")
    CLOSING = "closing", _("Phần kết")


class TaskKind(models.TextChoices):
    BREAKTHROUGH = "breakthrough", _("Nhiệm vụ đột phá")
    MAIN = "main", _("Nhiệm vụ chủ yếu")
    SOLUTION = "solution", _("Giải pháp")


class AssignmentBasis(models.TextChoices):
    STATED = "stated", _("Kế hoạch nêu rõ")
    INFERRED = "inferred", _("Suy ra từ phần tổ chức thực hiện")


class FundingSource(models.TextChoices):
    TOTAL = "total", _("Tổng vốn")
    CENTRAL = "central", _("Ngân sách Trung ương")
    LOCAL = "local", _("Ngân sách địa phương")
    POLICY_CREDIT = "policy_credit", _("Tín dụng chính sách")
    OTHER = "other", _("Huy động khác")


class SpendingKind(models.TextChoices):
    TOTAL = "total", _("Tổng")
    INVESTMENT = "investment", _("Vốn đầu tư")
    RECURRENT = "recurrent", _("Vốn sự nghiệp")


class ObligationKind(models.TextChoices):
    ANNUAL_REPORT = "annual_report", _("Báo cáo hằng năm")
    MIDTERM_REVIEW = "midterm_review", _("Sơ kết")
    FINAL_REVIEW = "final_review", _("Tổng kết")
    COMMUNE_PLAN = "commune_plan", _("Kế hoạch cấp xã")
    PUBLICATION = "publication", _("Công khai")


class Frequency(models.TextChoices):
    ANNUAL = "annual", _("Hằng năm")
    ONCE = "once", _("Một lần")
