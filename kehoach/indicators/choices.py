"""Enumerations of the indicator catalogue; values are the codes used in the catalogue data files."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ValueType(models.TextChoices):
    """What a data element accepts; checked on every entry path before any rule runs."""

    INTEGER = "integer", _("Số nguyên không âm")
    NUMBER = "number", _("Số không âm")
    SIGNED_NUMBER = "signed_number", _("Số (có thể âm)")
    PERCENTAGE = "percentage", _("Phần trăm (0–100)")
    YES_NO = "yes_no", _("Có/Không (1 hoặc 0)")


class AggregationType(models.TextChoices):
    """How the values of a data element combine across units (read by the aggregation engine)."""

    SUM = "sum", _("Cộng")
    NONE = "none", _("Không cộng dồn (số ước tính cho cả đơn vị)")


class IndicatorType(models.TextChoices):
    RATIO = "ratio", _("Tỷ lệ (tử số/mẫu số × hệ số)")
    COUNT = "count", _("Số lượng")
    AMOUNT = "amount", _("Giá trị, số tiền")
    AVERAGE = "average", _("Bình quân (có trọng số)")
    INDEX = "index", _("Chỉ số")
    RATE_OF_CHANGE = "rate_of_change", _("Tốc độ thay đổi so với kỳ trước")


class PeriodType(models.TextChoices):
    YEAR = "year", _("Hằng năm")
    HALF_YEAR = "half_year", _("6 tháng")


class WindowKind(models.TextChoices):
    """The data window of a period (Nghị định 09/2019 Điều 12, or the calendar)."""

    DECREE_09 = "decree_09", _("Theo Nghị định 09/2019 (15/12 năm trước đến 14/12)")
    CALENDAR = "calendar", _("Theo năm dương lịch (01/01 đến 31/12)")


class TargetRole(models.TextChoices):
    MEASURE = "measure", _("Đo trực tiếp chỉ tiêu")
    REFERENCE = "reference", _("Đại lượng để so sánh")


class RuleKind(models.TextChoices):
    RANGE = "range", _("Khoảng giá trị")
    PERCENTAGE = "percentage", _("Phần trăm từ 0 đến 100")
    NOT_GREATER = "not_greater", _("Không lớn hơn chỉ tiêu khác (tử số ≤ mẫu số)")
    DISAGGREGATION_SUM = "disaggregation_sum", _("Tổng các phân tổ bằng tổng số")
    REQUIRED = "required", _("Bắt buộc nhập")
    OUTLIER = "outlier", _("Khác thường so với các kỳ trước (trung vị, MAD)")


class Severity(models.TextChoices):
    ERROR = "error", _("Lỗi (không cho lưu)")
    WARNING = "warning", _("Cảnh báo (cần ghi chú giải thích)")


class StandardTopic(models.TextChoices):
    POVERTY = "poverty", _("Chuẩn nghèo")
