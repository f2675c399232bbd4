"""Two app servers behind one address behave as one site: two real gunicorn servers share the
PostgreSQL database, the Redis cache and the media bucket (moto's S3 server over real HTTP),
and each keeps its own local disk, as on two machines.

PostgreSQL, Redis and moto_server are needed: without them the test skips on a user's machine
and fails in CI. On SQLite it skips (CI runs it in its PostgreSQL round).
"""

import html.parser
import http.cookiejar
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from PIL import Image

from tests.news.factories import image_bytes
from tests.support.second_factor import app_code, enrol_app_code
from tests.support.server import free_port, served_site

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="two app servers share a PostgreSQL database (DATABASE_URL=postgres://...)",
)

REDIS_URL = "redis://127.0.0.1:6379/9"  # a database number of its own, flushed at the start
BUCKET = "jeiweb-media"
CREDENTIALS = {"S3_ACCESS_KEY_ID": "testing", "S3_SECRET_ACCESS_KEY": "testing", "S3_REGION": "us-east-1"}
# Visitors read media straight from the bucket: uploads are made public-read.
PUBLIC = {"S3_DEFAULT_ACL": "public-read"}


def missing(reason):
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def redis_url():
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.flushdb()
    except redis.exceptions.ConnectionError:
        missing("no Redis on 127.0.0.1:6379 (redis-server --daemonize yes --save '')")
    yield REDIS_URL
    client.flushdb()


@pytest.fixture(scope="module")
def s3_endpoint():
    """moto's standalone S3 server on a free port, with the media bucket created."""
    import boto3

    command = shutil.which("moto_server", path=os.path.dirname(sys.executable)) or shutil.which("moto_server")
    if command is None:
        missing("no moto_server (pip install -r requirements-dev.txt)")
    port = free_port()
    process = subprocess.Popen(
        [command, "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    endpoint = f"http://127.0.0.1:{port}"
    try:
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
            region_name="us-east-1",
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                client.create_bucket(Bucket=BUCKET)
                break
            except Exception:  # refused while moto starts
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory, redis_url, s3_endpoint, site_seed):
    environment = {"CACHE_URL": redis_url, "S3_BUCKET": BUCKET, "S3_ENDPOINT_URL": s3_endpoint}
    environment.update(CREDENTIALS, **PUBLIC)
    workdir = tmp_path_factory.mktemp("scale-out")
    # Two servers of one worker each: what they share is tested, not a server's own workers.
    with served_site(workdir, site_seed, servers=2, workers=1, environment=environment) as site:
        site.manage(
            "shell",
            "-c",
            "from django.contrib.auth.models import User\n"
            "User.objects.create_superuser('staff', '', 'staff-pw')\n" + enrol_app_code("staff"),
        )
        yield site


class FormFields(html.parser.HTMLParser):
    """The fields a browser would submit from the page's form with the given id."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in {"submit", "button", "file"}:
            if attrs.get("type") not in {"checkbox", "radio"} or "checked" in attrs:
                self.fields.append((name, attrs.get("value", "on")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value", "")))

    def handle_data(self, data):
        if self.textarea:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select":
            self.select = None


class Browser:
    """A staff member's browser on one server: cookies, CSRF token and forms, over real HTTP."""

    def __init__(self, base_url):
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path):
        with self.opener.open(self.base_url + path, timeout=60) as response:
            return response.read().decode()

    def csrf_token(self):
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def post(self, path, body, content_type="application/x-www-form-urlencoded"):
        request = urllib.request.Request(
            self.base_url + path,
            data=body,
            headers={
                "Content-Type": content_type,
                "X-CSRFToken": self.csrf_token(),
                "Referer": self.base_url,
            },
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def submit(self, path, form_id, changes):
        form = FormFields(form_id)
        form.feed(self.get(path))
        fields = [(name, value) for name, value in form.fields if name not in changes]
        fields += [(name, value) for name, values in changes.items() for value in values]
        return self.post(path, urllib.parse.urlencode(fields).encode())

    def log_in(self, username, password):
        self.get("/en/admin/login/")
        credentials = {"username": [username], "password": [password]}
        self.submit("/en/admin/login/", "login-form", credentials)
        # The second step: the code of the account's authenticator app.
        status, page = self.submit("/en/admin/second-factor/", "second-factor-form", {"code": [app_code()]})
        assert status == 200 and "Log out" in page, page[:2000]

    def upload(self, path, name, content):
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                f"Content-Type: image/jpeg\r\n\r\n"
            ).encode()
            + content
            + f"\r\n--{boundary}--\r\n".encode()
        )
        return self.post(path, body, f"multipart/form-data; boundary={boundary}")


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read()


def test_an_edit_and_a_photo_made_through_one_server_show_on_the_other_at_once(two_servers, s3_endpoint):
    server_a, server_b = two_servers.urls
    # Server B renders the home page into the shared (Redis) page cache.
    home_before = fetch(server_b + "/en/").decode()
    assert fetch(server_b + "/en/").decode() == home_before  # served from the cache

    staff = Browser(server_a)
    staff.log_in("staff", "staff-pw")
    photo = image_bytes((1200, 800))
    status, answer = staff.upload("/en/admin/filer/clipboard/operations/upload/no_folder/", "lab.jpg", photo)
    assert status == 200, answer
    upload = json.loads(answer)
    # The original lives in the bucket, not on server A's disk: its URL is the S3 endpoint's.
    assert upload["original_image"].startswith(f"{s3_endpoint}/{BUCKET}/media/filer_public/")
    # The same photo (re-encoded without its metadata on upload: jeiweb/security/uploads.py).
    stored = Image.open(io.BytesIO(fetch(upload["original_image"])))
    assert (stored.format, stored.size) == ("JPEG", (1200, 800))

    title = f"Two servers, one site {uuid.uuid4().hex[:8]}"
    status, page = staff.submit(
        "/en/admin/news/article/add/?language=en",
        "article_form",
        {
            "title": [title],
            "slug": [re.sub(r"\W+", "-", title.lower())],
            "summary": ["Published through server A."],
            "status": ["published"],
            "is_featured": ["on"],
            "featured_image": [str(upload["file_id"])],
            "image_alt": ["A laboratory"],
            "_save": ["Save"],
        },
    )
    assert status == 200 and "was added successfully" in page, page[:3000]

    # Server B shows the new article at once: the save on A cleared the page cache in Redis.
    home_after = fetch(server_b + "/en/").decode()
    assert title in home_after
    assert title not in home_before

    # And its photo, in renditions that server B made and stored in the bucket.
    renditions = re.findall(r'srcset="([^"]+)"', home_after)
    urls = [entry.split()[0] for srcset in renditions for entry in srcset.split(", ") if "lab.jpg" in entry]
    assert urls, "no rendition of the uploaded photo on server B's home page"
    for url in urls:
        url = urllib.parse.urljoin(server_b, url.replace("&amp;", "&"))
        assert url.startswith(f"{s3_endpoint}/{BUCKET}/media/"), url
        rendition = Image.open(io.BytesIO(fetch(url)))
        assert rendition.width * 800 == pytest.approx(rendition.height * 1200, rel=0.02)
