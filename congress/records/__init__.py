"""Records the office keeps, and the pages every kind of record shares.

The abstract ``Record`` (version and history), the installation's profile and the handling
units; record kinds as the apps declare them (``kinds``), the generic list, detail, form and
delete pages (``views``), history and the recycle bin, the shared filters, widgets, rules and
uploaded files.
"""
