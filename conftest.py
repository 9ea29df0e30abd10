import os

# Tests never need the production secret; settings read this before Django sets up.
os.environ.setdefault("DJANGO_TESTING", "1")
