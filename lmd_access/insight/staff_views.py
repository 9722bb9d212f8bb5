"""The facilitators' pages (a course's staff): every learner's standing, one learner's work with
a reset of their quiz attempts, and which questions and role-play choices work."""
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ..models import AttemptReset, OfficerProfile
from ..views import render
from . import charts
from .access import facilitated_courses, facilitator_only, refused, staff_only
from .gain import learning_gain
from .items import quiz_analysis, role_play_analysis
from .learner import learner_work
from .progress import standings
from .source import QUIZ, ROLE_PLAY, results_source

PAGE_SIZE = 50
MAX_SEARCH = 100


@staff_only
def staff_home(request):
    courses = facilitated_courses(request.user)
    if len(courses) == 1:
        return redirect("lmd_access:staff_learners", course=courses[0].pk)
    return render(request, "lmd_access/staff/home.html", {"courses": courses})


def _outline_or_page(request, course):
    outline = results_source().outline(course.course_id)
    if outline is None:
        return None, render(request, "lmd_access/staff/no_course.html", {"course": course}, status=404)
    return outline, None


@facilitator_only
def learners(request, course):
    outline, missing = _outline_or_page(request, course)
    if missing:
        return missing
    source = results_source()
    search = request.GET.get("q", "").strip()[:MAX_SEARCH]
    everyone = source.learners(course.course_id).order_by("username")
    if search:
        everyone = everyone.filter(Q(username__icontains=search) | Q(first_name__icontains=search)
                                   | Q(last_name__icontains=search) | Q(email__icontains=search))
    page = Paginator(everyone, PAGE_SIZE).get_page(request.GET.get("page"))
    users = get_user_model().objects.filter(pk__in=[u.pk for u in page])
    summaries = source.summaries(course.course_id, users)
    found = standings(outline, summaries, [u.username for u in page], source.course_grades(course.course_id, users,
                                                                                           summaries))
    admins = dict(OfficerProfile.objects.filter(user__in=users).values_list("user__username", "administration__name"))
    return render(request, "lmd_access/staff/learners.html", {
        "course": course, "page": page, "search": search, "modules": len(outline.modules),
        "quizzes": len(outline.regular_quizzes()),
        "rows": [{"user": u, "standing": found[u.username], "administration": admins.get(u.username, "")} for u in page],
    })


@facilitator_only
def learner(request, course, username):
    outline, missing = _outline_or_page(request, course)
    if missing:
        return missing
    person = get_object_or_404(get_user_model(), username=username)
    source, users = results_source(), get_user_model().objects.filter(pk=person.pk)
    summaries = source.summaries(course.course_id, users)
    standing = standings(outline, summaries, [person.username],
                         source.course_grades(course.course_id, users, summaries))[person.username]
    return render(request, "lmd_access/staff/learner.html", {
        "course": course, "person": person, "standing": standing, "modules": len(outline.modules),
        "work": learner_work(outline, source.states(course.course_id, users)),
        "resets": AttemptReset.objects.filter(course=course, learner=person).select_related("actor")[:20],
    })


@require_POST
@facilitator_only
def reset_attempts(request, course, username):
    """Gives a learner their attempts at one quiz back, through the platform (see the adapter);
    recorded (AttemptReset). A quiz the course does not have is refused, nothing changed."""
    person = get_object_or_404(get_user_model(), username=username)
    quiz_name = request.POST.get("quiz", "")
    outline = results_source().outline(course.course_id)
    quiz = outline.activity(quiz_name) if outline is not None else None
    if quiz is None or quiz.kind != QUIZ:
        response = refused(request, _("This course has no quiz %(quiz)s; nothing was reset.") % {"quiz": quiz_name[:100]})
        response.status_code = 400
        return response
    with transaction.atomic():
        if results_source().reset_quiz_attempts(course.course_id, person, quiz.url_name, request.user):
            AttemptReset.objects.create(course=course, learner=person, quiz=quiz.url_name, actor=request.user)
            messages.success(request, _("%(learner)s can take “%(quiz)s” again: their attempts were reset.") % {
                "learner": person.get_full_name() or person.username, "quiz": quiz.title})
        else:
            messages.info(request, _("%(learner)s has not taken “%(quiz)s” yet: there was nothing to reset.") % {
                "learner": person.get_full_name() or person.username, "quiz": quiz.title})
    return redirect("lmd_access:staff_learner", course=course.pk, username=person.username)


FLAGS = {  # lazy: translated in the language of each request
    "easy": gettext_lazy("Almost everyone answers it right: it may not tell learners apart."),
    "hard": gettext_lazy("Few learners answer it right: check the key, the wording and the teaching."),
    "negative": gettext_lazy("Learners who do well on the rest of the quiz do worse on it: check the key."),
    "low": gettext_lazy("It barely separates learners who do well on the rest of the quiz from those who do not."),
    "unused": gettext_lazy("A distractor nobody chose: make it plausible or replace it."),
}


@facilitator_only
def analysis(request, course):
    outline, missing = _outline_or_page(request, course)
    if missing:
        return missing
    number = request.GET.get("module") or (outline.modules[0].number if outline.modules else "")
    module = outline.module(number)
    if module is None:
        raise Http404(_("This course has no module %(number)s.") % {"number": number[:20]})
    source = results_source()
    everyone = source.learners(course.course_id)
    wanted = [a.url_name for a in module.activities if a.kind in (QUIZ, ROLE_PLAY)]
    states = source.states(course.course_id, everyone, wanted)
    quizzes, role_plays = [], []
    for activity in module.activities:
        mine = [s for s in states if s.url_name == activity.url_name]
        if activity.kind == QUIZ:
            quizzes.append(_quiz_view(activity, quiz_analysis(activity, mine)))
        elif activity.kind == ROLE_PLAY:
            role_plays.append(_role_play_view(activity, *role_play_analysis(activity, mine)))
    return render(request, "lmd_access/staff/analysis.html", {
        "course": course, "modules": outline.modules, "module": module, "quizzes": quizzes,
        "role_plays": role_plays, "gain": _gain_view(outline, source, course, everyone),
    })


def _quiz_view(activity, questions):
    chart = charts.bar_chart(_("Share of learners who answered each question right"),
                             [(q.id, q.right, "flag" if q.flags else "") for q in questions])
    return {"activity": activity, "chart": chart, "answered": questions[0].answered if questions else 0,
            "questions": [{"q": q, "flags": [FLAGS[f] for f in q.flags], "chart": charts.bar_chart(
                _("How often each option of question %(id)s was chosen") % {"id": q.id},
                [(o.id, o.share, "key" if o.correct else "") for o in q.options])} for q in questions]}


def _role_play_view(activity, nodes, endings, finished, runs):
    return {"activity": activity, "finished": finished, "runs": runs, "endings": endings, "nodes": nodes,
            "chart": charts.bar_chart(_("Share of learners whose best run reached each ending"),
                                      [(e.title, e.share, "") for e in endings])}


def _gain_view(outline, source, course, everyone):
    pairs = outline.test_pairs()
    if not pairs:
        return None
    summaries = source.summaries(course.course_id, everyone)
    admins = dict(OfficerProfile.objects.filter(user__in=everyone).values_list("user__username", "administration__name"))
    rows = learning_gain(pairs, summaries, lambda username: admins.get(username) or _("No administration"))
    overall = learning_gain(pairs, summaries)
    return {"pairs": pairs, "rows": sorted(rows, key=lambda g: str(g.cohort)), "overall": overall[0] if overall else None}
