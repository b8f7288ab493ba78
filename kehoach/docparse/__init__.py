"""Plan-document import, pure core: Vietnamese plan (.txt/.docx) -> `kehoach.plan/1`.

No Django and no database here: `parse_plan` turns a file into the plan structure with findings
and source spans, `check_plan` runs the generic consistency checks on any plan structure, and
`match_agency` maps agency names as written onto agency codes.
"""

from .agencies import AgencyMatch, match_agency
from .api import ParseResult, SourceSpan, check_plan, parse_plan
from .errors import PlanParseError

__all__ = [
    "AgencyMatch",
    "ParseResult",
    "PlanParseError",
    "SourceSpan",
    "check_plan",
    "match_agency",
    "parse_plan",
]
