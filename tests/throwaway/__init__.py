"""A throwaway app, built only for the tests as docs/architecture.md says a new app is built:
规范性文件备案审查 with one record kind, a ledger sheet, a figure, a to-do, a dashboard panel and a
home section. The test settings add it to INSTALLED_APPS; nothing else in the project names it,
so every test that walks, exports or counts through the registries takes it in by itself."""
