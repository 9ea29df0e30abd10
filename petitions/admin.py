from congress.admin_site import register_app

register_app("petitions")
