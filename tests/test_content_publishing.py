"""Publishing content: per-locale independence, versions restored into the draft only,
schedules applied by their job at their time, handles and their 301s."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from cloudcat.core import site_version
from cloudcat.core.content import PUBLISH_DUE, next_scheduled_publish
from cloudcat.core.content.jobs import publish_due_handler
from cloudcat.core.content.pages import create_page, restore_revision, save_draft, update_page
from cloudcat.core.content.publishing import (
    apply_due_publish,
    cancel_schedule,
    publish_now,
    schedule_publish,
    unpublish,
)
from cloudcat.core.content.reads import moved_handle, published_page, published_pages
from cloudcat.core.documents import Shop
from cloudcat.core.errors import BadInput, Conflict
from cloudcat.core.jobs import Worker
from cloudcat.core.storage.database import RawDatabase
from tests.conftest import make_shop


def _data(title: str, text: str = "") -> dict[str, object]:
    blocks = [{"type": "rich_text", "settings": {"html": f"<p>{text or title}</p>"}}]
    return {"title": title, "blocks": blocks}


def test_publishing_one_locale_never_publishes_another(shop: Shop) -> None:
    page = create_page(shop.id, "landing", "zh-CN", _data("关于我们"), handle="about")
    save_draft(shop.id, page["_id"], "en", _data("About us"))
    before = site_version.current(shop.id).version
    publish_now(shop.id, page["_id"], "zh-CN")
    assert site_version.current(shop.id).version > before
    zh = published_page(shop.id, "landing", "about", "zh-CN", "zh-CN")
    assert zh is not None and zh.title == "关于我们" and zh.alternates == ["zh-CN"]
    # en is not published: an English reader gets the shop's locale, never the en draft.
    en = published_page(shop.id, "landing", "about", "en", "zh-CN")
    assert en is not None and en.locale == "zh-CN" and en.title == "关于我们"
    publish_now(shop.id, page["_id"], "en")
    save_draft(shop.id, page["_id"], "zh-CN", _data("关于我们（新稿）"))
    en = published_page(shop.id, "landing", "about", "en", "zh-CN")
    zh = published_page(shop.id, "landing", "about", "zh-CN", "zh-CN")
    assert en is not None and en.title == "About us" and en.alternates == ["en", "zh-CN"]
    assert zh is not None and zh.title == "关于我们"  # the new zh draft is not live
    unpublish(shop.id, page["_id"], "zh-CN")
    zh = published_page(shop.id, "landing", "about", "zh-CN", "zh-CN")
    assert zh is not None and zh.locale == "en"  # falls back to the other published locale
    unpublish(shop.id, page["_id"], "en")
    assert published_page(shop.id, "landing", "about", "zh-CN", "zh-CN") is None


def test_restoring_a_revision_fills_the_draft_and_keeps_what_is_live(shop: Shop) -> None:
    page = create_page(shop.id, "home", "zh-CN", _data("第一版"))
    publish_now(shop.id, page["_id"], "zh-CN")
    save_draft(shop.id, page["_id"], "zh-CN", _data("第二版"))
    publish_now(shop.id, page["_id"], "zh-CN")
    doc = restore_revision(shop.id, page["_id"], "zh-CN", 1)
    state = doc["locales"]["zh-CN"]
    assert state["draft"]["title"] == "第一版"
    assert state["published"]["title"] == "第二版" and state["published_revision"] == 2
    live = published_page(shop.id, "home", "home", "zh-CN", "zh-CN")
    assert live is not None and live.title == "第二版"
    publish_now(shop.id, page["_id"], "zh-CN")
    live = published_page(shop.id, "home", "home", "zh-CN", "zh-CN")
    assert live is not None and live.title == "第一版"


def test_a_stale_draft_version_is_a_conflict(shop: Shop) -> None:
    page = create_page(shop.id, "landing", "zh-CN", _data("A"))
    saved = save_draft(shop.id, page["_id"], "zh-CN", _data("B"), draft_version=1)
    assert saved["locales"]["zh-CN"]["draft_version"] == 2
    with pytest.raises(Conflict):
        save_draft(shop.id, page["_id"], "zh-CN", _data("C"), draft_version=1)
    # A new locale starts at version 0.
    save_draft(shop.id, page["_id"], "en", _data("En"), draft_version=0)


def _run_due_job(db: RawDatabase, shop: Shop, at: datetime) -> object:
    """Run the shop's publish job with a real worker as if the clock said `at`: its `run_at`
    is moved to the real past (so the worker claims it now) and the handler's clock is `at`."""
    db["jobs"].update_many(
        {"shop_id": shop.id, "kind": PUBLISH_DUE}, {"$set": {"run_at": datetime.now(UTC)}}
    )
    worker = Worker(db, {PUBLISH_DUE: publish_due_handler(clock=lambda: at)})
    assert worker.run_once()
    job = db["jobs"].find_one({"shop_id": shop.id, "kind": PUBLISH_DUE})
    assert job is not None and job["state"] == "succeeded", job
    return job["result"]


