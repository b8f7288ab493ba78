"""HTML pages of data entry, approval, completeness and history."""
