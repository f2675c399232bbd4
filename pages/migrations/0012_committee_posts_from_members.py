"""The committee members become people holding posts, and the snapshot's school names schools.

Each member's name and position are moved, in every language they were written in, to a person
(one person for the same name on several committees), and their place on the committee to a
post. The academic title typed into the name ("Professor Huang Ailong", "黄爱龙教授") becomes
the person's title. The schools the teaching snapshot named become schools of CQMU.
"""

from django.db import migrations

from jeiweb.i18n.slugs import is_chinese, name_sort_key, slug_for

TITLES = {"en": ("Professor ", "Prof. "), "zh-hans": ("教授",)}


def split_title(name, language):
    """(name, title) of a name typed with its title: before it in English, after it in Chinese."""
    name = name.strip()
    for title in TITLES.get(language, ()):
        if language == "en" and name.startswith(title):
            return name[len(title) :].strip(), title.strip()
        if language != "en" and name.endswith(title):
            return name[: -len(title)].strip(), title
    return name, ""


def unique(value, taken):
    candidate, number = value or "person", 2
    while candidate in taken:
        candidate, number = f"{value}-{number}", number + 1
    taken.add(candidate)
    return candidate


def sort_key(names):
    native = next((name for name in names.values() if is_chinese(name)), names.get("en", ""))
    if is_chinese(native):
        return name_sort_key(native[:1], native[1:])
    words = native.split()
    return name_sort_key(words[-1] if words else "", " ".join(words[:-1]))


def members_to_posts(apps, schema_editor):
    CommitteeMember = apps.get_model("pages", "CommitteeMember")
    Person = apps.get_model("pages", "Person")
    PersonTranslation = apps.get_model("pages", "PersonTranslation")
    Post = apps.get_model("pages", "Post")
    keys = set(Person.objects.values_list("key", flat=True))
    slugs = {}
    people = {}
    for member in CommitteeMember.objects.order_by("committee_id", "order", "pk"):
        texts = {t.language_code: t for t in member.translations.all()}
        split = {code: split_title(t.name, code) for code, t in texts.items()}
        names = {code: name for code, (name, _title) in split.items()}
        identity = names.get("en") or next(iter(names.values()), str(member.pk))
        person = people.get(identity)
        if person is None:
            person = Person.objects.create(
                key=unique(slug_for(identity, max_length=70), keys),
                university=member.university,
                sort_key=sort_key(names),
            )
            for code, text in texts.items():
                taken = slugs.setdefault(
                    code,
                    set(PersonTranslation.objects.filter(language_code=code).values_list("slug", flat=True)),
                )
                PersonTranslation.objects.create(
                    master=person,
                    language_code=code,
                    name=names[code],
                    title=split[code][1],
                    position=text.position,
                    slug=unique(slug_for(names[code]), taken),
                )
            people[identity] = person
        Post.objects.create(committee_id=member.committee_id, person=person, role=member.role, order=member.order)


def posts_to_members(apps, schema_editor):
    CommitteeMember = apps.get_model("pages", "CommitteeMember")
    CommitteeMemberTranslation = apps.get_model("pages", "CommitteeMemberTranslation")
    for post in apps.get_model("pages", "Post").objects.select_related("person"):
        member = CommitteeMember.objects.create(
            committee_id=post.committee_id, role=post.role, university=post.person.university, order=post.order
        )
        for text in post.person.translations.all():
            title = text.title
            if not title:
                name = text.name
            elif is_chinese(title):
                name = f"{text.name}{title}" if is_chinese(text.name) else f"{text.name} {title}"
            else:
                name = f"{title} {text.name}"
            CommitteeMemberTranslation.objects.create(
                master=member, language_code=text.language_code, name=name, position=text.position
            )


def source_schools_to_schools(apps, schema_editor):
    SourceSchool = apps.get_model("pages", "SourceSchool")
    School = apps.get_model("pages", "School")
    SchoolTranslation = apps.get_model("pages", "SchoolTranslation")
    keys = set(School.objects.values_list("key", flat=True))
    known = set(SchoolTranslation.objects.filter(language_code="en").values_list("name", flat=True))
    for source in SourceSchool.objects.order_by("profile_id", "order", "pk"):
        texts = list(source.translations.all())
        english = next((t.name for t in texts if t.language_code == "en"), texts[0].name if texts else "")
        if english in known:
            continue
        known.add(english)
        school = School.objects.create(
            key=unique(slug_for(english, max_length=70), keys), university="cqmu", order=source.order
        )
        for text in texts:
            SchoolTranslation.objects.create(master=school, language_code=text.language_code, name=text.name)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0011_people_and_teams"),
    ]

    operations = [
        migrations.RunPython(members_to_posts, posts_to_members),
        migrations.RunPython(source_schools_to_schools, migrations.RunPython.noop),
    ]
