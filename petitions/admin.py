from congress.accounts.admin import register_app

register_app("petitions")
