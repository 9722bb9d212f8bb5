"""The Secretariat's tools: administrations, coordinators, gated courses, the requests and their
audit trail, licences. Rows read as sentences (who did what to which request, when), lists have
the filters and searches the Secretariat works with (administration, coordinator, status,
dates). Nothing can be deleted here; decisions are made through services.py only."""
import json

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import (
    AttemptReset, CoordinatorRegistration, EnrolmentRequest, GatedCourse, Licence, MemberAdministration,
    OfficerProfile, RequestTransition,
)

STATUS_LABELS = dict(EnrolmentRequest.STATUSES)
PERSON_SEARCH = ("username", "first_name", "last_name", "email")


def person_search(prefix):
    return tuple(f"{prefix}__{name}" for name in PERSON_SEARCH)


class NoDeleteAdmin(admin.ModelAdmin):
    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(NoDeleteAdmin):
    """A record kept as it was written (the audit trail, the resets)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(MemberAdministration)
class MemberAdministrationAdmin(NoDeleteAdmin):
    list_display = ("name", "country_code", "active")
    list_filter = ("active",)
    search_fields = ("name", "country_code")


class RegistrationStateFilter(admin.SimpleListFilter):
    title = _("registration")
    parameter_name = "registration"

    def lookups(self, request, model_admin):
        return [("active", _("active today")), ("ended", _("ended")), ("future", _("not started yet"))]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "active":
            return queryset.filter(CoordinatorRegistration.active_q(today))
        if self.value() == "ended":
            return queryset.filter(ends_on__lt=today)
        if self.value() == "future":
            return queryset.filter(starts_on__gt=today)
        return queryset


@admin.register(CoordinatorRegistration)
class CoordinatorRegistrationAdmin(NoDeleteAdmin):
    list_display = ("user", "full_name", "administration", "starts_on", "ends_on", "daily_digest", "registered_by")
    list_filter = (RegistrationStateFilter, "administration", "daily_digest")
    search_fields = (*person_search("user"), "administration__name")
    list_select_related = ("user", "administration", "registered_by")
    autocomplete_fields = ("user",)
    readonly_fields = ("registered_by",)

    @admin.display(description=_("name"), ordering="user__last_name")
    def full_name(self, obj):
        return obj.user.get_full_name()

    def save_model(self, request, obj, form, change):
        if not change:
            obj.registered_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(OfficerProfile)
class OfficerProfileAdmin(NoDeleteAdmin):
    list_display = ("user", "full_name", "email", "administration")
    list_filter = ("administration",)
    search_fields = (*person_search("user"), "administration__name")
    list_select_related = ("user", "administration")
    autocomplete_fields = ("user",)

    @admin.display(description=_("name"), ordering="user__last_name")
    def full_name(self, obj):
        return obj.user.get_full_name()

    @admin.display(description=_("e-mail"), ordering="user__email")
    def email(self, obj):
        return obj.user.email


@admin.register(GatedCourse)
class GatedCourseAdmin(NoDeleteAdmin):
    list_display = ("course_id", "title")
    search_fields = ("course_id", "title")


class DeciderFilter(admin.SimpleListFilter):
    """Requests decided by one coordinator (anyone who ever held a registration)."""
    title = _("decided by")
    parameter_name = "decided_by"

    def lookups(self, request, model_admin):
        people = get_user_model().objects.filter(coordinator_registrations__isnull=False).distinct()
        return [(str(p.pk), p.get_full_name() or p.get_username()) for p in people.order_by("username")]

    def queryset(self, request, queryset):
        return queryset.filter(decided_by_id=self.value()) if self.value() and self.value().isdigit() else queryset


class TransitionInline(admin.TabularInline):
    model = RequestTransition
    extra = 0
    can_delete = False
    fields = readonly_fields = ("from_label", "to_label", "actor", "reason", "at")

    @admin.display(description=_("from"))
    def from_label(self, obj):
        return STATUS_LABELS.get(obj.from_status, "–")

    @admin.display(description=_("to"))
    def to_label(self, obj):
        return STATUS_LABELS.get(obj.to_status, obj.to_status)

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(EnrolmentRequest)
class EnrolmentRequestAdmin(NoDeleteAdmin):
    list_display = ("id", "officer", "officer_name", "administration", "course", "status", "created_at", "decided_at",
                    "decided_by")
    list_filter = ("status", "administration", "course", DeciderFilter, "created_at", "decided_at")
    search_fields = (*person_search("officer"), "unit", "position", "reason", *person_search("decided_by"))
    list_select_related = ("officer", "administration", "course", "decided_by")
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in EnrolmentRequest._meta.fields]
    inlines = [TransitionInline]

    @admin.display(description=_("name"), ordering="officer__last_name")
    def officer_name(self, obj):
        return obj.officer.get_full_name()

    def has_add_permission(self, request):
        return False


@admin.register(RequestTransition)
class RequestTransitionAdmin(ReadOnlyAdmin):
    """The audit trail: one sentence per transition, with who, when, and the reason."""
    list_display = ("__str__", "to_label", "reason")
    list_filter = ("to_status", "request__administration", "request__course", "at")
    search_fields = (*person_search("actor"), *person_search("request__officer"), "reason", "=request__id")
    list_select_related = ("actor", "request__officer", "request__course")
    date_hierarchy = "at"

    @admin.display(description=_("to"), ordering="to_status")
    def to_label(self, obj):
        return STATUS_LABELS.get(obj.to_status, obj.to_status)


@admin.register(AttemptReset)
class AttemptResetAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "at")
    list_filter = ("course", "at")
    search_fields = (*person_search("learner"), *person_search("actor"), "quiz")
    list_select_related = ("learner", "actor", "course")
    date_hierarchy = "at"


@admin.register(Licence)
class LicenceAdmin(NoDeleteAdmin):
    list_display = ("number", "licensee", "valid_from", "valid_until", "status", "issued_by")
    list_filter = ("status", "licensee")
    search_fields = ("number", "licensee__name")
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
