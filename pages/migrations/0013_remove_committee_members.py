"""The committee members and the snapshot's school names, now people, posts and schools
(0012 moved them), are removed: each translation table before its record's."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0012_committee_posts_from_members"),
    ]

    operations = [
        migrations.DeleteModel(name="CommitteeMemberTranslation"),
        migrations.DeleteModel(name="CommitteeMember"),
        migrations.DeleteModel(name="SourceSchoolTranslation"),
        migrations.DeleteModel(name="SourceSchool"),
    ]