def test_a_scheduled_publish_is_applied_by_its_job_at_its_time(db: RawDatabase, shop: Shop) -> None:
    now = datetime.now(UTC)
    at = now + timedelta(hours=2)
    page = create_page(shop.id, "landing", "zh-CN", _data("双11 预告"), handle="d11")
    schedule_publish(db, shop.id, page["_id"], "zh-CN", at, now=now)
    save_draft(shop.id, page["_id"], "zh-CN", _data("edited after scheduling"))
    job = db["jobs"].find_one({"shop_id": shop.id, "kind": PUBLISH_DUE})
    assert job is not None and job["run_at"] == at.replace(
        microsecond=at.microsecond // 1000 * 1000
    )
    assert job["idempotency_key"] == f"{page['_id']}:zh-CN:1"
    assert next_scheduled_publish(shop.id, now) is not None
    assert published_page(shop.id, "landing", "d11", "zh-CN", "zh-CN") is None
    assert not apply_due_publish(
        shop.id, str(page["_id"]), "zh-CN", 1, now=at - timedelta(seconds=1)
    )
    assert published_page(shop.id, "landing", "d11", "zh-CN", "zh-CN") is None
    before = site_version.current(shop.id).version
    assert _run_due_job(db, shop, at) == {"applied": True}
    live = published_page(shop.id, "landing", "d11", "zh-CN", "zh-CN")
    assert live is not None and live.title == "双11 预告"  # what was scheduled, not the later draft
    assert site_version.current(shop.id).version > before
    assert next_scheduled_publish(shop.id, now) is None
    assert not apply_due_publish(shop.id, str(page["_id"]), "zh-CN", 1, now=at)  # once only


def test_a_cancelled_or_past_schedule_publishes_nothing(db: RawDatabase, shop: Shop) -> None:
    now = datetime.now(UTC)
    page = create_page(shop.id, "landing", "zh-CN", _data("X"), handle="x")
    with pytest.raises(BadInput) as refused:
        schedule_publish(db, shop.id, page["_id"], "zh-CN", now - timedelta(minutes=1), now=now)
    assert refused.value.fields[0].path == ["at"]
    at = now + timedelta(minutes=30)
    schedule_publish(db, shop.id, page["_id"], "zh-CN", at, now=now)
    cancel_schedule(shop.id, page["_id"], "zh-CN")
    assert not apply_due_publish(shop.id, str(page["_id"]), "zh-CN", 1, now=at)
    assert published_page(shop.id, "landing", "x", "zh-CN", "zh-CN") is None


def test_a_renamed_page_keeps_its_old_handle_for_a_redirect(shop: Shop) -> None:
    page = create_page(shop.id, "landing", "zh-CN", _data("春季上新"))
    assert page["handle"] == "chun-ji-shang-xin"
    publish_now(shop.id, page["_id"], "zh-CN")
    update_page(shop.id, page["_id"], handle="spring")
    assert moved_handle(shop.id, "landing", "chun-ji-shang-xin") == "spring"
    assert published_page(shop.id, "landing", "spring", "zh-CN", "zh-CN") is not None
    other = create_page(shop.id, "landing", "zh-CN", _data("Other"), handle="chun-ji-shang-xin")
    assert other["handle"] == "chun-ji-shang-xin"
    assert moved_handle(shop.id, "landing", "chun-ji-shang-xin") is None
    with pytest.raises(BadInput):
        update_page(shop.id, other["_id"], handle="spring")
    second = create_page(shop.id, "landing", "zh-CN", _data("Spring"))
    assert second["handle"] == "spring-2"


def test_articles_are_listed_newest_first_with_tags_and_pages(shop: Shop) -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    ids = []
    for n in range(5):
        page = create_page(
            shop.id, "article", "zh-CN", _data(f"文章 {n}"), tags=["tea"] if n % 2 else []
        )
        publish_now(shop.id, page["_id"], "zh-CN", now=start + timedelta(days=n))
        ids.append(str(page["_id"]))
    create_page(shop.id, "article", "zh-CN", _data("草稿"))  # never published
    first = published_pages(shop.id, "article", "en", "zh-CN", limit=3)
    assert [p.title for p in first] == ["文章 4", "文章 3", "文章 2"]
    rest = published_pages(shop.id, "article", "en", "zh-CN", limit=3, after=first[-1].id)
    assert [p.title for p in rest] == ["文章 1", "文章 0"]
    tagged = published_pages(shop.id, "article", "zh-CN", "zh-CN", limit=10, tag="tea")
    assert [p.title for p in tagged] == ["文章 3", "文章 1"]


def test_one_shop_never_reads_or_changes_another_shops_pages(shop: Shop) -> None:
    other = make_shop("other-shop")
    page = create_page(shop.id, "landing", "zh-CN", _data("Mine"), handle="mine")
    publish_now(shop.id, page["_id"], "zh-CN")
    assert published_page(other.id, "landing", "mine", "zh-CN", "zh-CN") is None
    assert published_pages(other.id, "landing", "zh-CN", "zh-CN", limit=10) == []
    from cloudcat.core.errors import NotFound

    for change in (
        lambda: publish_now(other.id, page["_id"], "zh-CN"),
        lambda: unpublish(other.id, page["_id"], "zh-CN"),
        lambda: save_draft(other.id, page["_id"], "zh-CN", _data("Theirs")),
    ):
        with pytest.raises(NotFound):
            change()
    live = published_page(shop.id, "landing", "mine", "zh-CN", "zh-CN")
    assert live is not None and live.title == "Mine"
