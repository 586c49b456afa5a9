"""Widgets of the newsdesk app: they render models and post messages; none holds a Library."""
