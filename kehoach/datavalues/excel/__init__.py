"""The Excel entry template and its upload (safe reading by kehoach.spreadsheets)."""
