from django.urls import path

from congress.records.views import urls_for

from . import deputy_portal, kinds, views

urlpatterns = [
    path("suggestions/overdue/", views.suggestions_overdue, name="suggestions_overdue"),
    path("suggestions/assign/", views.batch_assign, name="batch_assign"),
    path("suggestions/letters/", views.assignment_letters, name="assignment_letters"),
    path("suggestions/letters/print.pdf", views.letters_pdf, name="letters_pdf"),
    path("suggestions/letters/<int:pk>.pdf", views.letter_pdf, name="letter_pdf"),
    path("suggestions/units/", views.units_table, name="suggestions_units"),
    path(
        "suggestions/<int:pk>/do/<str:action>/", views.suggestion_action, name="suggestion_action"
    ),
    path("suggestions/<int:pk>/reply-file/", views.reply_file, name="suggestion_reply_file"),
    path("portal/", views.portal, name="portal"),
    path("deputy/suggestions/", deputy_portal.deputy_suggestions, name="deputy_suggestions"),
    path("deputy/drafts/", deputy_portal.deputy_drafts, name="deputy_drafts"),
    path("deputy/record/", deputy_portal.deputy_record, name="deputy_record"),
    path("deputy/drafts/new/", deputy_portal.deputy_draft, name="deputy_draft_new"),
    path("deputy/drafts/<int:pk>/", deputy_portal.deputy_draft, name="deputy_draft"),
    path("deputy/cosigns/<int:pk>/", deputy_portal.deputy_cosign, name="deputy_cosign"),
    path("deputy/lookup/", deputy_portal.deputy_lookup, name="deputy_lookup"),
    path("drafts/files/<int:pk>/", deputy_portal.draft_file, name="draft_file"),
    path("suggestions/submitted/", views.drafts_review, name="drafts_review"),
    path("suggestions/submitted/<int:pk>/<str:action>/", views.draft_action, name="draft_action"),
    path("deputy/suggestions/<int:pk>/", deputy_portal.deputy_suggestion, name="deputy_suggestion"),
    path(
        "deputy/suggestions/<int:pk>/reply-file/",
        deputy_portal.deputy_reply_file,
        name="deputy_reply_file",
    ),
    path("portal/<int:pk>/", views.portal_detail, name="portal_detail"),
    path("portal/<int:pk>/do/<str:action>/", views.portal_action, name="portal_action"),
    *urls_for(kinds.suggestions),
    *urls_for(kinds.units),
]
