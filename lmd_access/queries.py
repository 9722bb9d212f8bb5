"""Read side: what each person may see, filtered and paged with a constant number of queries."""
from django.db.models import Count, Q

from .models import EnrolmentRequest, GatedCourse
from .services import coordinated_administrations

PAGE_SIZE = 100


def coordinator_requests(user, status="", course="", search="", admins=None):
    """The requests of the administrations `user` coordinates today (`admins`, when the caller
    has just read them)."""
    admins = coordinated_administrations(user) if admins is None else admins
    rows = (EnrolmentRequest.objects.filter(administration_id__in=admins)
            .select_related("officer", "course", "administration", "decided_by"))
    if status:
        rows = rows.filter(status=status)
    if course:
        rows = rows.filter(course__course_id=course)
    if search:
        rows = rows.filter(Q(officer__username__icontains=search) | Q(officer__first_name__icontains=search)
                           | Q(officer__last_name__icontains=search) | Q(officer__email__icontains=search)
                           | Q(unit__icontains=search) | Q(position__icontains=search))
    return rows


def officer_requests(user):
    return EnrolmentRequest.objects.filter(officer=user).select_related("course", "decided_by")


def courses():
    return GatedCourse.objects.order_by("title")


def report_rows():
    """Requests and decisions per administration, for the Secretariat."""
    return (EnrolmentRequest.objects.values("administration__name")
            .annotate(total=Count("id"),
                      pending=Count("id", filter=Q(status="pending")),
                      approved=Count("id", filter=Q(status="approved")),
                      rejected=Count("id", filter=Q(status="rejected")),
                      withdrawn=Count("id", filter=Q(status="withdrawn")),
                      expired=Count("id", filter=Q(status="expired")),
                      revoked=Count("id", filter=Q(status="revoked")))
            .order_by("administration__name"))
