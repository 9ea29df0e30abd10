"""年度工作综述: gathering the year's figures and records, and rendering the PDF."""
