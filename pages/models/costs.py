"""The whole cost of a programme: what a family budgets, stage by stage, in yuan and in pounds.

A joint programme is paid partly in China (yuan) and partly at Leicester (pounds). Staff enter
each stage's yearly fee, accommodation and living estimate in the stage's own currency, and
one exchange rate with the date they set it; every total is computed from those, never typed.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from jeiweb.content import site_content
from jeiweb.content.publishing import Publishable, PublishableQuerySet
from jeiweb.i18n.status import last_changed_field
from pages.models.facts import Currency, academic_year_display


def money(amount):
    """A whole amount, grouped by thousands: 1,234,567."""
    return f"{amount.quantize(Decimal(1), rounding=ROUND_HALF_UP):,}"


@dataclass(frozen=True)
class Amount:
    """An amount of money in yuan and in pounds (one of them converted at the cost's rate)."""

    cny: Decimal
    gbp: Decimal

    @property
    def cny_display(self):
        return money(self.cny)

    @property
    def gbp_display(self):
        return money(self.gbp)


class CostOfStudyQuerySet(PublishableQuerySet, models.QuerySet):
    def with_stages(self):
        return self.prefetch_related("stages__translations")

    def current_for(self, programme, now=None):
        """The costs visitors read: those of the latest published year of entry."""
        return (
            self.visible(now=now).filter(programme=programme).with_stages().order_by("-intake_year").first()
        )


@site_content(children=("stages",))
class CostOfStudy(Publishable):
    """The cost of a programme for students entering in one year: its stages (below) and the
    exchange rate their totals are computed at. A new one is a draft until staff publish it."""

    programme = models.ForeignKey(
        "pages.Programme", on_delete=models.CASCADE, related_name="costs", verbose_name=_("programme")
    )
    intake_year = models.PositiveSmallIntegerField(
        _("year of entry"), help_text=_("The year the students these costs are for begin the programme.")
    )
    gbp_to_cny = models.DecimalField(
        _("yuan to the pound"),
        max_digits=8,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0.0001"))],
        help_text=_("How many yuan one pound buys: every total is converted at this rate."),
    )
    rate_date = models.DateField(_("date of the exchange rate"))

    objects = CostOfStudyQuerySet.as_manager()

    class Meta:
        ordering = ["programme", "-intake_year"]
        verbose_name = _("cost of study")
        verbose_name_plural = _("costs of study")
        constraints = [
            models.UniqueConstraint(fields=["programme", "intake_year"], name="one_cost_per_programme_intake")
        ]

    def __str__(self):
        return f"{self.programme} ({academic_year_display(self.intake_year)})"

    def convert(self, amount, currency):
        """`amount` in `currency` as an `Amount` in both currencies, at this cost's rate."""
        if currency == Currency.GBP:
            return Amount(cny=amount * self.gbp_to_cny, gbp=amount)
        return Amount(cny=amount, gbp=amount / self.gbp_to_cny)

    @property
    def stage_list(self):
        return list(self.stages.all())

    @property
    def total(self):
        """The whole programme, every stage for all its years, in yuan and in pounds."""
        totals = [stage.total for stage in self.stage_list]
        return Amount(
            cny=sum((t.cny for t in totals), Decimal(0)), gbp=sum((t.gbp for t in totals), Decimal(0))
        )


def fee_field(verbose_name):
    return models.DecimalField(
        verbose_name, max_digits=10, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )


@site_content
class CostStage(TranslatableModel):
    """A year or stage of the programme, with its yearly costs in the currency they are paid in."""

    cost = models.ForeignKey(CostOfStudy, on_delete=models.CASCADE, related_name="stages")
    translations = TranslatedFields(
        changed=last_changed_field(),
        title=models.CharField(
            _("stage"), max_length=120, help_text=_("For example “Years 1–3, Chongqing”.")
        ),
    )
    years = models.PositiveSmallIntegerField(
        _("years"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("How many years the stage lasts."),
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, default=Currency.CNY)
    tuition = fee_field(_("tuition a year"))
    accommodation = fee_field(_("accommodation a year"))
    living = fee_field(_("living costs a year (estimate)"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.order)

    @property
    def per_year(self):
        return self.tuition + self.accommodation + self.living

    @property
    def total(self):
        """The stage for all its years, in yuan and in pounds."""
        return self.cost.convert(self.per_year * self.years, self.currency)

    def amount_display(self, name):
        return money(getattr(self, name))

    @property
    def tuition_display(self):
        return self.amount_display("tuition")

    @property
    def accommodation_display(self):
        return self.amount_display("accommodation")

    @property
    def living_display(self):
        return self.amount_display("living")
