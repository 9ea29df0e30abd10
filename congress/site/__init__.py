"""The site as a whole: the start-up that discovers every app's declarations, the home pages
and menus, the health check and the installation's profile page.
"""
