"""Widgets of the Guide tab (one per module) and the guide's document helpers."""
