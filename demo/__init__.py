"""The demo installation (安州区, year 2025): its accounts, its year of records, samples."""
