"""What parents ask of a programme, as numbers and dates: length of study, tuition, key dates.

The text facts (language of instruction, entry requirements, placements, careers) are
translated fields of `Programme` itself; the degree of each university and the curriculum
are related records (pages/models/curriculum.py). Every fact is optional: the sources state
none of them, so a fact is shown only once staff have entered it.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class Currency(models.TextChoices):
    CNY = "CNY", _("yuan (CNY)")
    GBP = "GBP", _("pounds sterling (GBP)")


# The key dates of an intake, in the order they must come.
KEY_DATES = (
    ("application_opens", _("Applications open")),
    ("application_closes", _("Application deadline")),
    ("results_on", _("Results")),
    ("starts_on", _("Programme starts")),
)


def optional_number(verbose_name, least, most, **kwargs):
    """A whole number staff may leave empty (a fact not stated is not shown), from `least` to `most`."""
    return models.PositiveSmallIntegerField(
        verbose_name,
        null=True,
        blank=True,
        validators=[MinValueValidator(least), MaxValueValidator(most)],
        **kwargs,
    )


def academic_year_display(start_year):
    return _("%(start)s–%(end)s academic year") % {"start": start_year, "end": start_year + 1}


class ProgrammeFacts(models.Model):
    """The numbers and dates of a programme (an abstract part of `Programme`)."""

    duration_months = optional_number(
        _("length of study in months"),
        1,
        120,
        help_text=_("For example 60 for five years, 18 for a year and a half."),
    )
    tuition_amount = models.DecimalField(
        _("annual tuition"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("The fee for one academic year, as published by the university."),
    )
    tuition_currency = models.CharField(
        _("currency of the tuition"), max_length=3, choices=Currency.choices, blank=True
    )
    tuition_year = optional_number(
        _("academic year of the tuition"),
        2000,
        2100,
        help_text=_("The year the academic year starts: 2025 for 2025–2026."),
    )
    application_opens = models.DateField(_("applications open"), null=True, blank=True)
    application_closes = models.DateField(_("application deadline"), null=True, blank=True)
    results_on = models.DateField(_("results published"), null=True, blank=True)
    starts_on = models.DateField(_("programme starts"), null=True, blank=True)

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        tuition = [
            self.tuition_amount is not None,
            bool(self.tuition_currency),
            self.tuition_year is not None,
        ]
        if any(tuition) and not all(tuition):
            message = _("Give the amount, its currency and the academic year together, or none of them.")
            for name, given in zip(
                ("tuition_amount", "tuition_currency", "tuition_year"), tuition, strict=True
            ):
                if not given:
                    errors[name] = message
        known = [(name, getattr(self, name)) for name, _label in KEY_DATES if getattr(self, name)]
        for (_earlier, before), (later, after) in zip(known, known[1:], strict=False):
            if after < before:
                errors[later] = _(
                    "The dates are out of order: applications open, deadline, results, then the start."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def duration_display(self):
        """“5 years”, “18 months” or “5 years 6 months” (“5年”, “18个月”, “5年6个月”)."""
        if not self.duration_months:
            return ""
        years, months = divmod(self.duration_months, 12)
        if not years:
            return ngettext("%(n)s month", "%(n)s months", months) % {"n": months}
        text = ngettext("%(n)s year", "%(n)s years", years) % {"n": years}
        if not months:
            return text
        return _("%(years)s %(months)s") % {
            "years": text,
            "months": ngettext("%(n)s month", "%(n)s months", months) % {"n": months},
        }

    @property
    def duration_iso(self):
        """The length of study as an ISO 8601 duration (schema.org's timeToComplete)."""
        if not self.duration_months:
            return ""
        years, months = divmod(self.duration_months, 12)
        return "P" + (f"{years}Y" if years else "") + (f"{months}M" if months else "")

    @property
    def has_tuition(self):
        return (
            self.tuition_amount is not None and bool(self.tuition_currency) and self.tuition_year is not None
        )

    @property
    def tuition_amount_display(self):
        amount = self.tuition_amount
        return f"{amount:,.0f}" if amount == amount.to_integral_value() else f"{amount:,.2f}"

    @property
    def tuition_display(self):
        if not self.has_tuition:
            return ""
        return _("%(amount)s %(currency)s a year (%(year)s)") % {
            "amount": self.tuition_amount_display,
            "currency": self.get_tuition_currency_display(),
            "year": academic_year_display(self.tuition_year),
        }

    @property
    def key_dates(self):
        """The key dates that are set, in order, as (label, date) pairs."""
        return [(label, getattr(self, name)) for name, label in KEY_DATES if getattr(self, name)]
