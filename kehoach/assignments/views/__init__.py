"""HTML pages of task tracking, split by concern: pages (reads), actions (writes), files (downloads)."""
