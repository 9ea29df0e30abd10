"""The year-end review (年度工作综述): the office's text and its markup, the document built from
it with the year's figures, the PDF and Word copies, and the job that prints them.
"""
