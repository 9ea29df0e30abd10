"""The year's figures, each defined once: the built-in figures the apps declare, the office's
own, charts and dashboard panels, the cache that keeps them, and the leaders' dashboard.
"""
