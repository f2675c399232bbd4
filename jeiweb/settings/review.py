"""Review before publishing (jeiweb/content/review.py). `base.py` imports it."""

import environ

env = environ.Env()  # base.py has read .env into the environment already

# The two-person rule: a writer's article or event is published only by an approver (News
# editors, Page editors, superusers). Off (a one-person office), whoever may change a record
# may publish it, and nothing waits for review.
REVIEW_REQUIRED = env.bool("REVIEW_REQUIRED", default=True)
