"""What the figures package declares to the rest of the core: a record list narrowed to the
records one figure counts (the drill-down behind every tile and placeholder)."""

from congress.figures.figureset import list_scope
from congress.records.kinds import LIST_SCOPES

LIST_SCOPES.register(list_scope)
