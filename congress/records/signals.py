"""Signals about records that Django's own do not give."""

from django.dispatch import Signal

# A bulk write (a ledger import, a restore, the demo) saved records without calling save(), so
# no post_save told anyone: whatever keeps values computed from records drops them all.
records_written = Signal()
