"""The admin screens of memberships.

- A network's "Members" (`networks_members`): its members, invitations, requests waiting and
  history; its editors invite an organisation of the portal, add a member that is not on the
  portal, answer requests and end memberships.
- An organisation's "Networks" (`networks_of_organisation`): the networks it belongs to,
  invitations waiting, requests it made and history; its editors ask to join a network, answer
  invitations, and end or withdraw.
- "Networks" in the menu (`networks_index`): an organisation's users find their screens there;
  facilitators and central staff the networks of the countries they follow (central staff:
  every one), whose members they read but do not change.
- Accept, decline and end (`networks_accept`, `networks_decline`, `networks_end`): POST only,
  from these screens and from the panel on the admin home (`AnswersPanel`).
- The type-ahead's search (`networks_choose_member`, `networks_choose_network`): GET, JSON, for
  the editors of the organisation whose form it serves.

Every view reads who the user is (core.roles.Role) itself: an organisation's editors act for it,
its country's facilitators and central staff read, anybody else is refused (403). The functions
of networks/memberships.py check again that the user acts for the right side.
"""

import uuid
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotAllowed, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.defaults import permission_denied
from wagtail.admin.ui.components import Component

from core.listing import paginate
from core.roles import Role
from directory.countries import country_names
from directory.listing import Locales, one_per_translation
from directory.models import CountryPage, OrganisationPage
from directory.models.choices import OrganisationKind

from . import emails, memberships
from .models import OPEN_STATES, Membership, MembershipRole, MembershipState

#: Networks a page of the staff's overview lists.
NETWORKS_PER_PAGE = 50

#: Memberships a page of each section of the memberships' screens lists.
MEMBERSHIPS_PER_PAGE = 50

EDIT, READ = "edit", "read"


# Who may do what -------------------------------------------------------------------------------


def organisation_or_404(key):
    """The first version of the organisation with this translation key."""
    page = OrganisationPage.objects.select_related("locale").first_version(key)
    if page is None:
        raise Http404
    return page


def access(user, organisation):
    """EDIT for the organisation's own users, READ for who follows its country up (central
    staff: every country); refused for anybody else."""
    role = Role.of(user)
    if role.belongs_to(organisation.translation_key):
        return EDIT
    if role.follows_up and role.facilitates_country(memberships.country_code(organisation)):
        return READ
    raise PermissionDenied


