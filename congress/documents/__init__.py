"""Printed documents: the official layout every document the office prints goes through
(WeasyPrint PDF, fonts, number words), and the rosters (名册) in PDF and Excel.
"""
