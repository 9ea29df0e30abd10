"""The working day: background jobs that never stick, to-dos, reminders and notifications, and
the working-day calendar (public holidays and 调休) that deadlines are counted on.
"""