def refusing(view):
    """A refusal is a 403 page, not Wagtail's redirect to the admin home with a message: the
    address stays what was asked for, and nothing is done."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as error:
            return permission_denied(request, error)

    return wrapped


def safe_next(request, fallback):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


# Names -----------------------------------------------------------------------------------------


def organisation_names(keys):
    """{translation key: page} of these organisations, one version each, in the admin's language
    where translated (drafts included: the admin names an organisation not yet public too)."""
    locales = Locales()
    pages = one_per_translation(
        OrganisationPage.objects.filter(translation_key__in=set(keys)),
        locales.active,
        locales.default,
    )
    return {page.translation_key: page for page in pages}


def shown_name(organisation):
    """The organisation's name in the admin's language where translated."""
    key = organisation.translation_key
    return getattr(organisation_names([key]).get(key), "title", organisation.title)


#: At most this many organisations are offered for a typed name (the type-ahead and the list
#: shown without JavaScript).
CHOICES_SHOWN = 20


def candidates(queryset, exclude=()):
    """The live organisations of `queryset` that may be chosen, one version each (in the
    admin's language where translated), the excluded keys left out."""
    locales = Locales()
    return one_per_translation(queryset.live(), locales.active, locales.default).exclude(
        translation_key__in=list(exclude)
    )


def matching(queryset, text):
    """The organisations of `queryset` whose name holds every word of `text`, by name; at most
    CHOICES_SHOWN of them."""
    words = text.split()
    if not words:
        return []
    for word in words[:8]:
        queryset = queryset.filter(title__icontains=word)
    return list(
        queryset.only("title", "path", "translation_key").order_by("title", "pk")[:CHOICES_SHOWN]
    )


def labelled(pages):
    """(translation key, "Name · Country") of each of `pages`."""
    steplen = OrganisationPage.steplen
    codes = dict(
        CountryPage.objects.filter(path__in={page.path[:-steplen] for page in pages}).values_list(
            "path", "code"
        )
    )
    names = country_names()
    choices = []
    for page in pages:
        country = names.get(codes.get(page.path[:-steplen], ""), "")
        label = f"{page.title} · {country}" if country else page.title
        choices.append((str(page.translation_key), label))
    return choices


# Forms -----------------------------------------------------------------------------------------


class RoleField(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            label=gettext_lazy("Role"),
            choices=MembershipRole.choices,
            initial=MembershipRole.MEMBER,
            **kwargs,
        )


class ChooseOrganisationForm(forms.Form):
    """An organisation chosen by its name: the editor types (part of) it; one match is chosen,
    several are offered as a short list to pick from (the `key` field), none is a form error.
    The type-ahead script (networks/static/networks/choose.js) fills `key` as the editor picks
    a suggestion, so that the first submit is enough."""

    name = forms.CharField(max_length=255)
    key = forms.CharField(required=False, widget=forms.HiddenInput)
    role = RoleField()

    #: Set by subclasses: the field's label and help, and the words of "no match".
    label = help_text = nothing = several = ""

    def __init__(self, owner, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.queryset = candidates(self.base_queryset(), exclude=[owner.translation_key])
        self.fields["name"].label = self.label
        self.fields["name"].help_text = self.help_text
        self.fields["name"].widget.attrs.update(
            {
                "autocomplete": "off",
                "data-network-choices": self.search_url(),
                "data-network-key": self.add_prefix("key"),
            }
        )
        self.fields["key"].label = _("Which one?")
        self.page = None

    def base_queryset(self):
        raise NotImplementedError

    def search_url(self):
        raise NotImplementedError

    def offer(self, choices):
        """Show `choices` as a list to pick from."""
        self.fields["key"].widget = forms.RadioSelect(choices=choices)

    def clean(self):
        cleaned = super().clean()
        key = self.data.get(self.add_prefix("key"), "")
        if key:
            page = self.queryset.filter(translation_key=key).first() if is_uuid(key) else None
            if page is not None:
                # Picked from the list (or the suggestions): the name is not needed any more.
                self._errors.pop("name", None)
                self.page = page
                return cleaned
        text = cleaned.get("name", "")
        if not text:
            return cleaned  # "this field is required"
        found = matching(self.queryset, text)
        exact = [page for page in found if page.title.casefold() == text.strip().casefold()]
        if len(exact) == 1:
            found = exact
        if not found:
            self.add_error("name", self.nothing % {"name": text})
        elif len(found) == 1:
            self.page = found[0]
        else:
            self.offer(labelled(found))
            self.add_error("key", self.several)
        return cleaned

    def chosen(self):
        return organisation_or_404(self.page.translation_key)


def is_uuid(value):
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


class InviteForm(ChooseOrganisationForm):
    label = gettext_lazy("Organisation")
    help_text = gettext_lazy(
        "Type its name (or part of it): organisations whose profile is public on the portal."
    )
    nothing = gettext_lazy("No public organisation of the portal is named “%(name)s”.")
    several = gettext_lazy("Several organisations match: choose one.")

    def __init__(self, network, *args, **kwargs):
        super().__init__(network, *args, prefix="invite", **kwargs)

    def base_queryset(self):
        return OrganisationPage.objects.all()

    def search_url(self):
        return reverse("networks_choose_member", args=[self.owner.translation_key])


class AskToJoinForm(ChooseOrganisationForm):
    label = gettext_lazy("Network")
    help_text = gettext_lazy(
        "Type its name (or part of it): networks whose profile is public on the portal."
    )
    nothing = gettext_lazy("No public network of the portal is named “%(name)s”.")
    several = gettext_lazy("Several networks match: choose one.")

    def __init__(self, organisation, *args, **kwargs):
        super().__init__(organisation, *args, prefix="ask", **kwargs)

    def base_queryset(self):
        return OrganisationPage.objects.filter(kind=OrganisationKind.NETWORK)

    def search_url(self):
        return reverse("networks_choose_network", args=[self.owner.translation_key])


class OutsideMemberForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=255)
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)
    website = forms.URLField(label=gettext_lazy("Website"), required=False, assume_scheme="https")
    role = RoleField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="outside", **kwargs)
        names = sorted(
            ((code, name) for code, name in country_names().items() if code),
            key=lambda pair: pair[1],
        )
        self.fields["country"].choices = [("", _("Not said"))] + names


# Rows ------------------------------------------------------------------------------------------


class Row:
    """A membership as a screen lists it: the other side's name and what the user may do."""

    def __init__(self, membership, name, country, actions):
        self.membership = membership
        self.name = name
        self.country = country
        self.actions = actions


