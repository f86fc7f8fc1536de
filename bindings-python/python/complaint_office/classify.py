"""Classification (§2.2.2): the policy's categories, keyword suggestion with the evidence, and
department routing."""

from ._native import Category, Department, Suggestion, category, department_of, suggest

__all__ = ["Category", "Department", "Suggestion", "category", "department_of", "suggest"]
