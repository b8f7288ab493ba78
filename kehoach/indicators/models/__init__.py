"""Models of the indicator catalogue (a package: categories, catalogue, reference data)."""

from kehoach.indicators.models.catalogue import (
    DataElement,
    DataSet,
    DataSetElement,
    Indicator,
    IndicatorTarget,
)
from kehoach.indicators.models.categories import (
    DEFAULT_COMBO,
    Category,
    CategoryCombo,
    CategoryOption,
    CategoryOptionCombo,
    EthnicGroup,
)
from kehoach.indicators.models.reference import Baseline, MeasurementStandard, ReportingRound, ValidationRule

__all__ = [
    "DEFAULT_COMBO",
    "Baseline",
    "Category",
    "CategoryCombo",
    "CategoryOption",
    "CategoryOptionCombo",
    "DataElement",
    "DataSet",
    "DataSetElement",
    "EthnicGroup",
    "Indicator",
    "IndicatorTarget",
    "MeasurementStandard",
    "ReportingRound",
    "ValidationRule",
]
