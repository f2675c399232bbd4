"""The people directory, a page per person, and the teaching teams (apphooks: cms_apps.py).

Filters are GET parameters (links and a form that work without JavaScript); a value that is
not a choice shows the whole list. Every list is read in a fixed number of queries.
"""

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from jeiweb.i18n import TranslatedViewMixin, get_translated_or_404
from pages import structured_data
from pages.models import (
    Person,
    Post,
    Programme,
    TeachingTeam,
    TeamRole,
    TeamRoleKind,
    University,
)
from pages.models.teams import school_names

PEOPLE_PER_PAGE = 24
COMMITTEE = "committee"
# The roles the directory filters by: a committee post, or a place in a teaching team.
ROLE_CHOICES = ((COMMITTEE, _("Committee member")), *TeamRoleKind.choices)


def people_for_cards(language):
    """Visible people with what their cards show (their school's name comes from
    `school_names`, read once per content change)."""
    return Person.objects.visible(language).select_related("photo").prefetch_related("translations")


class PeopleDirectoryView(TranslatedViewMixin, ListView):
    """Everyone the site names, by family name (pinyin order for Chinese names), filtered by
    university, school and role, in pages."""

    template_name = "pages/people/directory.html"
    context_object_name = "people"
    url_name = "people:directory"
    paginate_by = PEOPLE_PER_PAGE

    def get_filters(self):
        schools = school_names(self.language)
        self.schools = [(key, name) for key, (_pk, name) in schools.items()]
        get = self.request.GET
        return {
            "university": get.get("university", "") if get.get("university") in University.values else "",
            "school": get.get("school", "") if get.get("school") in schools else "",
            "role": get.get("role", "") if get.get("role") in dict(ROLE_CHOICES) else "",
        }

    def get_url_query(self):
        return {**self.filters, "page": self.request.GET.get("page", "")}

    def get_queryset(self):
        self.filters = self.get_filters()
        people = people_for_cards(self.language).in_directory_order()
        if self.filters["university"]:
            people = people.filter(university=self.filters["university"])
        if self.filters["school"]:
            people = people.filter(school__key=self.filters["school"])
        role = self.filters["role"]
        if role == COMMITTEE:
            people = people.filter(Exists(Post.objects.filter(person=OuterRef("pk"))))
        elif role:
            people = people.filter(Exists(TeamRole.objects.filter(person=OuterRef("pk"), role=role)))
        return people

    def paginate_queryset(self, queryset, page_size):
        paginator = Paginator(queryset, page_size)
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage as error:  # not a number, or past the end
            raise Http404(_("There is no such page of the directory.")) from error
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = {name: value for name, value in self.filters.items() if value}
        context.update(
            filters=self.filters,
            filtered=bool(query),
            universities=University.choices,
            schools=self.schools,
            roles=ROLE_CHOICES,
            page_query="&".join(f"{name}={value}" for name, value in query.items()),
            canonical_url=None if query else self.request.build_absolute_uri(self.request.path),
        )
        return context


class PersonDetailView(TranslatedViewMixin, DetailView):
    """A person's page: who they are, their posts and the teams they teach in."""

    template_name = "pages/people/person_detail.html"
    context_object_name = "person"

    def get_object(self, queryset=None):
        posts = Post.objects.select_related("committee").prefetch_related("committee__translations")
        people = (
            people_for_cards(self.language)
            .select_related("school")
            .prefetch_related("school__translations", Prefetch("posts", posts))
        )
        return get_translated_or_404(people, self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        person = self.object
        teams = (
            TeamRole.objects.filter(person=person, team__in=TeachingTeam.objects.visible(self.language))
            .select_related("team")
            .prefetch_related("team__translations")
        )
        return super().get_context_data(
            meta={"title": person.display_name, "description": person.position or person.display_name},
            structured_data=structured_data.person(self.request, person),
            team_roles=list(teams),
            posts=list(person.posts.all()),
            **kwargs,
        )


def teams_with_people(language):
    people = Person.objects.visible(language).prefetch_related("translations")
    roles = TeamRole.objects.filter(person__in=people).prefetch_related(Prefetch("person", people))
    return (
        TeachingTeam.objects.visible(language)
        .select_related("school")
        .prefetch_related(
            "translations",
            "school__translations",
            Prefetch("roles", roles),
            Prefetch("programmes", Programme.objects.visible(language).prefetch_related("translations")),
        )
    )


class TeamListView(TranslatedViewMixin, ListView):
    """The teaching teams, grouped by programme (or by school: `?by=school`), under the page's
    own blocks (the teaching figures: the key facts plugin)."""

    template_name = "pages/people/team_list.html"
    context_object_name = "teams"
    url_name = "teams:list"
    GROUPINGS = ("programme", "school")

    def get_grouping(self):
        value = self.request.GET.get("by", "")
        return value if value in self.GROUPINGS else "programme"

    def get_url_query(self):
        return {"by": "school" if self.get_grouping() == "school" else ""}

    def get_queryset(self):
        return teams_with_people(self.language)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        teams = list(context["teams"])
        grouping = self.get_grouping()
        groups = {}
        for team in teams:
            owners = list(team.programmes.all()) if grouping == "programme" else [team.school]
            for owner in owners or [None]:
                groups.setdefault(owner, []).append(team)
        ordered = sorted(groups.items(), key=lambda item: (item[0] is None, getattr(item[0], "order", 0)))
        context.update(
            grouping=grouping,
            groups=[{"owner": owner, "teams": members} for owner, members in ordered],
            canonical_url=self.request.build_absolute_uri(self.request.path),
        )
        return context


class TeamDetailView(TranslatedViewMixin, DetailView):
    """One team: its course, school, programmes and curriculum stages, and its people by role."""

    template_name = "pages/people/team_detail.html"
    context_object_name = "team"

    def get_object(self, queryset=None):
        stages = Prefetch(
            "curriculum_stages",
            TeachingTeam.curriculum_stages.rel.model.objects.select_related("programme").prefetch_related(
                "translations", "programme__translations"
            ),
        )
        return get_translated_or_404(
            teams_with_people(self.language).prefetch_related(stages), self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs):
        team = self.object
        return super().get_context_data(
            meta={"title": team.course, "description": team.description or team.course},
            role_groups=[
                {"label": label, "roles": team.roles_of(kind)} for kind, label in TeamRoleKind.choices
            ],
            stages=[stage for stage in team.curriculum_stages.all() if stage.programme.is_visible()],
            **kwargs,
        )
