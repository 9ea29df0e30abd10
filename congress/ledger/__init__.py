"""台账: the Excel ledgers of ``shared/ledger-format.md`` (format 1), imported and exported."""
