"""The base of our factory_boy factories for django-parler models: a record with its translations.

A factory declares `translations`, {language: {field: value}} (usually a `factory.Sequence`, so
that slugs differ), and the record gets one translation for each language in `languages` (both
by default). A translated field given by name (`title="Secret draft"`) sets it in every language.
"""

import factory

LANGUAGES = ("en", "zh-hans")


class TranslatedFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    languages = LANGUAGES
    translations = factory.Dict({})
    # Run the model's validation (clean) before saving, as the admin and the loader do.
    _full_clean = False

    @classmethod
    def _translated(cls, model_class, kwargs):
        """The record, unsaved, with a translation in each language."""
        languages = kwargs.pop("languages")
        per_language = kwargs.pop("translations")
        translated_names = set(model_class._parler_meta.get_translated_fields())
        shared = {name: kwargs.pop(name) for name in list(kwargs) if name in translated_names}
        instance = model_class(**kwargs)
        for language in languages:
            instance.set_current_language(language)
            for name, value in {**per_language.get(language, {}), **shared}.items():
                setattr(instance, name, value)
        instance.set_current_language(languages[0])
        return instance

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        return cls._translated(model_class, kwargs)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        instance = cls._translated(model_class, kwargs)
        if cls._full_clean:
            instance.full_clean()
        instance.save()  # the record and every translation
        return instance

    @classmethod
    def bulk(cls, count, **fields):
        """`count` records written with bulk_create: a few queries whatever the count and no
        save signals (no page cache or search index work per record), for query budgets and
        long lists. Relations (many-to-many) are the caller's to add."""
        model = cls._meta.model
        translation_model = model._parler_meta.root_model
        records = model._default_manager.bulk_create(cls.build_batch(count, **fields))
        translations = []
        for record in records:
            for translation in record._translations_cache[translation_model].values():
                if isinstance(translation, translation_model):
                    translation.master = record
                    translations.append(translation)
        translation_model.objects.bulk_create(translations)
        return records
