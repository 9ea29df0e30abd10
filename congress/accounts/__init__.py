"""Who may do what: the roles and their permissions, the administrators' account pages,
two-factor login, login throttling and the middleware that enforces read-only leadership.
"""