def actions_for(membership, key, editable):
    """The buttons of the side `key` on a membership: accept and decline what waits for its
    answer, end (or withdraw) what is still open."""
    if not editable:
        return []
    pk = membership.pk
    if memberships.answering_side(membership) == key:
        return [
            (_("Accept"), reverse("networks_accept", args=[pk]), ""),
            (_("Decline"), reverse("networks_decline", args=[pk]), "button-secondary"),
        ]
    if membership.state == MembershipState.ACTIVE:
        return [(_("End the membership"), reverse("networks_end", args=[pk]), "button-secondary")]
    if membership.state in OPEN_STATES:
        return [(_("Withdraw"), reverse("networks_end", args=[pk]), "button-secondary")]
    return []


#: The sections of a memberships' screen, each paginated on its own: (name, the query
#: parameter of its page number).
SECTIONS = (
    ("active", "active"),
    ("to_answer", "to_answer"),
    ("waiting", "waiting"),
    ("history", "history"),
)


def section_filters(key):
    """The memberships of the side `key` in each section: active, waiting for this side's
    answer, waiting for the other side's, and history (declined or ended)."""
    return {
        "active": Q(state=MembershipState.ACTIVE),
        "to_answer": Q(state=MembershipState.INVITED, member_key=key)
        | Q(state=MembershipState.REQUESTED, network_key=key),
        "waiting": Q(state=MembershipState.INVITED, network_key=key)
        | Q(state=MembershipState.REQUESTED, member_key=key),
        "history": Q(state__in=[MembershipState.DECLINED, MembershipState.ENDED]),
    }


def section_page(request, queryset, param):
    """The page of `queryset` the request asks for in `param`; not a number or out of range is
    404, as the other listings."""
    paginator = Paginator(queryset, MEMBERSHIPS_PER_PAGE)
    try:
        return paginator.page(request.GET.get(param) or 1)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(str(error)) from error


def rows(request, queryset, key, other_side, editable):
    """The memberships of the side `key`, in sections (see `section_filters`), each a page of
    MEMBERSHIPS_PER_PAGE rows with the query of its pagination's links."""
    filters = section_filters(key)
    pages = {}
    for name, param in SECTIONS:
        page = section_page(
            request, queryset.filter(filters[name]).order_by("-created_at", "-pk"), param
        )
        page.object_list = list(page.object_list)
        query = request.GET.copy()
        query.pop(param, None)
        page.param, page.query = param, query.urlencode()
        pages[name] = page
    items = [membership for page in pages.values() for membership in page.object_list]
    names = organisation_names(
        [getattr(m, other_side) for m in items if getattr(m, other_side) is not None]
    )
    countries = country_names()
    for page in pages.values():
        page.object_list = [
            Row(
                membership,
                names[other].title
                if (other := getattr(membership, other_side)) in names
                else membership.outside_name,
                countries.get(membership.country, membership.country),
                actions_for(membership, key, editable),
            )
            for membership in page.object_list
        ]
    return pages


# Screens ---------------------------------------------------------------------------------------


@refusing
def members_view(request, key):
    """A network's members: GET the screen; POST `action` "invite" or "outside"."""
    network = organisation_or_404(key)
    if not network.is_network:
        raise Http404
    level = access(request.user, network)
    invite_form, outside_form = InviteForm(network), OutsideMemberForm()
    if request.method == "POST":
        if level != EDIT:
            raise PermissionDenied
        action = request.POST.get("action")
        if action == "invite":
            invite_form = InviteForm(network, request.POST)
            if invite_form.is_valid():
                member = invite_form.chosen()
                try:
                    membership = memberships.invite(
                        network, member, request.user, role=invite_form.cleaned_data["role"]
                    )
                except ValidationError as error:
                    invite_form.add_error(None, error)
                else:
                    emails.send_invitation(membership)
                    messages.success(
                        request,
                        _("%(name)s is invited: it becomes a member once its editors accept.")
                        % {"name": member.title},
                    )
                    return redirect("networks_members", key)
        elif action == "outside":
            outside_form = OutsideMemberForm(request.POST)
            if outside_form.is_valid():
                data = outside_form.cleaned_data
                try:
                    memberships.add_outside_member(
                        network,
                        request.user,
                        data["name"],
                        country=data["country"],
                        website=data["website"],
                        role=data["role"],
                    )
                except ValidationError as error:
                    outside_form.add_error(None, error)
                else:
                    messages.success(
                        request, _("%(name)s is added to the members.") % {"name": data["name"]}
                    )
                    return redirect("networks_members", key)
        else:
            return HttpResponseBadRequest()
    elif request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    groups = rows(
        request,
        Membership.objects.of_network(network),
        network.translation_key,
        "member_key",
        level == EDIT,
    )
    title = _("Members of %(name)s") % {"name": shown_name(network)}
    return TemplateResponse(
        request,
        "networks/admin/members.html",
        {
            "network": network,
            "editable": level == EDIT,
            "groups": groups,
            "invite_form": invite_form,
            "outside_form": outside_form,
            "page_title": title,
            "header_title": title,
            "header_icon": "group",
            "edit_url": reverse("wagtailadmin_pages:edit", args=[network.pk]),
            "networks_url": reverse("networks_of_organisation", args=[key]),
        },
    )


