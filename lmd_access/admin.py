"""The Secretariat's tools: administrations, coordinators, gated courses and the audit trail.
Nothing can be deleted here; decisions are made through services.py only."""
import json

from django.contrib import admin
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from .models import (
    CoordinatorRegistration, EnrolmentRequest, GatedCourse, Licence, MemberAdministration, OfficerProfile,
    RequestTransition,
)


class NoDeleteAdmin(admin.ModelAdmin):
    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MemberAdministration)
class MemberAdministrationAdmin(NoDeleteAdmin):
    list_display = ("name", "country_code", "active")
    search_fields = ("name", "country_code")


@admin.register(CoordinatorRegistration)
class CoordinatorRegistrationAdmin(NoDeleteAdmin):
    list_display = ("user", "administration", "starts_on", "ends_on", "daily_digest", "registered_by")
    list_filter = ("administration",)
    autocomplete_fields = ("user",)
    readonly_fields = ("registered_by",)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.registered_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(OfficerProfile)
class OfficerProfileAdmin(NoDeleteAdmin):
    list_display = ("user", "administration")
    list_filter = ("administration",)


@admin.register(GatedCourse)
class GatedCourseAdmin(NoDeleteAdmin):
    list_display = ("course_id", "title")


class TransitionInline(admin.TabularInline):
    model = RequestTransition
    extra = 0
    can_delete = False
    readonly_fields = ("from_status", "to_status", "actor", "reason", "at")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(EnrolmentRequest)
class EnrolmentRequestAdmin(NoDeleteAdmin):
    list_display = ("officer", "administration", "course", "status", "created_at", "decided_by")
    list_filter = ("status", "administration", "course")
    search_fields = ("officer__username", "officer__email", "unit")
    readonly_fields = [f.name for f in EnrolmentRequest._meta.fields]
    inlines = [TransitionInline]

    def has_add_permission(self, request):
        return False


@admin.register(Licence)
class LicenceAdmin(NoDeleteAdmin):
    list_display = ("number", "licensee", "valid_from", "valid_until", "status", "issued_by")
    list_filter = ("status", "licensee")
    filter_horizontal = ("courses",)
    readonly_fields = ("issued_by", "issued_at")
    actions = ["download_records", "revoke"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.issued_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Download the licence records (JSON) for signing packages"))
    def download_records(self, request, queryset):
        records = [licence.licence_record() for licence in queryset.prefetch_related("courses")]
        response = HttpResponse(json.dumps(records[0] if len(records) == 1 else records, indent=2, sort_keys=True),
                                content_type="application/json")
        response["Content-Disposition"] = 'attachment; filename="licence.json"'
        return response

    @admin.action(description=_("Revoke"))
    def revoke(self, request, queryset):
        queryset.update(status=Licence.REVOKED)
