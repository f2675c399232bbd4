"""Short Chinese programme titles: the English name is now shown under them as a subtitle.

Only the titles exactly as the first fixtures loaded them are shortened; a title staff have
edited is left alone.
"""

from django.db import migrations

SHORTER = {
    "临床医学（Clinical Medicine / Clinical Sciences BSc）": "临床医学",
    "精神医学 / 心理学（Psychiatry / Psychology BSc）": "精神医学 / 心理学",
    "康复治疗 / 物理治疗（Rehabilitation / Physiotherapy BSc）": "康复治疗 / 物理治疗",
    "肿瘤学 / 癌细胞与分子生物学（Oncology / Cancer Cell and Molecular Biology MSc）": "肿瘤学 / 癌细胞与分子生物学",
}


def shorten(apps, schema_editor):
    Translation = apps.get_model("pages", "ProgrammeTranslation")
    for long_title, short_title in SHORTER.items():
        Translation.objects.filter(language_code="zh-hans", title=long_title).update(title=short_title)


def lengthen(apps, schema_editor):
    Translation = apps.get_model("pages", "ProgrammeTranslation")
    for long_title, short_title in SHORTER.items():
        Translation.objects.filter(language_code="zh-hans", title=short_title).update(title=long_title)


class Migration(migrations.Migration):
    dependencies = [("pages", "0003_programme_facts")]

    operations = [migrations.RunPython(shorten, lengthen)]