@refusing
def organisation_networks_view(request, key):
    """An organisation's networks: GET the screen; POST a request to join one."""
    organisation = organisation_or_404(key)
    level = access(request.user, organisation)
    ask_form = AskToJoinForm(organisation)
    if request.method == "POST":
        if level != EDIT:
            raise PermissionDenied
        ask_form = AskToJoinForm(organisation, request.POST)
        if ask_form.is_valid():
            network = ask_form.chosen()
            try:
                membership = memberships.ask_to_join(
                    organisation, network, request.user, role=ask_form.cleaned_data["role"]
                )
            except ValidationError as error:
                ask_form.add_error(None, error)
            else:
                emails.send_request(membership)
                messages.success(
                    request,
                    _("Your request is sent to %(name)s: you become a member once it accepts.")
                    % {"name": network.title},
                )
                return redirect("networks_of_organisation", key)
    elif request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    groups = rows(
        request,
        Membership.objects.of_member(organisation),
        organisation.translation_key,
        "network_key",
        level == EDIT,
    )
    title = _("Networks of %(name)s") % {"name": shown_name(organisation)}
    return TemplateResponse(
        request,
        "networks/admin/organisation_networks.html",
        {
            "organisation": organisation,
            "editable": level == EDIT,
            "groups": groups,
            "ask_form": ask_form,
            "page_title": title,
            "header_title": title,
            "header_icon": "group",
            "members_url": (
                reverse("networks_members", args=[key]) if organisation.is_network else ""
            ),
        },
    )


@refusing
def index_view(request):
    """The user's organisations, each with its screens; the networks the user follows up."""
    role = Role.of(request.user)
    own = list(
        OrganisationPage.objects.of_member(request.user)
        .first_versions()
        .select_related("locale")
        .order_by("title", "pk")
    )
    followed = None
    if role.follows_up:
        networks = (
            OrganisationPage.objects.followed_by(request.user)
            .filter(kind=OrganisationKind.NETWORK)
            .first_versions()
            .order_by("title", "pk")
        )
        followed = paginate(request, networks, NETWORKS_PER_PAGE)
        followed.object_list = list(followed.object_list)
        tallies = (
            Membership.objects.filter(network_key__in=[page.translation_key for page in followed])
            .order_by()
            .values("network_key")
            .annotate(
                active=Count("pk", filter=Q(state=MembershipState.ACTIVE)),
                waiting=Count(
                    "pk",
                    filter=Q(state__in=[MembershipState.INVITED, MembershipState.REQUESTED]),
                ),
            )
        )
        counts = {row["network_key"]: row for row in tallies}
        for page in followed:
            page.membership_counts = counts.get(page.translation_key, {})
    if not own and followed is None:
        raise PermissionDenied
    title = _("Networks")
    return TemplateResponse(
        request,
        "networks/admin/index.html",
        {
            "own": own,
            "followed": followed,
            "page_title": title,
            "header_title": title,
            "header_icon": "group",
        },
    )


# Answers and ends ------------------------------------------------------------------------------


def _act(request, pk, action):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    # A membership that does not exist is refused as one of others' is: the answer does not
    # tell which exist.
    membership = Membership.objects.filter(pk=pk).first() or Membership()
    role = Role.of(request.user)
    if not (role.belongs_to(membership.network_key) or role.belongs_to(membership.member_key)):
        raise PermissionDenied
    state_before = membership.state
    try:
        action(membership, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        return membership, state_before
    return None, None


@refusing
def answer_view(request, pk, accepting):
    done = _act(request, pk, memberships.accept if accepting else memberships.decline)
    if not isinstance(done, tuple):
        return done
    membership, state_before = done
    if membership is not None:
        emails.send_answer(membership, state_before == MembershipState.INVITED)
        names = organisation_names([membership.network_key, membership.member_key])
        values = {
            "network": getattr(names.get(membership.network_key), "title", ""),
            "member": getattr(names.get(membership.member_key), "title", ""),
        }
        if accepting:
            text = _("%(member)s is now a member of %(network)s.")
        else:
            text = _("The membership of %(member)s in %(network)s is declined.")
        messages.success(request, text % values)
    return redirect(safe_next(request, reverse("wagtailadmin_home")))


def accept_view(request, pk):
    return answer_view(request, pk, accepting=True)


def decline_view(request, pk):
    return answer_view(request, pk, accepting=False)


@refusing
def end_view(request, pk):
    """Either side ends a membership (or withdraws its proposal). The end of an active
    membership is emailed to the other side's users; a withdrawal is not."""
    done = _act(request, pk, memberships.end)
    if not isinstance(done, tuple):
        return done
    membership, state_before = done
    if membership is not None:
        if state_before == MembershipState.ACTIVE:
            ended_by_network = memberships.edits(request.user, membership.network_key)
            emails.send_ended(membership, ended_by_network)
        messages.success(request, _("The membership has ended; it stays in the history."))
    return redirect(safe_next(request, reverse("wagtailadmin_home")))


@refusing
def choices_view(request, key, form_class):
    """The live organisations (or networks) whose name holds the words of `q`, for the
    type-ahead of the invitation (or request) form: at most CHOICES_SHOWN, as JSON. For the
    organisation's own editors only, as the form itself."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    owner = organisation_or_404(key)
    if form_class is InviteForm and not owner.is_network:
        raise Http404
    if access(request.user, owner) != EDIT:
        raise PermissionDenied
    form = form_class(owner)
    text = request.GET.get("q", "")[:255]
    found = matching(form.queryset, text)
    return JsonResponse(
        {
            "results": [
                {"key": key, "name": page.title, "label": label}
                for page, (key, label) in zip(found, labelled(found), strict=True)
            ]
        }
    )


def admin_urls():
    return [
        path("networks/", index_view, name="networks_index"),
        path("networks/<uuid:key>/members/", members_view, name="networks_members"),
        path(
            "networks/<uuid:key>/memberships/",
            organisation_networks_view,
            name="networks_of_organisation",
        ),
        path(
            "networks/<uuid:key>/members/choices/",
            choices_view,
            {"form_class": InviteForm},
            name="networks_choose_member",
        ),
        path(
            "networks/<uuid:key>/memberships/choices/",
            choices_view,
            {"form_class": AskToJoinForm},
            name="networks_choose_network",
        ),
        path("networks/memberships/<int:pk>/accept/", accept_view, name="networks_accept"),
        path("networks/memberships/<int:pk>/decline/", decline_view, name="networks_decline"),
        path("networks/memberships/<int:pk>/end/", end_view, name="networks_end"),
    ]


# The admin home --------------------------------------------------------------------------------


class AnswersPanel(Component):
    """On an organisation user's admin home: the invitations and requests to join that wait for
    the answer of one of their organisations, with Accept and Decline."""

    name = "network_answers"
    order = 45
    template_name = "networks/admin/answers_panel.html"

    def __init__(self, waiting):
        self.waiting = waiting

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        names = organisation_names(
            [m.network_key for m in self.waiting] + [m.member_key for m in self.waiting]
        )
        items = []
        for membership in self.waiting:
            network, member = names.get(membership.network_key), names.get(membership.member_key)
            if network is None or member is None:
                continue
            invited = membership.state == MembershipState.INVITED
            items.append(
                {
                    "membership": membership,
                    "invited": invited,
                    "network": network,
                    "member": member,
                    "actions": actions_for(
                        membership, memberships.answering_side(membership), True
                    ),
                    "screen_url": reverse(
                        "networks_of_organisation" if invited else "networks_members",
                        args=[membership.member_key if invited else membership.network_key],
                    ),
                }
            )
        context["items"] = items
        context["next"] = reverse("wagtailadmin_home")
        # The panel is rendered from this context alone: its forms need the request's token.
        context["csrf_token"] = get_token(parent_context["request"])
        return context


def waiting_for(user):
    """The memberships waiting for the answer of one of the user's organisations."""
    keys = Role.of(user).organisation_keys
    if not keys:
        return []
    return list(
        Membership.objects.filter(
            Q(state=MembershipState.INVITED, member_key__in=keys)
            | Q(state=MembershipState.REQUESTED, network_key__in=keys)
        ).order_by("created_at", "pk")
    )


def add_answers_panel(request, panels):
    waiting = waiting_for(request.user)
    if waiting:
        panels.append(AnswersPanel(waiting))
